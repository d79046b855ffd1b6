// RFC 4180 field quoting.
#include "report/csv_writer.h"

namespace fms::report {

void CsvWriter::add_row(const std::vector<std::string>& fields) {
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) text_ += ',';
    first = false;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      text_ += field;
      continue;
    }
    text_ += '"';
    for (char c : field) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
  }
  text_ += '\n';
}

}  // namespace fms::report
