// Execution commands: importing execution documents and reconciling them (execution_ledger.h).
#include "ledger/execution/execution_ledger.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <set>
#include <unordered_map>

#include "base/short_hash.h"
#include "core/text.h"
#include "io/execution_csv.h"
#include "ledger/cases/case_state.h"
#include "ledger/execution/listing_overlap.h"
#include "ledger/execution/match_set.h"
#include "ledger/log/portfolio_stream.h"
#include "store/event_hash.h"
#include "store/segment_codec.h"
#include "store/segment_hash.h"

namespace fms::ledger {
namespace {

// Statuses in which a case takes execution records: from implementation on (payments from
// acceptance, since the initial deposit is paid with the signed LOA).
bool takes_records(CaseStatus status, ExecutionKind kind) {
  switch (status) {
    case CaseStatus::accepted:
      return kind == ExecutionKind::payments;
    case CaseStatus::implemented:
    case CaseStatus::suspended:
    case CaseStatus::cancellation_requested:
    case CaseStatus::cancelled:
    case CaseStatus::supply_services_complete:
    case CaseStatus::closure_submitted:
    case CaseStatus::closed_interim:
    case CaseStatus::closed:
    case CaseStatus::reopened:
      return true;
    default:
      return false;
  }
}

// How messages name a kind of document, in the plural.
std::string plural_name(ExecutionKind kind) {
  switch (kind) {
    case ExecutionKind::delivery_listing:
      return "delivery listings";
    case ExecutionKind::receipts:
      return "receipt inspections";
    case ExecutionKind::bill:
      return "DD 645 bills";
    case ExecutionKind::payments:
      return "payments";
  }
  return "documents";
}

std::string rows_text(std::int64_t rows) {
  return std::to_string(rows) + (rows == 1 ? " row" : " rows");
}

// What the importer checks each row against: recorded cases, their status and current lines.
struct CaseDirectory {
  struct Entry {
    std::string status;
    std::set<std::string> lines;
  };
  std::map<std::string, Entry> cases;
};

Result<CaseDirectory> case_directory(store::Store& store,
                                     const std::function<bool(const std::string&)>& visible) {
  FMS_ASSIGN_OR_RETURN(auto projections, store.read_projections());
  CaseDirectory directory;
  for (auto& projection : projections) {
    if (visible && !visible(projection.summary.case_id)) continue;
    CaseDirectory::Entry entry;
    entry.status = projection.summary.status;
    for (const auto& line : projection.lines) entry.lines.insert(line.line_number);
    directory.cases.emplace(projection.summary.case_id, std::move(entry));
  }
  return directory;
}

// Checks that every (case, line) a document names is a recorded case in a fitting status and a
// line of its current LOA. `key_problem` reports the first row using a bad key.
// Problems found in a document: all are counted, the first kMaxReportedProblems kept, and the
// result lists them in file order.
class ProblemList {
 public:
  void add(std::uint32_t source_line, std::string field, std::string message) {
    ++total_;
    if (problems_.size() < kMaxReportedProblems) {
      problems_.push_back(RowProblem{source_line, std::move(field), std::move(message)});
    }
  }

  [[nodiscard]] Status result(const std::string& source) const {
    if (total_ == 0) return Status::Ok();
    std::vector<RowProblem> sorted = problems_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
    return Error::invalid(describe_problems(source, sorted, total_));
  }

 private:
  std::vector<RowProblem> problems_;
  std::size_t total_ = 0;
};

class ReferenceCheck {
 public:
  ReferenceCheck(const CaseDirectory& directory, ExecutionKind kind)
      : directory_(directory), kind_(kind) {}

