// Ledger commands: import an LOA document, change a case's status, read a case (now or as of
// a date), list cases, read history, verify the whole record.
#include "ledger/ledger.h"

#include <algorithm>
#include <map>

#include "core/case_id.h"
#include "core/loa_rules.h"
#include "io/loa_json.h"
#include "ledger/access_book.h"
#include "ledger/events.h"
#include "ledger/match_set.h"
#include "store/event_hash.h"
#include "store/segment_hash.h"

namespace fms::ledger {
namespace {

Error located(const std::string& source, const std::string& pointer, const std::string& message,
              ErrorKind kind = ErrorKind::invalid_input) {
  return Error{kind, source + ": " + pointer + ": " + message};
}

Error violations_error(const std::string& source, const std::vector<RuleViolation>& violations) {
  std::string message;
  for (const auto& v : violations) {
    if (!message.empty()) message += '\n';
    message += source + ": " + v.location + ": " + v.message;
  }
  return Error::invalid(message);
}

Result<CaseState> fold(const std::vector<store::EventRecord>& events, const AsOf& as_of,
                       const ReferenceData& reference) {
  CaseState state;
  for (const auto& event : events) {
    FMS_ASSIGN_OR_RETURN(DecodedEvent decoded, decode(event, reference));
    if (!within(decoded, as_of)) continue;
    FMS_TRY(apply(state, std::move(decoded)));
  }
  return state;
}

}  // namespace

Result<CaseState> Ledger::commit(const CaseState& state, store::NewEvent event) {
  // The new projection comes from applying the event exactly as replay will.
  CaseState next = state;
  FMS_TRY(apply(next,
                store::EventRecord{0,
                                   event.recorded_at,
                                   event.actor,
                                   event.case_id,
                                   event.type,
                                   event.type_version,
                                   event.payload,
                                   {},
                                   {}},
                reference_));
  store::AppendRequest request;
  request.expected_last_sequence[event.case_id] = state.last_sequence;
  request.events.push_back(std::move(event));
  request.projections.push_back(project(next));
  FMS_TRY(store_.append(request));
  return next;
}

Result<std::string> Ledger::normalise_case_id(const std::string& text) const {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  FMS_ASSIGN_OR_RETURN(CaseId id, CaseId::parse(upper, reference_));
  return id.to_string();
}

Result<ImportOutcome> Ledger::import_document(std::string_view json_text, const std::string& source,
                                              const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(LoaVersion document, io::parse_loa_version(json_text, source, reference_));
  const std::string case_id = document.case_id.to_string();
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  const std::string& actor = scope.actor();
  const std::string canonical = io::serialize_loa_version(document);
  const std::string sha256 = store::sha256_hex(canonical);
  const std::string label = document_label(document.kind, document.version);

  FMS_ASSIGN_OR_RETURN(auto events,
                       store_.read_events(store::EventQuery{.case_id = case_id,
                                                            .recorded_at_most = std::nullopt,
                                                            .type_prefix = std::nullopt,
                                                            .business_only = false}));
  FMS_ASSIGN_OR_RETURN(CaseState state, fold(events, {}, reference_));

  if (const RecordedDocument* existing = state.find_version(document.version)) {
    if (existing->sha256 == sha256) {
      return ImportOutcome{false, case_id, document.version, label,
                           source + ": " + label + " of " + case_id +
                               " is already recorded with identical content; nothing changed"};
    }
    return located(source, "/document/version",
                   "version " + std::to_string(document.version) + " of " + case_id +
                       " is already recorded with different content (" + existing->source +
                       ", recorded " + existing->recorded_at + " by " + existing->actor +
                       "); a correction needs a new modification or amendment",
                   ErrorKind::conflict);
  }
  if (state.documents.empty() && document.kind != DocumentKind::basic) {
    return located(source, "/case_id",
                   "case " + case_id + " does not exist; import its Basic LOA (version 0) first",
                   ErrorKind::not_found);
  }
  if (!state.documents.empty()) {
    const auto violations = check_successor(state.current(), document, reference_);
    if (!violations.empty()) return violations_error(source, violations);
  } else if (document.version != 0) {
    return located(source, "/document/version", "a Basic LOA is version 0");
  }

  FMS_ASSIGN_OR_RETURN(const std::vector<std::string> warnings,
                       appropriation_effect(document, source));
  FMS_TRY(commit(
      state, store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kDocumentRecorded), 1,
                             encode(DocumentRecorded{source, sha256, document})}));
  std::string message = source + ": recorded " + label + " of " + case_id;
  for (const std::string& warning : warnings) message += "\nwarning: " + warning;
  return ImportOutcome{true, case_id, document.version, label, message};
}

