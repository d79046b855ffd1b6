// The `case` commands (import, list, show, diff, transition, notify-check) and `history`.
#include <iostream>

#include "base/file_bytes.h"
#include "cli/session.h"
#include "core/loa_rules.h"
#include "core/notification.h"
#include "io/loa_json.h"

namespace fms::cli {
namespace {

const LoaVersion* select_version(const ledger::CaseState& state, int version) {
  const auto* recorded = state.find_version(version);
  return recorded != nullptr ? &recorded->document : nullptr;
}

}  // namespace

void add_case_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  auto* case_cmd = app.add_subcommand("case", "Cases and their LOA documents");
  case_cmd->require_subcommand(1);
  case_cmd->fallthrough();
  static std::string import_path;
  auto* import_command =
      case_cmd->add_subcommand("import", "Record one LOA document (docs/formats/loa.md)");
  import_command->add_option("file", import_path, "LOA version document (JSON)")->required();
  import_command->callback(run([&] {
    auto file = base::FileBytes::read(import_path, io::kMaxLoaDocumentBytes);
    if (!file.ok()) return fail(file.error());
    return with_session(options, true, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto outcome = session.ledger->import_document(file->text(), import_path, *scope);
      if (!outcome.ok()) return fail(outcome.error());
      if (options.json) {
        print_json({{"recorded", outcome->recorded},
                    {"case_id", outcome->case_id},
                    {"version", outcome->version},
                    {"document", outcome->label},
                    {"message", outcome->message}});
      } else {
        std::cout << outcome->message << "\n";
      }
      return 0;
    });
  }));
  static std::string list_status;
  static std::string list_country;
  auto* list = case_cmd->add_subcommand("list", "The portfolio: one line per case");
  list->add_option("--status", list_status, "Only cases in this status (e.g. implemented)");
  list->add_option("--country", list_country, "Only cases of this customer code (e.g. JA)");
  list->callback(run([&] {
    if (!list_status.empty()) {
      auto status = case_status_from_string(list_status);
      if (!status.ok()) return fail(status.error().at_field("status"));
    }
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      store::CaseFilter filter;
      if (!list_status.empty()) filter.status = list_status;
      if (!list_country.empty()) {
        std::string upper = list_country;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto customer = session.reference->customer(upper);
        if (!customer.ok()) return fail(customer.error().at_field("country"));
        filter.customer = upper;
      }
      auto rows = session.ledger->list_cases(filter, *scope);
      if (!rows.ok()) return fail(rows.error());
      if (options.json) {
        print_json(report::case_list_json(*rows));
      } else {
        std::cout << report::case_list_text(*rows);
      }
      return 0;
    });
  }));
  static std::string show_id;
  static int show_version = -1;
  static std::string show_as_of;
  static std::string show_as_recorded;
  auto* show = case_cmd->add_subcommand(
      "show", "One case in full: lines, cost summary, payment schedule, status");
  show->add_option("id", show_id, "Case identifier, e.g. JA-P-AMA")->required();
  show->add_option("--version", show_version, "Show this document version (0 = Basic LOA)");
  show->add_option(
      "--as-of", show_as_of,
      "The case as it stood on this date (documents in force, status changes dated by then)");
  show->add_option("--as-recorded", show_as_recorded,
                   "The case as recorded by this UTC time, e.g. 2026-11-25T12:00:00Z");
  show->callback(run([&] {
    ledger::AsOf as_of;
    if (!show_as_of.empty()) {
      auto date = parse_date_option(show_as_of, "--as-of");
      if (!date.ok()) return fail(date.error());
      as_of.business_date = *date;
    }
    if (!show_as_recorded.empty()) as_of.recorded_at_most = show_as_recorded;
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto state = session.ledger->load_case(show_id, *scope, as_of);
      if (!state.ok()) return fail(state.error());
      const LoaVersion* version = &state->current();
      if (show_version >= 0) {
        version = select_version(*state, show_version);
        if (version == nullptr) {
          return fail(Error::not_found("--version: case " + state->case_id + " has no version " +
                                       std::to_string(show_version) + " (versions 0 to " +
                                       std::to_string(state->current().version) + ")"));
        }
      }
      if (options.json) {
        print_json(report::case_json(*state, *version));
      } else {
        std::cout << report::case_text(*state, *version, *session.reference);
      }
      return 0;
    });
  }));
  static std::string diff_id;
  static int diff_from = 0;
  static int diff_to = 0;
  auto* diff =
      case_cmd->add_subcommand("diff", "Line-level differences between two versions of a case");
  diff->add_option("id", diff_id, "Case identifier")->required();
  diff->add_option("v1", diff_from, "From version (0 = Basic LOA)")->required();
  diff->add_option("v2", diff_to, "To version")->required();
  diff->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto state = session.ledger->load_case(diff_id, *scope);
      if (!state.ok()) return fail(state.error());
      const auto* from = select_version(*state, diff_from);
      const auto* to = select_version(*state, diff_to);
      if (from == nullptr || to == nullptr) {
        return fail(Error::not_found("case " + state->case_id + " has versions 0 to " +
                                     std::to_string(state->current().version) + "; no version " +
                                     std::to_string(from == nullptr ? diff_from : diff_to)));
      }
      const auto differences = diff_lines(*from, *to);
      if (options.json) {
        print_json(report::diff_json(state->case_id, *from, *to, differences));
      } else {
        std::cout << report::diff_text(state->case_id, *from, *to, differences);
      }
      return 0;
    });
  }));
  static std::string transition_id;
  static std::string transition_to;
  static std::string transition_date;
  static std::string transition_reason;
  auto* transition =
      case_cmd->add_subcommand("transition", "Move a case to another lifecycle status");
  transition->add_option("id", transition_id, "Case identifier")->required();
  transition->add_option("state", transition_to, "New status, e.g. accepted, implemented")
      ->required();
  transition->add_option("--date", transition_date, "Date of the change (YYYY-MM-DD)")->required();
  transition->add_option("--reason", transition_reason, "Why the status changes")->required();
  transition->callback(run([&] {
    auto to = case_status_from_string(transition_to);
    if (!to.ok()) return fail(to.error());
    auto date = parse_date_option(transition_date, "--date");
    if (!date.ok()) return fail(date.error());
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto change =
          session.ledger->transition(transition_id, *to, *date, transition_reason, *scope);
      if (!change.ok()) return fail(change.error());
      if (options.json) {
        print_json({{"from", std::string(to_string(*change->from))},
                    {"to", std::string(to_string(change->to))},
                    {"date", change->date.to_string()}});
      } else {
        std::cout << "Case moved from " << to_string(*change->from) << " to "
                  << to_string(change->to) << " on " << change->date.to_string() << "\n";
      }
      return 0;
    });
  }));
  static std::string notify_id;
  static int notify_version = -1;
  auto* notify = case_cmd->add_subcommand("notify-check",
                                          "Is AECA 36(b) congressional notification required?");
  notify->add_option("id", notify_id, "Case identifier")->required();
  notify->add_option("--version", notify_version, "Check this version (default: the latest)");
  notify->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto state = session.ledger->load_case(notify_id, *scope);
      if (!state.ok()) return fail(state.error());
      const LoaVersion* version =
          notify_version >= 0 ? select_version(*state, notify_version) : &state->current();
      if (version == nullptr) {
        return fail(Error::not_found("--version: case " + state->case_id + " has no version " +
                                     std::to_string(notify_version)));
      }
      auto check = check_notification(*version, *session.reference);
      if (!check.ok()) return fail(check.error());
      if (options.json) {
        print_json(report::notification_json(state->case_id, *version, *check));
      } else {
        std::cout << report::notification_text(state->case_id, *version, *check);
      }
      return 0;
    });
  }));
  static std::string history_id;
  auto* history =
      app.add_subcommand("history", "Every recorded event of a case: who, when, what, hash");
  history->add_option("id", history_id, "Case identifier")->required();
  history->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto events = session.ledger->history(history_id, *scope);
      if (!events.ok()) return fail(events.error());
      if (options.json) {
        print_json(report::history_json(*events));
      } else {
        std::cout << report::history_text(*events);
      }
      return 0;
    });
  }));
}

}  // namespace fms::cli