  void check(const std::string& case_id, const std::string& line, std::uint32_t source_line) {
    auto it = directory_.cases.find(case_id);
    if (it == directory_.cases.end()) {
      add(source_line, "case_id", "case " + case_id + " is not recorded (import its LOA first)");
      return;
    }
    const auto status = case_status_from_string(it->second.status);
    if (status.ok() && !takes_records(*status, kind_)) {
      add(source_line, "case_id",
          "case " + case_id + " is " + it->second.status + "; " + plural_name(kind_) +
              (kind_ == ExecutionKind::payments ? " are recorded from acceptance on"
                                                : " are recorded from implementation on"));
      return;
    }
    if (!line.empty() && it->second.lines.count(line) == 0) {
      add(source_line, "line", "case " + case_id + " has no line " + line + " in its current LOA");
    }
    cases_.insert(case_id);
  }

  void add(std::uint32_t source_line, std::string field, std::string message) {
    problems_.add(source_line, std::move(field), std::move(message));
  }
  [[nodiscard]] Status result(const std::string& source) const { return problems_.result(source); }
  [[nodiscard]] std::vector<std::string> cases() const { return {cases_.begin(), cases_.end()}; }

 private:
  const CaseDirectory& directory_;
  ExecutionKind kind_;
  ProblemList problems_;
  std::set<std::string> cases_;
};

// Bulk documents repeat each (case, line) many times; check each distinct key once, reporting
// the first row that uses it.
template <typename Rows>
void check_line_keys(ReferenceCheck& check, const Rows& rows) {
  std::vector<std::uint32_t> first_row(rows.line_keys.size(), UINT32_MAX);
  for (std::size_t i = 0; i < rows.line.size(); ++i) {
    std::uint32_t& first = first_row[rows.line[i]];
    if (first == UINT32_MAX) first = static_cast<std::uint32_t>(i);
  }
  for (std::size_t k = 0; k < rows.line_keys.size(); ++k) {
    if (first_row[k] == UINT32_MAX) continue;
    check.check(rows.line_keys[k].case_id, rows.line_keys[k].line, rows.source_line[first_row[k]]);
  }
}

// A segment holds at most kMaxSegmentDictionaryEntries distinct values per dictionary; a file
// beyond that is refused here rather than reaching the encoder.
Status check_dictionary(const std::string& source, std::string_view what, std::size_t size) {
  if (size <= store::kMaxSegmentDictionaryEntries) return Status::Ok();
  return Error::invalid(source + ": " + std::to_string(size) + " distinct " + std::string(what) +
                        "; a document may have at most " +
                        std::to_string(store::kMaxSegmentDictionaryEntries));
}

// The parsed, checked document, ready to store.
struct PreparedDocument {
  ExecutionDocumentRecorded record;
  std::optional<store::EncodedSegment> segment;
  // Identity keys that must not already be recorded in another active document of the kind.
  // Receipts are checked by their receipt id column instead: millions of rows.
  struct Identity {
    std::string label;    // "payment JP-2025-014", "DD 645 of JA-P-TWK as of 2025-09-30"
    std::string case_id;  // whose numbering the label is in (numbering_of)
    std::uint32_t source_line = 0;
  };
  std::vector<Identity> identities;
  std::optional<ReceiptInspections> receipts;
  std::optional<DeliveryListing> listing;
};

Result<PreparedDocument> prepare(ExecutionKind kind, std::string_view text,
                                 const std::string& source, const ReferenceData& reference,
                                 const CaseDirectory& directory, unsigned threads) {
  PreparedDocument prepared;
  prepared.record.kind = kind;
  prepared.record.source = source;
  prepared.record.file_bytes = static_cast<std::int64_t>(text.size());
  ReferenceCheck check(directory, kind);
  const io::CsvParseOptions options{threads};
  switch (kind) {
    case ExecutionKind::delivery_listing: {
      FMS_ASSIGN_OR_RETURN(DeliveryListing rows,
                           io::parse_delivery_listing(text, source, reference, options));
      FMS_TRY(check_dictionary(source, "case lines", rows.line_keys.size()));
      FMS_TRY(check_dictionary(source, "delivery term codes", rows.term_codes.size()));
      check_line_keys(check, rows);
      FMS_TRY(check.result(source));
      prepared.record.rows = static_cast<std::int64_t>(rows.size());
      prepared.segment = store::encode_segment(rows);
      prepared.listing = std::move(rows);
      break;
    }
    case ExecutionKind::receipts: {
      FMS_ASSIGN_OR_RETURN(ReceiptInspections rows, io::parse_receipts(text, source, options));
      FMS_TRY(check_dictionary(source, "case lines", rows.line_keys.size()));
      FMS_TRY(check_dictionary(source, "inspectors", rows.inspectors.size()));
      check_line_keys(check, rows);
      FMS_TRY(check.result(source));
      prepared.record.rows = static_cast<std::int64_t>(rows.size());
      prepared.segment = store::encode_segment(rows);
      prepared.receipts = std::move(rows);
      break;
    }
    case ExecutionKind::bill: {
      FMS_ASSIGN_OR_RETURN(Bill bill, io::parse_bill(text, source, reference.dd645_columns));
      for (const BillRow& row : bill.rows) {
        check.check(row.case_id, row.line, row.source_line);
        if (row.line.empty()) {
          prepared.identities.push_back(
              {"DD 645 of " + row.case_id + " as of " + row.statement_date.to_string(), row.case_id,
               row.source_line});
        }
      }
      FMS_TRY(check.result(source));
      prepared.record.rows = static_cast<std::int64_t>(bill.rows.size());
      prepared.record.content_hash = store::blake2b_hex(canonical_rows(bill));
      prepared.record.bill = std::move(bill);
      break;
    }
    case ExecutionKind::payments: {
      FMS_ASSIGN_OR_RETURN(Payments payments, io::parse_payments(text, source));
      for (const PaymentRow& row : payments.rows) {
        check.check(row.case_id, "", row.source_line);
        prepared.identities.push_back({"payment " + row.payment_id, row.case_id, row.source_line});
      }
      FMS_TRY(check.result(source));
      prepared.record.rows = static_cast<std::int64_t>(payments.rows.size());
      prepared.record.content_hash = store::blake2b_hex(canonical_rows(payments));
      prepared.record.payments = std::move(payments);
      break;
    }
  }
  if (prepared.segment) {
    prepared.record.content_hash = prepared.segment->hash;
    prepared.record.segment = prepared.segment->hash;
  }
  prepared.record.cases = check.cases();
  return prepared;
}

// Whose numbering an identifier (a receipt id, a payment id) belongs to: the organisation that
// owns the case, or the case's customer code where no organisation claims it. Two purchasers
// may well use the same receipt numbers; one purchaser may not record one twice.
std::string numbering_of(const Scope& scope, const std::string& case_id) {
  if (auto organisation = scope.organisation_of_case(case_id)) return *organisation;
  return "customer " + case_id.substr(0, 2);
}

Status check_receipt_ids(store::Store& store, const ReceiptInspections& rows,
                         const std::string& source,
                         const std::vector<const ExecutionDocument*>& others,
                         const ExecutionDocument* replaced, const Scope& scope) {
  // A receipt id may be recorded by one active document only, within one purchaser's
  // numbering. The new document's ids (unique within it, checked by the parser) go into a hash
  // table; each other document's ids are looked up in it, so a first import of receipts costs
  // nothing here.
  std::unordered_map<std::string_view, std::uint32_t> row_of_id;
  std::vector<std::string> numbering_of_line;
  for (const LineKey& key : rows.line_keys)
    numbering_of_line.push_back(numbering_of(scope, key.case_id));
  ProblemList problems;
  for (const ExecutionDocument* other : others) {
    if (other == replaced || !other->record.segment) continue;
    if (row_of_id.empty()) {
      row_of_id.reserve(rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) {
        row_of_id.emplace(rows.receipt_id.at(i), static_cast<std::uint32_t>(i));
      }
    }
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store.read_segment(*other->record.segment));
    FMS_ASSIGN_OR_RETURN(ReceiptInspections recorded,
                         store::decode_receipt_segment(std::move(bytes)));
    std::vector<std::string> recorded_numbering;
    for (const LineKey& key : recorded.line_keys) {
      recorded_numbering.push_back(numbering_of(scope, key.case_id));
    }
    for (std::size_t i = 0; i < recorded.size(); ++i) {
      auto it = row_of_id.find(recorded.receipt_id.at(i));
      if (it == row_of_id.end()) continue;
      if (recorded_numbering[recorded.line[i]] != numbering_of_line[rows.line[it->second]]) {
        continue;
      }
      const std::string id(recorded.receipt_id.at(i));
      const std::string doc = base::short_hash(other->record.content_hash);
      problems.add(rows.source_line[it->second], "receipt_id",
                   "receipt " + id + " is already recorded in document " + doc + " (" +
                       other->record.source + "); to correct it, import with " +
                       mention("supersedes") + " " + doc + " " + mention("reason") + " \"...\"");
    }
  }
  return problems.result(source);
}

}  // namespace

