// The Store: where the append-only event log and the projections of current state live.
//
// The event log is the source of truth. Each event records who (actor), when (recorded_at, UTC),
// which case, what (type + type_version + payload) and is chained to the one before by SHA-256
// (see event_hash.h), so any later alteration of a stored byte is detectable. Projections
// (one summary row per case and its current lines) exist for fast listing; they are replaced
// in the same transaction as the events that change them, and `verify` recomputes them from
// the log.
//
// The interface is deliberately narrow — append, read events, read projections — so that a
// PostgreSQL implementation can sit behind it without changing any caller.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/shared_bytes.h"

namespace fms::store {

struct EventRecord {
  std::int64_t sequence = 0;  // 1, 2, 3 ... without gaps
  std::string recorded_at;    // "2026-11-25T16:20:24.123456Z"
  std::string actor;
  std::string case_id;  // empty for portfolio events; "@access" / "@audit" for those streams
  std::string type;     // "case.document_recorded"
  int type_version = 1;
  std::string payload;        // exact stored bytes (JSON)
  std::string previous_hash;  // hex SHA-256 of the previous event; 64 zeros for the first
  std::string hash;           // hex SHA-256 of this event (event_hash.h)

  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

struct NewEvent {
  std::string recorded_at;
  std::string actor;
  std::string case_id;
  std::string type;
  int type_version = 1;
  std::string payload;
};

// The current picture of one case, as listing and reports need it.
struct CaseSummaryRow {
  std::string case_id;
  std::string customer;             // "JA"
  std::string implementing_agency;  // "P"
  std::string title;
  std::string purchaser;
  std::string status;       // "implemented"
  std::string status_date;  // date of the last status change
  int latest_version = 0;
  std::string latest_document;   // "Modification 1"
  std::string currency;          // "USD"
  std::int64_t total_minor = 0;  // case value (latest version) in minor units
  int line_count = 0;
  std::int64_t last_sequence = 0;  // last event of the case

  friend bool operator==(const CaseSummaryRow&, const CaseSummaryRow&) = default;
};

struct CaseLineRow {
  std::string case_id;
  std::string line_number;
  std::string description;
  std::int64_t quantity = 0;
  std::string unit_of_issue;
  std::int64_t total_minor = 0;
  bool major_defense_equipment = false;

  friend bool operator==(const CaseLineRow&, const CaseLineRow&) = default;
};

struct CaseProjection {
  CaseSummaryRow summary;
  std::vector<CaseLineRow> lines;

  friend bool operator==(const CaseProjection&, const CaseProjection&) = default;
};

struct AppendRequest {
  std::vector<NewEvent> events;
  std::vector<CaseProjection> projections;  // replace these cases' projections
  // Optimistic concurrency: for each case (or stream: "" for the portfolio, "@access"), the last
  // event sequence the caller decided on (0 = it must have no events). A mismatch fails the
  // append with a conflict.
  std::map<std::string, std::int64_t> expected_last_sequence;
};

struct EventQuery {
  std::optional<std::string> case_id;           // "" selects the portfolio-level events,
                                                // "@access" / "@audit" those streams
  std::optional<std::string> recorded_at_most;  // inclusive upper bound on recorded_at
  std::optional<std::string> type_prefix;       // "execution." selects those types
  // Leaves out the "@" streams (who may use the system, and the audit of its use): what
  // folds the cases and the portfolio never reads, and what grows with every sign-in.
  bool business_only = false;
};

// Every event of the cases and the portfolio, none of the "@" streams.
inline EventQuery business_events() {
  EventQuery query;
  query.business_only = true;
  return query;
}

struct CaseFilter {
  std::optional<std::string> status;
  std::optional<std::string> customer;
  std::optional<std::string> case_id;  // one case: its summary, or nothing
};

class Store {
 public:
  virtual ~Store() = default;

  // Appends all events (assigning sequence numbers and chain hashes) and replaces the given
  // projections, atomically and durably. Returns the stored records.
  virtual Result<std::vector<EventRecord>> append(const AppendRequest& request) = 0;
  // Events in sequence order.
  virtual Result<std::vector<EventRecord>> read_events(const EventQuery& query) = 0;
  // The sequence of the newest event outside the "@" streams (0 when there is none): whatever
  // is folded from business_events() is unchanged while this is.
  virtual Result<std::int64_t> last_business_sequence() = 0;
  // The newest event of the whole chain: its head (nullopt when the log is empty).
  virtual Result<std::optional<EventRecord>> last_event() = 0;
  // Until end_snapshot, every read sees the database as it was at the first of them, whatever
  // other connections write meanwhile: a reader on a connection of its own works on one
  // consistent state and never waits for a writer. Never around an append.
  virtual Status begin_snapshot() = 0;
  virtual void end_snapshot() = 0;
  virtual Result<std::vector<CaseSummaryRow>> list_cases(const CaseFilter& filter) = 0;
  // Every stored projection, ordered by case id, lines by line number (for verify).
  virtual Result<std::vector<CaseProjection>> read_projections() = 0;

  // Immutable, content-addressed segments: bulk records (delivery listings, receipts, match
  // sets) too large to keep one row per record. An event names a segment by its hash; the
  // segment is stored durably before that event is appended, so the log never names a segment
  // that is missing. Storing the same hash again is a no-op. The store keeps bytes under
  // their name; what a segment holds, and so how its name is recomputed, the ledger knows.
  virtual Status put_segment(std::string_view hash, std::string_view bytes) = 0;
  // The segment's bytes, kept alive by the returned keeper (a backend may map them in place);
  // not_found if absent.
  virtual Result<SharedBytes> read_segment(std::string_view hash) = 0;
};

// Event streams that belong to no case. A case id never starts with '@'.
//   "@access": users, organisations, grants and API tokens (ledger/access/access_book.h); appended with
//              the stream's last sequence as the optimistic expectation, like a case.
//   "@audit":  logins, failed logins, denials, exports and logouts; appended with no
//              expectation, so recording a login never makes an administrator's command conflict.
// Neither is a case, and neither is portfolio-level (""): the folds of cases and of the portfolio
// skip them, and each has a fold of its own.
inline constexpr std::string_view kAccessStream =
    "@access";  // users, grants, tokens, organisations
inline constexpr std::string_view kAuditStream =
    "@audit";  // logins, failed logins, denials, exports
inline bool is_case_stream(std::string_view case_id) {
  return !case_id.empty() && case_id.front() != '@';
}

// Limits every Store implementation enforces.
inline constexpr std::size_t kMaxEventPayloadBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxActorBytes = 128;

}  // namespace fms::store
