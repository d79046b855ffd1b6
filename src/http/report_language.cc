#include "http/report_language.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "http/embedded_api_files.h"
#include "http/problem.h"

namespace fms::http {
namespace {

using nlohmann::json;

// The words file, parsed once; it is compiled in, so a malformed one fails the tests, not a user.
const json& words() {
  static const json parsed = [] {
    for (const auto& file : embedded::embedded_files()) {
      if (file.name == "words.json") return json::parse(file.content);
    }
    return json::object();
  }();
  return parsed;
}

// A member of `object`, or null when it has none (const operator[] on a missing key is undefined).
const json& member(const json& object, const std::string& key) {
  static const json none;
  if (!object.is_object()) return none;
  const auto found = object.find(key);
  return found == object.end() ? none : *found;
}

std::string word_or(const json& table, const std::string& key, const std::string& fallback) {
  if (!table.is_object()) return fallback;
  const auto found = table.find(key);
  return found != table.end() && found->is_string() ? found->get<std::string>() : fallback;
}

// The Japanese word of a code in one of the code tables named for a column.
std::string code_in_japanese(const json& tables, const std::string& code) {
  for (const auto& name : tables) {
    const json& entry = member(member(member(words(), "codes"), name.get<std::string>()), code);
    if (entry.is_object()) return word_or(entry, "ja", code);
  }
  return code;
}

// "JFY2025" as 令和7年度; anything else (or a year before the first era) as it is.
std::string fiscal_year_in_japanese(const std::string& text, std::span<const JapaneseEra> eras) {
  static const std::regex label("^JFY([0-9]{4})$");
  std::smatch m;
  if (!std::regex_match(text, m, label)) return text;
  const auto name = japanese_fiscal_year_name(eras, std::stoi(m[1].str()));
  return name.ok() ? name->japanese : text;
}

enum class ColumnKind { plain, code, value, fiscal_year };

struct Column {
  ColumnKind kind = ColumnKind::plain;
  json tables;  // for ColumnKind::code
};

Column column_of(const std::string& header) {
  const json& codes = member(member(words(), "report_code_columns"), header);
  if (codes.is_array()) return {ColumnKind::code, codes};
  const auto listed = [&header](const json& names) {
    return names.is_array() && std::find(names.begin(), names.end(), header) != names.end();
  };
  if (listed(member(words(), "report_value_columns"))) return {ColumnKind::value, {}};
  if (listed(member(words(), "report_fiscal_year_columns"))) return {ColumnKind::fiscal_year, {}};
  return {};
}

std::string cell_in_japanese(const Column& column, const std::string& text,
                             std::span<const JapaneseEra> eras) {
  switch (column.kind) {
    case ColumnKind::code:
      return code_in_japanese(column.tables, text);
    case ColumnKind::value:
      return word_or(member(member(words(), "values"), text), "ja", text);
    case ColumnKind::fiscal_year:
      return fiscal_year_in_japanese(text, eras);
    case ColumnKind::plain:
      break;
  }
  return text;
}

report::XlsxSheet sheet_in_japanese(report::XlsxSheet sheet, std::span<const JapaneseEra> eras) {
  std::vector<Column> columns;
  for (auto& header : sheet.header) {
    columns.push_back(column_of(header));
    header = word_or(member(member(words(), "report_columns"), "ja"), header, header);
  }
  sheet.name = word_or(member(member(words(), "report_sheets"), "ja"), sheet.name, sheet.name);
  for (auto& row : sheet.rows) {
    for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
      if (auto* text = std::get_if<std::string>(&row[i])) {
        *text = cell_in_japanese(columns[i], *text, eras);
      }
    }
  }
  return sheet;
}

}  // namespace

Answer<ReportLanguage> report_language(const Request& request) {
  const auto text = request.query_param("lang");
  if (!text || *text == "en") return ReportLanguage::en;
  if (*text == "ja") return ReportLanguage::ja;
  return problem(400, "query parameter \"lang\": \"" + *text + "\" is not en or ja");
}

std::vector<report::XlsxSheet> in_language(std::vector<report::XlsxSheet> sheets,
                                           ReportLanguage language,
                                           std::span<const JapaneseEra> eras) {
  if (language == ReportLanguage::en) return sheets;
  for (auto& sheet : sheets) sheet = sheet_in_japanese(std::move(sheet), eras);
  return sheets;
}

}  // namespace fms::http
