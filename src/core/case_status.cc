// The case lifecycle state machine (domain reference section 1.2): status names and the table
// of legal one-step transitions. The table below is the single source of truth; every guard in
// the ledger asks check_transition, and its error lists what the case may do instead.
#include "core/case_status.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace fms {

namespace {

using S = CaseStatus;

constexpr std::size_t kStatusCount = 18;

constexpr std::array<CaseStatus, kStatusCount> kAll{
    S::lor_received,
    S::pa_issued,
    S::in_development,
    S::cn_pending,
    S::offered,
    S::restated,
    S::expired,
    S::withdrawn,
    S::accepted,
    S::implemented,
    S::suspended,
    S::cancellation_requested,
    S::cancelled,
    S::supply_services_complete,
    S::closure_submitted,
    S::closed_interim,
    S::closed,
    S::reopened,
};

// Indexed by the enum's value; must list names in declaration order.
constexpr std::array<std::string_view, kStatusCount> kNames{
    "lor-received",
    "pa-issued",
    "in-development",
    "cn-pending",
    "offered",
    "restated",
    "offer-expired",
    "withdrawn",
    "accepted",
    "implemented",
    "suspended",
    "cancellation-requested",
    "cancelled",
    "supply-services-complete",
    "closure-submitted",
    "closed-interim",
    "closed",
    "reopened",
};

constexpr bool all_in_declaration_order() {
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    if (static_cast<std::size_t>(kAll[i]) != i) return false;
  }
  return true;
}
static_assert(all_in_declaration_order(), "kAll and kNames must follow the enum's order");
static_assert(static_cast<std::size_t>(S::reopened) + 1 == kStatusCount,
              "a CaseStatus was added: extend kAll, kNames and the transition table");

struct Transitions {
  CaseStatus from;
  std::vector<CaseStatus> to;  // in the order offered to users
};

const std::vector<Transitions>& table() {
  static const std::vector<Transitions> t{
      // pre-offer; withdrawn = the LOR or offer is abandoned before acceptance
      {S::lor_received, {S::pa_issued, S::in_development, S::withdrawn}},
      {S::pa_issued, {S::in_development, S::withdrawn}},
      {S::in_development, {S::cn_pending, S::offered, S::withdrawn}},
      {S::cn_pending, {S::offered, S::withdrawn}},
      // offer
      {S::offered, {S::accepted, S::expired, S::restated, S::withdrawn}},
      {S::restated, {S::offered}},
      {S::expired, {S::cancelled, S::offered}},
      {S::cancelled, {S::offered}},  // reactivation of a cancelled offer
      {S::withdrawn, {}},
      // start and execution
      {S::accepted, {S::implemented}},
      {S::implemented, {S::supply_services_complete, S::suspended, S::cancellation_requested}},
      {S::suspended, {S::implemented, S::cancelled}},
      {S::cancellation_requested, {S::closure_submitted}},
      {S::supply_services_complete, {S::closure_submitted}},
      // closure
      {S::closure_submitted, {S::closed_interim, S::closed}},
      {S::closed_interim, {S::closed, S::reopened}},
      {S::closed, {S::reopened}},
      {S::reopened, {S::implemented}},
  };
  return t;
}

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fmsledger: case_status: %s\n", what);
  std::abort();
}

std::size_t index_of(CaseStatus status) {
  const auto i = static_cast<std::size_t>(status);
  if (i >= kStatusCount) die("CaseStatus value out of range");
  return i;
}

const std::vector<CaseStatus>& exits(CaseStatus from) {
  for (const Transitions& row : table()) {
    if (row.from == from) return row.to;
  }
  die("CaseStatus missing from the transition table");
}

std::string join(const std::vector<CaseStatus>& statuses) {
  std::string out;
  for (const CaseStatus s : statuses) {
    if (!out.empty()) out += ", ";
    out += to_string(s);
  }
  return out;
}

}  // namespace

std::span<const CaseStatus> all_case_statuses() {
  return kAll;
}

std::string_view to_string(CaseStatus status) {
  return kNames[index_of(status)];
}

Result<CaseStatus> case_status_from_string(std::string_view text) {
  for (const CaseStatus s : kAll) {
    if (to_string(s) == text) return s;
  }
  // The name the status had before it said whose expiry it is; logs written then use it.
  if (text == "expired") return CaseStatus::expired;
  std::string valid;
  for (const CaseStatus s : kAll) {
    if (!valid.empty()) valid += ", ";
    valid += to_string(s);
  }
  return Error::invalid("unknown case status \"" + std::string(text) +
                        "\"; valid statuses are: " + valid);
}

std::vector<CaseStatus> legal_next_statuses(CaseStatus from) {
  return exits(from);
}

Status check_transition(CaseStatus from, CaseStatus to) {
  const std::vector<CaseStatus>& allowed = exits(from);
  for (const CaseStatus s : allowed) {
    if (s == to) return Status::Ok();
  }
  std::string message =
      "cannot go from " + std::string(to_string(from)) + " to " + std::string(to_string(to)) + "; ";
  if (allowed.empty()) {
    message += std::string(to_string(from)) + " is final";
  } else {
    message += "from " + std::string(to_string(from)) + " the case may go to: " + join(allowed);
  }
  return Error::invalid(message);
}

}  // namespace fms
