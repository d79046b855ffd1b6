// The recorded exchange rates as a JSON list (`rates list --json`, GET /api/rates): each point
// with its pair, rate, source, and the rate document that recorded it first. The rate on a date
// (`rates show --json`, GET /api/rates/on): the latest point on or before it, and its document.
#pragma once

#include <optional>
#include <string>

#include "ledger/money/rate_book.h"
#include "report/case_views.h"

namespace fms::report {

Json rate_list_json(const ledger::RateBook& book, const std::optional<std::string>& pair,
                    const std::optional<CivilDate>& as_of);

// not_found when the pair has no rate on or before `date` (ledger::RateBook::on).
Result<Json> rate_on_json(const ledger::RateBook& book, const std::string& pair,
                          const CivilDate& date);

}  // namespace fms::report
