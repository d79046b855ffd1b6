// Plain-text tables for terminal output: columns sized to their content, numbers right-aligned.
#pragma once

#include <string>
#include <vector>

namespace fms::report {

enum class Align { left, right };

struct Column {
  std::string heading;
  Align align = Align::left;
};

class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  void add_row(std::vector<std::string> cells);
  void add_separator();  // a rule before totals
  [[nodiscard]] std::string render() const;  // ends with a newline
  [[nodiscard]] bool empty() const { return rows_.empty(); }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a separator
};

}  // namespace fms::report
