// The recorded exchange rates as a JSON list (`rates list --json`, GET /api/rates): each point
// with its pair, rate, source, and the rate document that recorded it first.
#pragma once

#include <optional>
#include <string>

#include "ledger/rate_book.h"
#include "report/case_views.h"

namespace fms::report {

Json rate_list_json(const ledger::RateBook& book, const std::optional<std::string>& pair,
                    const std::optional<CivilDate>& as_of);

}  // namespace fms::report