Result<ExecutionBook> ExecutionLedger::load() {
  FMS_ASSIGN_OR_RETURN(auto events, read_portfolio_stream(store_));
  return book_of(events);
}

Result<ExecutionBook> ExecutionLedger::book_of(const std::vector<store::EventRecord>& events) {
  const std::lock_guard lock(book_mutex_);
  std::int64_t last_in_log = 0;
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (in_portfolio_stream(*it)) {
      last_in_log = it->sequence;
      break;
    }
  }
  // A log that does not reach what was folded is not the one folded (another file, a restore):
  // fold it afresh.
  if (last_in_log < book_.last_sequence) book_ = ExecutionBook{};
  const auto first_new =
      std::upper_bound(events.begin(), events.end(), book_.last_sequence,
                       [](std::int64_t through, const store::EventRecord& event) {
                         return through < event.sequence;
                       });
  const Status folded = fold_execution_into(book_, std::span(first_new, events.end()));
  if (!folded.ok()) {
    book_ = ExecutionBook{};
    return folded.error();
  }
  return book_;
}

Permission permission_to_record(ExecutionKind kind) {
  return kind == ExecutionKind::bill || kind == ExecutionKind::payments ? Permission::manage_finance
                                                                        : Permission::manage_case;
}

namespace {

// A superseding document says why, in 1 to kMaxReasonBytes of plain text.
Status check_supersede_reason(const ExecutionImportOptions& options) {
  if (!options.supersedes) return Status::Ok();
  if (options.reason.empty() || options.reason.size() > kMaxReasonBytes) {
    return Error::invalid(mention("reason") + " must be 1 to " + std::to_string(kMaxReasonBytes) +
                          " bytes: a superseding document says why it replaces the other")
        .concerning("reason");
  }
  const Status reason = check_text(mention("reason"), options.reason, {1, kMaxReasonBytes, true});
  if (!reason.ok()) return reason.error().concerning("reason");
  return Status::Ok();
}

std::string already_recorded(const std::string& source, ExecutionKind kind,
                             const ExecutionDocument& existing) {
  return source + ": this " + std::string(to_string(kind)) + " is already recorded as document " +
         base::short_hash(existing.record.content_hash) + " (" + existing.record.source +
         ", recorded " + existing.recorded_at + " by " + existing.actor + ")" +
         (existing.superseded_by
              ? ", since superseded by " + base::short_hash(*existing.superseded_by)
              : std::string()) +
         "; nothing changed";
}

// The document a corrected re-issue replaces (nullptr without --supersedes): one of its kind,
// not superseded yet, every case of which the scope may record for; any other reads as never
// recorded, since the correction replaces all of its rows.
Result<const ExecutionDocument*> superseded_document(
    const ExecutionBook& book, const ExecutionImportOptions& options, ExecutionKind kind,
    const std::function<bool(const std::string&)>& writable) {
  if (!options.supersedes) return nullptr;
  FMS_ASSIGN_OR_RETURN(const ExecutionDocument* replaced,
                       book.resolve(*options.supersedes, [&](const ExecutionDocument& d) {
                         return std::all_of(d.record.cases.begin(), d.record.cases.end(), writable);
                       }));
  if (replaced->record.kind != kind) {
    return Error::invalid("document " + base::short_hash(replaced->record.content_hash) + " is a " +
                          std::string(to_string(replaced->record.kind)) + ", not a " +
                          std::string(to_string(kind)) + "; a document supersedes one of its kind");
  }
  if (replaced->superseded_by) {
    return Error::conflict("document " + base::short_hash(replaced->record.content_hash) +
                           " was already superseded by " +
                           base::short_hash(*replaced->superseded_by) +
                           "; supersede that one instead");
  }
  return replaced;
}

// The same quarterly bill or payment may not be recorded by two active documents.
Status check_bill_and_payment_identities(const PreparedDocument& prepared,
                                         const ExecutionBook& book,
                                         const ExecutionDocument* replaced, ExecutionKind kind,
                                         const CaseDirectory& directory, const Scope& scope,
                                         const std::string& source) {
  if (prepared.identities.empty()) return Status::Ok();
  std::map<std::string, const ExecutionDocument*> recorded;
  for (const ExecutionDocument* other : book.active(kind)) {
    if (other == replaced) continue;
    if (other->record.bill) {
      for (const BillRow& row : other->record.bill->rows) {
        if (row.line.empty()) {
          recorded.emplace(numbering_of(scope, row.case_id) + '\x1f' + "DD 645 of " + row.case_id +
                               " as of " + row.statement_date.to_string(),
                           other);
        }
      }
    } else if (other->record.payments) {
      for (const PaymentRow& row : other->record.payments->rows) {
        recorded.emplace(numbering_of(scope, row.case_id) + '\x1f' + "payment " + row.payment_id,
                         other);
      }
    }
  }
  ReferenceCheck duplicates(directory, kind);
  for (const auto& identity : prepared.identities) {
    auto it = recorded.find(numbering_of(scope, identity.case_id) + '\x1f' + identity.label);
    if (it == recorded.end()) continue;
    const std::string other = base::short_hash(it->second->record.content_hash);
    duplicates.add(identity.source_line,
                   kind == ExecutionKind::bill ? "statement_date" : "payment_id",
                   identity.label + " is already recorded in document " + other + " (" +
                       it->second->record.source + "); to correct it, import with " +
                       mention("supersedes") + " " + other + " " + mention("reason") + " \"...\"");
  }
  return duplicates.result(source);
}

}  // namespace

