// Reading and writing a budget document in the fmsledger.budget/1 JSON format
// (docs/formats/budget.md): budget rates, appropriations, obligation authorities and programme
// envelopes, restated in full as of an effective date.
//
// Parsing is strict like LOA documents: unknown or missing fields, wrong types, money as JSON
// numbers, amounts not in yen, unknown pairs, rates of zero or below, malformed case ids and
// every rule of core/budget.h (overlapping budget lines, payment years outside an authority)
// are reported together, one "FILE: /json/pointer: problem" per line.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/budget.h"
#include "core/reference_data.h"

namespace fms::io {

inline constexpr std::string_view kBudgetFormat = "fmsledger.budget/1";
inline constexpr std::size_t kMaxBudgetDocumentBytes = std::size_t{4} * 1024 * 1024;

Result<BudgetDocument> parse_budget_document(std::string_view json_text, const std::string& source,
                                             const ReferenceData& reference);
Result<BudgetDocument> budget_document_from_json(const nlohmann::json& document,
                                                 const std::string& source,
                                                 const ReferenceData& reference);

// Canonical form: every field in a fixed order, money as plain decimal strings, so equal
// documents serialise to identical bytes and its SHA-256 identifies the content.
nlohmann::ordered_json to_json(const BudgetDocument& document);
std::string serialize_budget_document(const BudgetDocument& document);

}  // namespace fms::io
