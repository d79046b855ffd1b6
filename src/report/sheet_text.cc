// Typed sheets as text, CSV and JSON (see sheet_text.h).
#include "report/sheet_text.h"

#include <variant>

#include "core/overloaded.h"
#include "report/csv_writer.h"
#include "report/table.h"

namespace fms::report {
namespace {

std::string grouped_integer(std::int64_t value) {
  return Money(value, Currency::jpy()).format();  // yen have no minor digits: plain grouping
}

std::string cell_text(const XlsxCell& cell, bool grouped) {
  return std::visit(Overloaded{[](const XlsxEmpty&) { return std::string(); },
                               [](const std::string& text) { return text; },
                               [&](std::int64_t value) {
                                 return grouped ? grouped_integer(value) : std::to_string(value);
                               },
                               [&](const Money& money) {
                                 return grouped ? money.format() : money.to_plain_string();
                               },
                               [](const CivilDate& date) { return date.to_string(); },
                               [](const ExchangeRate& rate) { return rate.to_string(); }},
                    cell);
}

bool numeric(const XlsxCell& cell) {
  return std::holds_alternative<std::int64_t>(cell) || std::holds_alternative<Money>(cell) ||
         std::holds_alternative<ExchangeRate>(cell);
}

}  // namespace

std::string json_key(const std::string& heading) {
  std::string key;
  for (const char c : heading) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if (alnum) {
      key += c;
    } else if (!key.empty() && key.back() != '_') {
      key += '_';
    }
  }
  while (!key.empty() && key.back() == '_') key.pop_back();
  return key;
}

std::string sheet_text(const XlsxSheet& sheet) {
  std::vector<Align> align(sheet.header.size(), Align::left);
  for (const auto& row : sheet.rows) {
    for (std::size_t i = 0; i < row.size() && i < align.size(); ++i) {
      if (numeric(row[i])) align[i] = Align::right;
    }
  }
  std::vector<Column> columns;
  for (std::size_t i = 0; i < sheet.header.size(); ++i)
    columns.push_back({sheet.header[i], align[i]});
  Table table(std::move(columns));
  for (const auto& row : sheet.rows) {
    std::vector<std::string> cells;
    for (const XlsxCell& cell : row) cells.push_back(cell_text(cell, true));
    cells.resize(sheet.header.size());
    table.add_row(std::move(cells));
  }
  return table.render();
}

std::string sheet_csv(const XlsxSheet& sheet) {
  CsvWriter csv(sheet.header);
  for (const auto& row : sheet.rows) {
    std::vector<std::string> cells;
    for (const XlsxCell& cell : row) cells.push_back(cell_text(cell, false));
    cells.resize(sheet.header.size());
    csv.add_row(cells);
  }
  return csv.text();
}

nlohmann::ordered_json sheet_json(const XlsxSheet& sheet) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : sheet.rows) {
    nlohmann::ordered_json object;
    for (std::size_t i = 0; i < sheet.header.size(); ++i) {
      const std::string key = json_key(sheet.header[i]);
      if (i >= row.size() || std::holds_alternative<XlsxEmpty>(row[i])) {
        object[key] = nullptr;
      } else if (const auto* value = std::get_if<std::int64_t>(&row[i])) {
        object[key] = *value;
      } else {
        object[key] = cell_text(row[i], false);
      }
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

}  // namespace fms::report