Result<ExecutionImportOutcome> ExecutionLedger::import_execution(
    ExecutionKind kind, std::string_view text, const std::string& source,
    const ExecutionImportOptions& options, const Scope& scope) {
  FMS_TRY(check_supersede_reason(options));
  FMS_TRY(check_text("source", source, {1, kMaxSourceBytes, false}));
  // A case the scope may not record this kind for is refused exactly as an unrecorded one.
  const auto writable = scope.cases_where(permission_to_record(kind));
  FMS_ASSIGN_OR_RETURN(CaseDirectory directory, case_directory(store_, writable));
  FMS_ASSIGN_OR_RETURN(PreparedDocument prepared,
                       prepare(kind, text, source, reference_, directory, options.threads));
  FMS_ASSIGN_OR_RETURN(ExecutionBook book, load());
  ExecutionDocumentRecorded& record = prepared.record;

  ExecutionImportOutcome outcome;
  outcome.kind = kind;
  outcome.content_hash = record.content_hash;
  outcome.rows = record.rows;
  outcome.cases = record.cases;
  if (const ExecutionDocument* existing = book.find(record.content_hash)) {
    outcome.message = already_recorded(source, kind, *existing);
    return outcome;
  }
  FMS_ASSIGN_OR_RETURN(const ExecutionDocument* replaced,
                       superseded_document(book, options, kind, writable));
  if (replaced != nullptr) {
    record.supersedes = replaced->record.content_hash;
    record.reason = options.reason;
    outcome.superseded = replaced->record.content_hash;
  }
  // The same receipt, payment or quarterly bill may not be recorded twice by two documents.
  if (prepared.receipts) {
    FMS_TRY(
        check_receipt_ids(store_, *prepared.receipts, source, book.active(kind), replaced, scope));
  }
  if (prepared.listing) {
    FMS_TRY(check_listing_overlap(store_, *prepared.listing, source, book.active(kind), replaced,
                                  record.cases, options.additional));
  }
  FMS_TRY(
      check_bill_and_payment_identities(prepared, book, replaced, kind, directory, scope, source));

  if (prepared.segment) {
    FMS_TRY(store_.put_segment(prepared.segment->hash, prepared.segment->bytes));
  }
  store::AppendRequest request;
  request.expected_last_sequence[""] = book.last_sequence;
  request.events.push_back(store::NewEvent{clock_.timestamp(), scope.actor(), "",
                                           std::string(kExecutionDocumentRecorded), 1,
                                           encode(record)});
  FMS_TRY(store_.append(request));
  outcome.recorded = true;
  outcome.message =
      source + ": recorded " + std::string(to_string(kind)) + " document " +
      base::short_hash(record.content_hash) + " with " + rows_text(record.rows) +
      (replaced ? ", superseding " + base::short_hash(replaced->record.content_hash) : "");
  return outcome;
}

