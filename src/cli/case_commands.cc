// The `case` commands (import, list, show, diff, transition, notify-check) and `history`. Reads go
// through the read side (query/cases.h) as the host.
#include <cctype>
#include <iostream>

#include "base/file_bytes.h"
#include "cli/session.h"
#include "io/loa_json.h"
#include "query/cases.h"

namespace fms::cli {
namespace {

// The options of the case commands.
struct CaseCommandOptions {
  std::string import_path;
  std::string list_status;
  std::string list_country;
  std::string show_id;
  int show_version = -1;
  std::string show_as_of;
  std::string show_as_recorded;
  std::string diff_id;
  int diff_from = 0;
  int diff_to = 0;
  std::string transition_id;
  std::string transition_to;
  std::string transition_date;
  std::string transition_reason;
  std::string transition_override;
  std::string sign_id;
  int sign_version = 0;
  std::string sign_date;
  std::string sign_reason;
  std::string notify_id;
  int notify_version = -1;
  std::string history_id;
};

std::optional<int> version_option(int value) {
  return value >= 0 ? std::optional<int>(value) : std::nullopt;
}

// Runs `body` with the session, its reader and the host's scope.
template <class Body>
int as_host(const Options& options, Body body) {
  return with_session(options, false, [&](Session& session) {
    auto scope = ledger::Scope::host_operator(options.actor);
    if (!scope.ok()) return fail(scope.error());
    return body(session, session.reader(), *scope);
  });
}

int run_import(const Options& options, const CaseCommandOptions& o) {
  auto file = base::FileBytes::read(o.import_path, io::kMaxLoaDocumentBytes);
  if (!file.ok()) return fail(file.error());
  return with_session(options, true, [&](Session& session) {
    auto scope = ledger::Scope::host_operator(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto outcome = session.database->cases().import_document(file->text(), o.import_path, *scope);
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
}

int run_list(const Options& options, const CaseCommandOptions& o) {
  if (!o.list_status.empty()) {
    auto status = case_status_from_string(o.list_status);
    if (!status.ok()) return fail(status.error().at_field("status"));
  }
  return as_host(options,
                 [&](Session& session, const query::Reader& reader, const ledger::Scope& scope) {
                   ledger::CaseFilter filter;
                   if (!o.list_status.empty()) filter.status = o.list_status;
                   if (!o.list_country.empty()) {
                     std::string upper = o.list_country;
                     for (char& c : upper)
                       c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                     auto customer = session.reference->customer(upper);
                     if (!customer.ok()) return fail(customer.error().at_field("country"));
                     filter.customer = upper;
                   }
                   auto rows = query::portfolio(reader, scope, filter);
                   if (!rows.ok()) return fail(rows.error());
                   if (options.json) {
                     print_json(report::case_list_json(*rows));
                   } else {
                     std::cout << report::case_list_text(*rows);
                   }
                   return 0;
                 });
}

int run_show(const Options& options, const CaseCommandOptions& o) {
  ledger::AsOf as_of;
  if (!o.show_as_of.empty()) {
    auto date = parse_date_option(o.show_as_of, "--as-of");
    if (!date.ok()) return fail(date.error());
    as_of.business_date = *date;
  }
  if (!o.show_as_recorded.empty()) as_of.recorded_at_most = o.show_as_recorded;
  return as_host(options, [&](Session& session, const query::Reader& reader,
                              const ledger::Scope& scope) {
    auto view = query::case_view(reader, scope, o.show_id, as_of, version_option(o.show_version));
    if (!view.ok()) return fail(view.error());
    if (options.json) {
      print_json(report::case_json(view->state, view->document()));
    } else {
      std::cout << report::case_text(view->state, view->document(), *session.reference);
    }
    return 0;
  });
}

int run_diff(const Options& options, const CaseCommandOptions& o) {
  return as_host(options, [&](Session&, const query::Reader& reader, const ledger::Scope& scope) {
    auto diff = query::case_diff(reader, scope, o.diff_id, o.diff_from, o.diff_to);
    if (!diff.ok()) return fail(diff.error());
    if (options.json) {
      print_json(report::diff_json(diff->case_id, diff->from, diff->to, diff->differences));
    } else {
      std::cout << report::diff_text(diff->case_id, diff->from, diff->to, diff->differences);
    }
    return 0;
  });
}

int run_transition(const Options& options, const CaseCommandOptions& o) {
  auto to = case_status_from_string(o.transition_to);
  if (!to.ok()) return fail(to.error());
  auto date = parse_date_option(o.transition_date, "--date");
  if (!date.ok()) return fail(date.error());
  return as_host(options, [&](Session& session, const query::Reader&, const ledger::Scope& scope) {
    auto change = session.database->cases().transition(
        o.transition_id, *to, *date, o.transition_reason, scope, o.transition_override);
    if (!change.ok()) return fail(change.error());
    const auto& taken = change->override_taken;
    if (options.json) {
      report::Json out{{"from", std::string(to_string(*change->from))},
                       {"to", std::string(to_string(change->to))},
                       {"date", change->date.to_string()},
                       {"override", nullptr}};
      if (taken) out["override"] = {{"reason", taken->reason}, {"missing", taken->missing}};
      print_json(out);
    } else {
      std::cout << "Case moved from " << to_string(*change->from) << " to " << to_string(change->to)
                << " on " << change->date.to_string() << "\n";
      if (taken) {
        std::cout << "Override recorded (" << taken->reason << "); it was missing:\n";
        for (const std::string& item : taken->missing) std::cout << "  - " << item << "\n";
      }
    }
    return 0;
  });
}

int run_sign(const Options& options, const CaseCommandOptions& o) {
  auto date = parse_date_option(o.sign_date, "--date");
  if (!date.ok()) return fail(date.error());
  return as_host(options, [&](Session& session, const query::Reader&, const ledger::Scope& scope) {
    auto signed_state = session.database->cases().sign_amendment(o.sign_id, o.sign_version, *date,
                                                                 o.sign_reason, scope);
    if (!signed_state.ok()) return fail(signed_state.error());
    const std::string label = document_label(DocumentKind::amendment, o.sign_version);
    if (options.json) {
      print_json({{"case_id", signed_state->case_id},
                  {"version", o.sign_version},
                  {"document", label},
                  {"acceptance_date", date->to_string()}});
    } else {
      std::cout << label << " of " << signed_state->case_id << " signed on " << date->to_string()
                << "; it is the document in force from that date\n";
    }
    return 0;
  });
}

int run_notify_check(const Options& options, const CaseCommandOptions& o) {
  return as_host(options, [&](Session&, const query::Reader& reader, const ledger::Scope& scope) {
    auto checked =
        query::case_notification(reader, scope, o.notify_id, version_option(o.notify_version));
    if (!checked.ok()) return fail(checked.error());
    if (options.json) {
      print_json(report::notification_json(checked->case_id, checked->document, checked->check));
    } else {
      std::cout << report::notification_text(checked->case_id, checked->document, checked->check);
    }
    return 0;
  });
}

int run_history(const Options& options, const CaseCommandOptions& o) {
  return as_host(options, [&](Session&, const query::Reader& reader, const ledger::Scope& scope) {
    auto events = query::case_history(reader, scope, o.history_id);
    if (!events.ok()) return fail(events.error());
    if (options.json) {
      print_json(report::history_json(*events));
    } else {
      std::cout << report::history_text(*events);
    }
    return 0;
  });
}

void add_import(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command = context.command(case_cmd, "import",
                                  "Record one LOA document (docs/formats/loa.md)", o, run_import);
  command->add_option("file", o.import_path, "LOA version document (JSON)")->required();
}

void add_list(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command =
      context.command(case_cmd, "list", "The portfolio: one line per case", o, run_list);
  command->add_option("--status", o.list_status, "Only cases in this status (e.g. implemented)");
  command->add_option("--country", o.list_country, "Only cases of this customer code (e.g. JA)");
}

void add_show(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command = context.command(case_cmd, "show",
                                  "One case in full: lines, cost summary, payment schedule, status",
                                  o, run_show);
  command->add_option("id", o.show_id, "Case identifier, e.g. JA-P-AMA")->required();
  command->add_option("--version", o.show_version, "Show this document version (0 = Basic LOA)");
  command->add_option(
      "--as-of", o.show_as_of,
      "The case as it stood on this date (documents in force, status changes dated by then)");
  command->add_option("--as-recorded", o.show_as_recorded,
                      "The case as recorded by this UTC time, e.g. 2026-11-25T12:00:00Z");
}

void add_diff(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command = context.command(
      case_cmd, "diff", "Line-level differences between two versions of a case", o, run_diff);
  command->add_option("id", o.diff_id, "Case identifier")->required();
  command->add_option("v1", o.diff_from, "From version (0 = Basic LOA)")->required();
  command->add_option("v2", o.diff_to, "To version")->required();
}

void add_transition(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command = context.command(case_cmd, "transition", "Move a case to another lifecycle status",
                                  o, run_transition);
  command->add_option("id", o.transition_id, "Case identifier")->required();
  command->add_option("state", o.transition_to, "New status, e.g. accepted, implemented")
      ->required();
  command->add_option("--date", o.transition_date, "Date of the change (YYYY-MM-DD)")->required();
  command->add_option("--reason", o.transition_reason, "Why the status changes")->required();
  command->add_option(
      "--override", o.transition_override,
      "Take the step although something it requires is missing (deposit, "
      "deliveries, final statement); this reason is recorded with what was missing");
}

void add_sign(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command = context.command(
      case_cmd, "sign",
      "Record the purchaser's signature of an amendment imported unsigned (it takes effect then)",
      o, run_sign);
  command->add_option("id", o.sign_id, "Case identifier")->required();
  command->add_option("--version", o.sign_version, "The amendment's version number")->required();
  command->add_option("--date", o.sign_date, "Date of signature (YYYY-MM-DD)")->required();
  command
      ->add_option("--reason", o.sign_reason,
                   "Where the signature is recorded, e.g. the signed LOA's file")
      ->required();
}

void add_notify_check(const CommandContext& context, CLI::App* case_cmd, CaseCommandOptions& o) {
  auto* command =
      context.command(case_cmd, "notify-check",
                      "Is AECA 36(b) congressional notification required?", o, run_notify_check);
  command->add_option("id", o.notify_id, "Case identifier")->required();
  command->add_option("--version", o.notify_version, "Check this version (default: the latest)");
}

}  // namespace

void add_case_commands(CommandContext context) {
  auto& o = context.keep<CaseCommandOptions>();
  auto* case_cmd = context.app.add_subcommand("case", "Cases and their LOA documents");
  case_cmd->require_subcommand(1);
  case_cmd->fallthrough();
  add_import(context, case_cmd, o);
  add_list(context, case_cmd, o);
  add_show(context, case_cmd, o);
  add_diff(context, case_cmd, o);
  add_transition(context, case_cmd, o);
  add_sign(context, case_cmd, o);
  add_notify_check(context, case_cmd, o);

  auto* history =
      context.command(&context.app, "history",
                      "Every recorded event of a case: who, when, what, hash", o, run_history);
  history->add_option("id", o.history_id, "Case identifier")->required();
}

}  // namespace fms::cli