Result<StatusChange> Ledger::transition(const std::string& case_id_text, CaseStatus to,
                                        const CivilDate& date, const std::string& reason,
                                        const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::manage_case));
  const std::string& actor = scope.actor();
  FMS_ASSIGN_OR_RETURN(CaseState state, case_state(case_id, {}));
  FMS_TRY(check_transition(state.status, to));
  if (reason.empty() || reason.size() > kMaxReasonBytes) {
    return Error::invalid(mention("reason") + " must be 1 to " + std::to_string(kMaxReasonBytes) +
                          " bytes: every status change says why")
        .concerning("reason");
  }
  if (date < state.status_date) {
    return Error::invalid(
        "date " + date.to_string() + " is before the case's last status change (" +
        std::string(to_string(state.status)) + " on " + state.status_date.to_string() + ")");
  }
  if (date > clock_.today()) {
    return Error::invalid("date " + date.to_string() + " is in the future (today is " +
                          clock_.today().to_string() + ")");
  }
  // The document whose offer this status concerns: the latest one with an OED.
  const LoaVersion* offered = nullptr;
  for (const auto& recorded : state.documents) {
    if (recorded.document.offer_expiration_date) offered = &recorded.document;
  }
  if (to == CaseStatus::accepted && offered != nullptr) {
    if (date > *offered->offer_expiration_date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                            ": after the offer expiration date " +
                            offered->offer_expiration_date->to_string() + " of " +
                            document_label(offered->kind, offered->version) +
                            "; an extension needs a re-offered document with a new OED");
    }
    if (date < offered->offer_date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() +
                            ": before it was offered on " + offered->offer_date.to_string());
    }
    if (offered->acceptance_date && *offered->acceptance_date != date) {
      return Error::invalid("cannot accept " + case_id + " on " + date.to_string() + ": " +
                            document_label(offered->kind, offered->version) +
                            " records its acceptance on " + offered->acceptance_date->to_string());
    }
  }
  if (to == CaseStatus::expired && offered != nullptr && date <= *offered->offer_expiration_date) {
    return Error::invalid("cannot mark " + case_id + " expired on " + date.to_string() +
                          ": its offer expiration date is " +
                          offered->offer_expiration_date->to_string());
  }

  FMS_ASSIGN_OR_RETURN(
      CaseState next,
      commit(state, store::NewEvent{clock_.timestamp(), actor, case_id, std::string(kStatusChanged),
                                    1, encode(StatusChanged{state.status, to, date, reason})}));
  return next.history.back();
}

Result<CaseState> Ledger::load_case(const std::string& case_id_text, const Scope& scope,
                                    const AsOf& as_of) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::read));
  return case_state(case_id, as_of);
}

Result<CaseState> Ledger::case_state(const std::string& case_id, const AsOf& as_of) {
  FMS_ASSIGN_OR_RETURN(auto events, case_events(case_id));
  FMS_ASSIGN_OR_RETURN(CaseState state, fold(events, as_of, reference_));
  if (state.documents.empty()) {
    std::string when = as_of.business_date ? "on " + as_of.business_date->to_string()
                                           : "by " + as_of.recorded_at_most.value_or("then");
    return Error::not_found("case " + case_id + " had no document in force " + when);
  }
  return state;
}

Result<std::vector<store::CaseSummaryRow>> Ledger::list_cases(const store::CaseFilter& filter,
                                                              const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::vector<store::CaseSummaryRow> rows, store_.list_cases(filter));
  std::erase_if(rows,
                [&](const store::CaseSummaryRow& row) { return !scope.may_read(row.case_id); });
  return rows;
}