namespace {

// A run records the matches of the whole portfolio, so it is a write on every case whose
// documents it reads.
Status check_may_reconcile(const ExecutionBook& book, const Scope& scope) {
  for (const ExecutionDocument& document : book.documents) {
    if (document.superseded_by) continue;
    for (const std::string& case_id : document.record.cases) {
      if (!scope.may(Permission::manage_case, case_id)) {
        return Error::forbidden(
            "a reconciliation run matches the documents of the whole portfolio; it needs the "
            "case-manager role over every organisation whose documents it reads");
      }
    }
  }
  return Status::Ok();
}

using MatchKey = std::array<std::uint32_t, 4>;

// Matches named by their documents' content hashes and row numbers, not by list positions, so
// that two runs over different document lists compare; sorted.
class MatchKeys {
 public:
  std::vector<MatchKey> of(const std::vector<std::string>& deliveries,
                           const std::vector<std::string>& receipts,
                           const std::vector<recon::Match>& matches) {
    std::vector<std::uint32_t> delivery_ids;
    std::vector<std::uint32_t> receipt_ids;
    for (const auto& hash : deliveries) delivery_ids.push_back(id_of(hash));
    for (const auto& hash : receipts) receipt_ids.push_back(id_of(hash));
    std::vector<MatchKey> keys;
    keys.reserve(matches.size());
    for (const auto& m : matches) {
      keys.push_back({delivery_ids[m.delivery_document], m.delivery_row,
                      receipt_ids[m.receipt_document], m.receipt_row});
    }
    std::sort(keys.begin(), keys.end());
    return keys;
  }

