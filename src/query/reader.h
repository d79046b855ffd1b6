// The read side: every read the CLI and the API offer is one function of query/ (cases.h,
// reports.h, finance.h), taking the Reader it reads through, the caller's scope (ledger/access/scope.h;
// required, never defaulted) and the date or moment it is read as of, and returning a typed
// result that each front end renders (text, JSON, CSV or .xlsx: report/). What lies outside the
// scope is left out, or answered exactly as if it were not recorded, here and nowhere else; the
// front ends parse what they are given and render what they get back.
//
// A Reader is one Database (one store connection), used by one thread at a time; the
// portfolio views it folds are shared through a ViewCache that outlives it.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "core/civil_date.h"
#include "ledger/database.h"
#include "query/view_cache.h"

namespace fms::query {

class Reader {
 public:
  Reader(ledger::Database& database, ViewCache& views) : database_(database), views_(views) {}

  // The date a read is as of when the caller names none.
  [[nodiscard]] CivilDate today() const { return database_.today(); }
  // A case identifier as the ledger writes it ("ja-p-twk" -> "JA-P-TWK"), or why it is not one.
  [[nodiscard]] Result<std::string> normalise_case_id(const std::string& text) const {
    return database_.cases().normalise_case_id(text);
  }

  // For the reads of query/: the database they read, and the shared view of a date.
  [[nodiscard]] ledger::Database& database() const { return database_; }
  Result<std::shared_ptr<const ledger::PortfolioView>> view(const CivilDate& as_of) const {
    return views_.view(database_, as_of);
  }

 private:
  ledger::Database& database_;
  ViewCache& views_;
};

}  // namespace fms::query