Result<std::vector<store::EventRecord>> Ledger::history(const std::string& case_id_text,
                                                        const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(std::string case_id, normalise_case_id(case_id_text));
  FMS_TRY(scope.admit_case(case_id, Permission::read_history));
  return case_events(case_id);
}

// `case_id` is normalised already: every caller admitted the scope on the normalised id.
Result<std::vector<store::EventRecord>> Ledger::case_events(const std::string& case_id) {
  FMS_ASSIGN_OR_RETURN(auto events,
                       store_.read_events(store::EventQuery{.case_id = case_id,
                                                            .recorded_at_most = std::nullopt,
                                                            .type_prefix = std::nullopt,
                                                            .business_only = false}));
  if (events.empty()) return case_not_found(case_id);
  return events;
}

Result<std::size_t> Ledger::verify_segments(const PortfolioState& portfolio) {
  std::size_t verified = 0;
  for (const ExecutionDocument& document : portfolio.documents) {
    if (!document.record.segment) continue;
    const std::string& hash = *document.record.segment;
    FMS_ASSIGN_OR_RETURN(const SharedBytes bytes, store_.read_segment(hash));
    auto actual = store::segment_hash(bytes.view);
    if (!actual.ok() || *actual != hash) {
      return Error::corruption(
          "segment " + hash + " of " + std::string(to_string(document.record.kind)) + " " +
          document.record.source + " (event " + std::to_string(document.sequence) +
          ") does not match its hash" + (actual.ok() ? "" : ": " + actual.error().message));
    }
    ++verified;
  }
  if (portfolio.last_run) {
    const std::string& hash = portfolio.last_run->run.matches_segment;
    FMS_ASSIGN_OR_RETURN(SharedBytes bytes, store_.read_segment(hash));
    auto actual = store::segment_hash(bytes.view);
    if (!actual.ok() || *actual != hash || !decode_match_set(std::move(bytes)).ok()) {
      return Error::corruption("match set " + hash + " of reconciliation run (event " +
                               std::to_string(portfolio.last_run->sequence) +
                               ") does not match its hash");
    }
    ++verified;
  }
  return verified;
}

Result<VerifyReport> Ledger::verify(const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events({}));
  return verify_events(scope, events);
}

Result<VerifyReport> Ledger::verify_events(const Scope& scope,
                                           const std::vector<store::EventRecord>& events) {
  auto report = verify_whole_log(events);
  // The whole log is checked for everyone: a chain is only sound as a whole. What the answer
  // counts, and what a failure names, stays within the scope.
  if (scope.may_everywhere(Permission::verify)) return report;
  if (!report.ok()) {
    if (report.error().kind != ErrorKind::corruption) return report.error();
    return Error::corruption(
        "the log does not verify; an auditor of every organisation or an administrator can see "
        "where");
  }
  report->whole_portfolio = false;
  report->organisations = scope.organisations_where(Permission::verify);
  FMS_ASSIGN_OR_RETURN(auto cases, store_.list_cases({}));
  report->cases = static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [&](const store::CaseSummaryRow& row) {
        return scope.may(Permission::verify, row.case_id);
      }));
  FMS_ASSIGN_OR_RETURN(PortfolioState portfolio, fold_portfolio(events));
  report->documents = 0;
  report->segments = 0;
  for (const ExecutionDocument& document : portfolio.documents) {
    const auto& named = document.record.cases;
    if (std::none_of(named.begin(), named.end(),
                     [&](const std::string& id) { return scope.may(Permission::verify, id); })) {
      continue;
    }
    ++report->documents;
    if (document.record.segment) ++report->segments;
  }
  return report;
}

Result<ChainHead> Ledger::head() {
  FMS_ASSIGN_OR_RETURN(auto last, store_.last_event());
  if (!last) return ChainHead{0, std::string(store::kGenesisHash), ""};
  return ChainHead{last->sequence, last->hash, last->recorded_at};
}