 private:
  std::uint32_t id_of(const std::string& hash) {
    return ids_.emplace(hash, static_cast<std::uint32_t>(ids_.size())).first->second;
  }
  std::map<std::string, std::uint32_t> ids_;
};

// How many of `matches` (of `run`'s documents) the previous run recorded too.
std::int64_t carried_matches(const RecordedRun& last,
                             const std::vector<recon::Match>& previous_matches,
                             const ReconciliationRecorded& run,
                             const std::vector<recon::Match>& matches) {
  const auto by_rows = [](const recon::Match& a, const recon::Match& b) {
    return std::tie(a.delivery_document, a.delivery_row, a.receipt_document, a.receipt_row) <
           std::tie(b.delivery_document, b.delivery_row, b.receipt_document, b.receipt_row);
  };
  if (last.run.deliveries == run.deliveries && last.run.receipts == run.receipts &&
      std::is_sorted(previous_matches.begin(), previous_matches.end(), by_rows)) {
    // The same documents in the same order: positions name the same rows, and both lists are
    // in match()'s canonical order, so one merge counts what the two runs share.
    std::vector<recon::Match> shared;
    std::set_intersection(matches.begin(), matches.end(), previous_matches.begin(),
                          previous_matches.end(), std::back_inserter(shared), by_rows);
    return static_cast<std::int64_t>(shared.size());
  }
  MatchKeys keys;
  const std::vector<MatchKey> previous =
      keys.of(last.run.deliveries, last.run.receipts, previous_matches);
  const std::vector<MatchKey> current = keys.of(run.deliveries, run.receipts, matches);
  std::vector<MatchKey> shared;
  std::set_intersection(current.begin(), current.end(), previous.begin(), previous.end(),
                        std::back_inserter(shared));
  return static_cast<std::int64_t>(shared.size());
}

// The run's summary of what it matched and found, before its match set is stored.
ReconciliationRecorded run_summary(const CivilDate& as_of, const ReconciliationView& view,
                                   const std::vector<recon::Discrepancy>& discrepancies) {
  ReconciliationRecorded run;
  run.as_of = as_of;
  run.rules = view.rules;
  for (const auto& d : view.recon_input.deliveries) run.deliveries.push_back(d.content_hash);
  for (const auto& r : view.recon_input.receipts) run.receipts.push_back(r.content_hash);
  run.matches = static_cast<std::int64_t>(view.matches.size());
  run.discrepancies = static_cast<std::int64_t>(discrepancies.size());
  for (const auto& d : discrepancies) ++run.by_type[std::string(recon::to_string(d.type))];
  return run;
}

}  // namespace

