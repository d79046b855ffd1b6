// The composition root (database.h).
#include "ledger/database.h"

#include "store/sqlite/sqlite_store.h"

namespace fms::ledger {

Result<std::unique_ptr<Database>> Database::open(const std::string& path,
                                                 const OpenOptions& options,
                                                 const ReferenceData& reference, Clock clock,
                                                 PasswordCost cost) {
  FMS_ASSIGN_OR_RETURN(
      std::unique_ptr<store::Store> store,
      store::open_sqlite_store(path, {.create_if_missing = options.create_if_missing,
                                      .busy_timeout_ms = options.busy_timeout_ms}));
  return std::make_unique<Database>(std::move(store), reference, std::move(clock), cost);
}

Database::Database(std::unique_ptr<store::Store> store, const ReferenceData& reference, Clock clock,
                   PasswordCost cost)
    : Database(*store, reference, std::move(clock), cost) {
  owned_ = std::move(store);
}

Database::Database(store::Store& store, const ReferenceData& reference, Clock clock,
                   PasswordCost cost)
    : store_(store),
      reference_(reference),
      clock_(std::move(clock)),
      cases_(store, reference, clock_),
      execution_(store, reference, clock_),
      money_(store, reference, clock_, execution_),
      sdrs_(store, reference, clock_, execution_),
      access_(store, clock_, cost),
      verifier_(store, reference, money_) {
  cases_.set_appropriation_guard([this](const LoaVersion& next, const std::string& source) {
    return money_.appropriation_effect(next, source);
  });
  cases_.set_lifecycle_evidence([this](const CaseState& state, const CivilDate& date) {
    return execution_.lifecycle_evidence(state, date);
  });
}

Database::~Database() = default;

Result<PortfolioView> Database::portfolio_view(const CivilDate& as_of) {
  // The SDRs are read after the view: a step recorded in between is in the answer, never one
  // whose discrepancy the view does not show yet.
  FMS_ASSIGN_OR_RETURN(ReconciliationView view, execution_.reconciliation_view(as_of));
  FMS_ASSIGN_OR_RETURN(SdrRegister sdrs, sdrs_.sdrs());
  PortfolioView out;
  static_cast<ReconciliationView&>(out) = std::move(view);
  out.sdrs = std::move(sdrs);
  return out;
}

Result<std::int64_t> Database::last_business_sequence() {
  return store_.last_business_sequence();
}

Status Database::begin_snapshot() {
  return store_.begin_snapshot();
}

void Database::end_snapshot() {
  store_.end_snapshot();
}

Status Database::ping() {
  auto listed = store_.list_cases(store::CaseFilter{
      .status = std::nullopt, .customer = std::nullopt, .case_id = "(health check)"});
  if (!listed.ok()) return listed.error();
  return Status::Ok();
}

}  // namespace fms::ledger