Result<VerifyReport> Ledger::verify(const Scope& scope, const std::string& expected_head) {
  const std::size_t at = expected_head.find('@');
  const std::string hash = expected_head.substr(0, at);
  std::optional<std::int64_t> sequence;
  if (at != std::string::npos) {
    const std::string digits = expected_head.substr(at + 1);
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      return Error::invalid("\"" + digits + "\" is not an event number").at_field("expect_head");
    }
    sequence = std::stoll(digits);
  }
  if (hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return Error::invalid(
               "give the head's hash, 64 lower-case hex digits (fmsledger head), "
               "optionally @ its event number")
        .at_field("expect_head");
  }
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events({}));
  FMS_ASSIGN_OR_RETURN(VerifyReport report, verify_events(scope, events));
  const auto found = std::find_if(events.begin(), events.end(),
                                  [&](const store::EventRecord& e) { return e.hash == hash; });
  if (found == events.end()) {
    std::string why =
        "the chain holds no event with the expected head hash " + hash.substr(0, 16) + "...";
    if (sequence && *sequence > static_cast<std::int64_t>(events.size())) {
      why += "; the head was event " + std::to_string(*sequence) + " and the log now has " +
             std::to_string(events.size()) + " events: events were dropped";
    } else {
      why += "; the log was re-chained or replaced since that head was kept";
    }
    return Error::corruption(why);
  }
  if (sequence && found->sequence != *sequence) {
    return Error::corruption("the expected head " + hash.substr(0, 16) + "... is event " +
                             std::to_string(found->sequence) + " now, not event " +
                             std::to_string(*sequence) + ": the log was rewritten");
  }
  return report;
}

Result<VerifyReport> Ledger::verify_whole_log(const std::vector<store::EventRecord>& events) {
  FMS_TRY(verify_chain(events));
  FMS_ASSIGN_OR_RETURN(auto states, fold_cases(events, reference_));
  FMS_ASSIGN_OR_RETURN(PortfolioState portfolio, fold_portfolio(events));
  FMS_ASSIGN_OR_RETURN(std::size_t segments, verify_segments(portfolio));
  FMS_TRY(verify_budgets(portfolio));
  FMS_ASSIGN_OR_RETURN(AccessStreamsVerified access, verify_access_streams(events));
  FMS_ASSIGN_OR_RETURN(auto stored, store_.read_projections());
  std::map<std::string, store::CaseProjection> stored_by_case;
  for (auto& projection : stored)
    stored_by_case[projection.summary.case_id] = std::move(projection);
  for (const auto& [case_id, state] : states) {
    const store::CaseProjection replayed = project(state);
    auto it = stored_by_case.find(case_id);
    if (it == stored_by_case.end()) {
      return Error::corruption("case " + case_id +
                               ": the stored projection is missing; the log has " +
                               std::to_string(state.documents.size()) + " document(s) for it");
    }
    if (it->second.summary != replayed.summary) {
      return Error::corruption("case " + case_id +
                               ": the stored case summary differs from a replay of the log "
                               "(stored status " +
                               it->second.summary.status + ", total " +
                               std::to_string(it->second.summary.total_minor) +
                               "; replayed status " + replayed.summary.status + ", total " +
                               std::to_string(replayed.summary.total_minor) + ")");
    }
    if (it->second.lines != replayed.lines) {
      return Error::corruption("case " + case_id +
                               ": the stored case lines differ from a replay of the log");
    }
    stored_by_case.erase(it);
  }
  if (!stored_by_case.empty()) {
    return Error::corruption("case " + stored_by_case.begin()->first +
                             ": a projection exists for a case with no events in the log");
  }
  VerifyReport report;
  report.events = static_cast<std::int64_t>(events.size());
  report.cases = states.size();
  report.documents = portfolio.documents.size();
  report.segments = segments;
  report.access_events = access.access_events;
  report.audit_events = access.audit_events;
  report.head_hash = events.empty() ? store::kGenesisHash : events.back().hash;
  return report;
}

}  // namespace fms::ledger