Result<ReconciliationRecorded> ExecutionLedger::reconcile(const CivilDate& as_of,
                                                          const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(ReconciliationView view, reconciliation_view(as_of));
  FMS_TRY(check_may_reconcile(view.execution, scope));
  if (!view.fresh) view.matches = recon::match(view.recon_input, to_recon_rules(view.rules));
  ReconciliationRecorded run = run_summary(
      as_of, view,
      recon::classify(view.recon_input, view.matches, to_recon_rules(view.rules), as_of));

  // Which matches are new and which the previous run had that this one does not.
  std::int64_t carried = 0;
  std::int64_t previous_count = 0;
  if (const RecordedRun* last = view.execution.last_run ? &*view.execution.last_run : nullptr) {
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store_.read_segment(last->run.matches_segment));
    FMS_ASSIGN_OR_RETURN(std::vector<recon::Match> previous_matches,
                         decode_match_set(std::move(bytes)));
    for (const auto& m : previous_matches) {
      if (m.delivery_document >= last->run.deliveries.size() ||
          m.receipt_document >= last->run.receipts.size()) {
        return Error::corruption("the match set of run " + std::to_string(last->sequence) +
                                 " refers to a document outside the run");
      }
    }
    previous_count = static_cast<std::int64_t>(previous_matches.size());
    carried = carried_matches(*last, previous_matches, run, view.matches);
  }
  run.created = run.matches - carried;
  run.voided = previous_count - carried;

  store::EncodedSegment encoded = encode_match_set(view.matches);
  run.matches_segment = encoded.hash;
  FMS_TRY(store_.put_segment(encoded.hash, encoded.bytes));
  store::AppendRequest request;
  request.expected_last_sequence[""] = view.execution.last_sequence;
  request.events.push_back(store::NewEvent{clock_.timestamp(), scope.actor(), "",
                                           std::string(kReconciliationRecorded), 1, encode(run)});
  FMS_TRY(store_.append(request));
  return run;
}

}  // namespace fms::ledger
