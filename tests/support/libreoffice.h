// Reading a workbook back with LibreOffice, an independent reader: converts it to CSV (one file
// per sheet) or flat ODS, headless, with a profile and HOME of its own so tests in parallel do
// not share one.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/subprocess.h"

namespace fms::test_support {

// The CSV filter that writes every sheet ("<stem>-<Sheet>.csv") with stored values, not as shown.
inline const std::string kLibreOfficeCsvAllSheets =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

constexpr auto kLibreOfficeTimeLimit = std::chrono::seconds(120);

// Converts `workbook` into `out_dir` with LibreOffice's `filter`. LibreOffice runs headless with a
// profile and HOME of its own under `scratch` (so tests in parallel do not share one), and
// without the sanitizer variables this process may carry, which are not meant for it.
inline ::testing::AssertionResult convert_with_libreoffice(const std::filesystem::path& workbook,
                                                           const std::string& filter,
                                                           const std::filesystem::path& out_dir,
                                                           const std::filesystem::path& scratch) {
  const auto program = find_on_path("libreoffice");
  if (!program) {
    return ::testing::AssertionFailure()
           << "libreoffice is not on PATH; it reads the workbook back for this test. "
              "scripts/bootstrap installs it (Debian package libreoffice-calc-nogui)";
  }
  const std::vector<std::string> argv = {
      program->string(), "--headless",
      "--norestore",     "-env:UserInstallation=file://" + (scratch / "lo-profile").string(),
      "--convert-to",    filter,
      "--outdir",        out_dir.string(),
      workbook.string()};
  const auto environment = environment_with(
      {"LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"},
      {"HOME=" + scratch.string(), "TMPDIR=" + scratch.string(), "LC_ALL=C.UTF-8"});
  const auto run =
      run_with_time_limit(argv, environment, scratch / "libreoffice.log", kLibreOfficeTimeLimit);
  if (run.timed_out) {
    return ::testing::AssertionFailure()
           << "libreoffice did not finish within " << kLibreOfficeTimeLimit.count() << " s:\n"
           << run.output;
  }
  if (run.exit_code != 0) {
    return ::testing::AssertionFailure() << "libreoffice exited with " << run.exit_code << ":\n"
                                         << run.output;
  }
  return ::testing::AssertionSuccess() << run.output;
}

using CsvTable = std::vector<std::vector<std::string>>;

// RFC 4180 as LibreOffice writes it: quoted fields with doubled quotes, LF or CRLF line ends.
inline CsvTable parse_csv(const std::string& text) {
  CsvTable rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// The cells of each sheet of a flat OpenDocument file, in order, as "type value": "string Case",
// "float 1234.56", "date 2025-04-01". Empty cells are left out.
inline std::map<std::string, std::vector<std::string>> typed_cells(const std::string& fods) {
  auto attribute = [](const std::string& tag, const std::string& name) {
    const std::string key = " " + name + "=\"";
    const auto start = tag.find(key);
    if (start == std::string::npos) return std::string();
    const auto value = start + key.size();
    return tag.substr(value, tag.find('"', value) - value);
  };
  std::map<std::string, std::vector<std::string>> sheets;
  std::vector<std::string>* cells = nullptr;
  std::size_t at = 0;
  while ((at = fods.find('<', at)) != std::string::npos) {
    const std::size_t end = fods.find('>', at);
    const std::string tag = fods.substr(at, end - at + 1);
    at = end;
    if (tag.starts_with("<table:table ")) {
      cells = &sheets[attribute(tag, "table:name")];
    } else if (tag.starts_with("<table:table-cell ") && cells != nullptr) {
      const std::string type = attribute(tag, "office:value-type");
      if (type == "string") {
        const auto text = fods.find("<text:p>", at) + 8;
        std::string value = fods.substr(text, fods.find("</text:p>", text) - text);
        for (const auto& [entity, character] : std::vector<std::pair<std::string, std::string>>{
                 {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
          for (auto p = value.find(entity); p != std::string::npos; p = value.find(entity, p + 1)) {
            value.replace(p, entity.size(), character);
          }
        }
        cells->push_back("string " + value);
      } else if (type == "date") {
        cells->push_back("date " + attribute(tag, "office:date-value"));
      } else if (!type.empty()) {
        cells->push_back(type + " " + attribute(tag, "office:value"));
      }
    }
  }
  return sheets;
}

}  // namespace fms::test_support
