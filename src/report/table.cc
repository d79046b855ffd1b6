// Text table rendering. Widths count UTF-8 code points, not bytes, so yen signs and
// accented names line up.
#include "report/table.h"

#include <algorithm>

namespace fms::report {
namespace {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void Table::add_separator() { rows_.emplace_back(); }

std::string Table::render() const {
  std::vector<std::size_t> widths(columns_.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) widths[i] = display_width(columns_[i].heading);
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string& cell = i < cells.size() ? cells[i] : std::string();
      const std::string pad(widths[i] - display_width(cell), ' ');
      if (i > 0) out += "  ";
      out += columns_[i].align == Align::right ? pad + cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headings;
  for (const auto& c : columns_) headings.push_back(c.heading);
  std::string out = line(headings);
  std::size_t total = 0;
  for (auto w : widths) total += w;
  total += 2 * (columns_.empty() ? 0 : columns_.size() - 1);
  const std::string rule(total, '-');
  out += rule + "\n";
  for (const auto& row : rows_) out += row.empty() ? rule + "\n" : line(row);
  return out;
}

}  // namespace fms::report
