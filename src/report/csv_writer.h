// CSV output for reports (RFC 4180): a header row, then one row per record; fields with a comma,
// quote or line break are quoted, quotes doubled. LF line endings, UTF-8, no BOM.
#pragma once

#include <string>
#include <vector>

namespace fms::report {

class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header) { add_row(header); }
  void add_row(const std::vector<std::string>& fields);
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace fms::report
