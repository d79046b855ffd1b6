// Reports in the reader's language: a CSV or .xlsx report asked for with ?lang=ja has its column
// headings, sheet names, codes (statuses, discrepancy types, ...), yes/no values and Japanese
// fiscal years (令和7年度) in Japanese. The words are src/http/words.json, the same file the web
// UI shows codes with. JSON answers stay as they are: programs read codes, not words.
#pragma once

#include <span>
#include <vector>

#include "core/japanese_era.h"
#include "http/message.h"
#include "http/responses.h"
#include "report/xlsx_workbook.h"

namespace fms::http {

enum class ReportLanguage { en, ja };

// ?lang= of the request: absent or "en" English, "ja" Japanese; anything else is refused (400).
Answer<ReportLanguage> report_language(const Request& request);

// The sheets as `language` words them; English leaves them untouched.
std::vector<report::XlsxSheet> in_language(std::vector<report::XlsxSheet> sheets,
                                           ReportLanguage language,
                                           std::span<const JapaneseEra> eras);

}  // namespace fms::http
