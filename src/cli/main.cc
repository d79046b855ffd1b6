// fmsledger: the command-line front end. Thin by design: parse the command line, call the
// ledger, render the result as a table (default) or JSON (--json).
// Exit codes: 0 success, 1 user error (bad input, unknown case, failed verification),
// 2 internal or environment error.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/notification.h"
#include "io/loa_json.h"
#include "ledger/demo.h"
#include "ledger/ledger.h"
#include "refdata/loader.h"
#include "report/case_views.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using fms::Error;
using fms::ErrorKind;

std::string default_database_path() {
  if (const char* env = std::getenv("FMSLEDGER_DB"); env != nullptr && *env != '\0') return env;
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    base = std::filesystem::path(home) / ".local" / "share";
  } else {
    base = ".";
  }
  return (base / "fmsledger" / "fmsledger.db").string();
}

std::string default_actor() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "cli";
}

int exit_code_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
    case ErrorKind::not_found:
    case ErrorKind::conflict:
    case ErrorKind::corruption:
      return 1;
    case ErrorKind::io:
    case ErrorKind::internal:
      return 2;
  }
  return 2;
}

int fail(const Error& error) {
  std::cerr << "fmsledger: error: " << error.message << "\n";
  return exit_code_for(error);
}

fms::Result<std::string> read_file(const std::string& path, std::size_t limit_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error::invalid(path + ": cannot read: " + ec.message());
  if (size > limit_bytes) {
    return Error::invalid(path + ": file is " + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(limit_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Options {
  std::string db = default_database_path();
  std::string actor = default_actor();
  std::string refdata_override;
  bool json = false;
};

// Everything a command needs: reference data, the store and the ledger over them.
// Heap-held so the ledger's references stay valid when the Session moves.
struct Session {
  std::unique_ptr<fms::ReferenceData> reference;
  std::unique_ptr<fms::store::Store> store;
  std::unique_ptr<fms::ledger::Ledger> ledger;
};

fms::Result<Session> open_session(const Options& options, bool create) {
  Session session;
  auto reference = options.refdata_override.empty()
                       ? fms::refdata::load_builtin()
                       : fms::refdata::load_with_override_file(options.refdata_override);
  if (!reference.ok()) return reference.error();
  session.reference = std::make_unique<fms::ReferenceData>(std::move(reference).value());
  auto store = fms::store::open_sqlite_store(
      options.db, {.create_if_missing = create, .busy_timeout_ms = 5000});
  if (!store.ok()) return store.error();
  session.store = std::move(store).value();
  fms::ledger::Clock clock = fms::ledger::Clock::system();
  if (const char* now = std::getenv("FMSLEDGER_NOW"); now != nullptr && *now != '\0') {
    auto fixed = fms::ledger::Clock::fixed(now);
    if (!fixed.ok()) return fixed.error().at("FMSLEDGER_NOW");
    clock = std::move(fixed).value();
  }
  session.ledger = std::make_unique<fms::ledger::Ledger>(*session.store, *session.reference, clock);
  return session;
}

// Opens the session a command needs and runs `body` with it; the command's exit code.
template <class Body>
int with_session(const Options& options, bool create, Body body) {
  auto session = open_session(options, create);
  if (!session.ok()) return fail(session.error());
  return body(*session);
}

void print_json(const fms::report::Json& json) {
  std::cout << json.dump(2) << "\n";
}

fms::Result<fms::CivilDate> parse_date_option(const std::string& text, const char* option) {
  auto date = fms::CivilDate::parse(text);
  if (!date.ok()) return Error::invalid(std::string(option) + ": " + date.error().message);
  return date;
}

const fms::LoaVersion* select_version(const fms::ledger::CaseState& state, int version) {
  const auto* recorded = state.find_version(version);
  return recorded != nullptr ? &recorded->document : nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{
      "fmsledger: the purchaser's system of record for Foreign Military Sales cases.\n"
      "Cases, LOA versions (Basic LOA, Amendments, Modifications), lifecycle and an append-only,\n"
      "hash-chained history."};
  app.require_subcommand(1);
  // Global options (--db, --json, ...) may also follow the subcommand.
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  app.add_option(
      "--db", options.db,
      "Database file (env FMSLEDGER_DB; default under $XDG_DATA_HOME or ~/.local/share)");
  app.add_option("--actor", options.actor, "Name recorded on every event this command writes")
      ->default_str(default_actor());
  app.add_option("--refdata", options.refdata_override,
                 "JSON file overriding built-in reference data (see refdata/README.md)");
  app.add_flag("--json", options.json, "Machine-readable JSON output on read commands");

  int code = 0;
  auto run = [&](auto&& body) { return [&, body] { code = body(); }; };

  auto* init = app.add_subcommand("init", "Create an empty database (migrations applied)");
  init->callback(run([&] {
    return with_session(options, true, [&](Session& /*opened*/) {
      std::cout << "Database ready: " << options.db << "\n";
      return 0;
    });
  }));

  auto* demo = app.add_subcommand(
      "demo", "Load the demo portfolio of Japan FMS cases into an empty database");
  demo->callback(run([&] {
    return with_session(options, true, [&](Session& session) {
      auto report = fms::ledger::load_demo(*session.ledger, *session.store, options.actor);
      if (!report.ok()) return fail(report.error());
      std::cout << "Demo portfolio loaded into " << options.db << ": " << report->documents
                << " documents, " << report->transitions << " status changes\n";
      return 0;
    });
  }));

  auto* case_cmd = app.add_subcommand("case", "Cases and their LOA documents");
  case_cmd->require_subcommand(1);
  case_cmd->fallthrough();

  std::string import_path;
  auto* import =
      case_cmd->add_subcommand("import", "Record one LOA document (docs/formats/loa.md)");
  import->add_option("file", import_path, "LOA version document (JSON)")->required();
  import->callback(run([&] {
    auto text = read_file(import_path, fms::io::kMaxLoaDocumentBytes);
  if (!text.ok()) return fail(text.error());
  return with_session(options, true, [&](Session& session) {
    auto outcome = session.ledger->import_document(*text, import_path, options.actor);
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

std::string list_status;
std::string list_country;
auto* list = case_cmd->add_subcommand("list", "The portfolio: one line per case");
list->add_option("--status", list_status, "Only cases in this status (e.g. implemented)");
list->add_option("--country", list_country, "Only cases of this customer code (e.g. JA)");
list->callback(run([&] {
  if (!list_status.empty()) {
    auto status = fms::case_status_from_string(list_status);
    if (!status.ok()) return fail(status.error().at("--status"));
  }
  return with_session(options, false, [&](Session& session) {
    fms::store::CaseFilter filter;
    if (!list_status.empty()) filter.status = list_status;
    if (!list_country.empty()) {
      std::string upper = list_country;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto customer = session.reference->customer(upper);
      if (!customer.ok()) return fail(customer.error().at("--country"));
      filter.customer = upper;
    }
    auto rows = session.ledger->list_cases(filter);
    if (!rows.ok()) return fail(rows.error());
    if (options.json) {
      print_json(fms::report::case_list_json(*rows));
    } else {
      std::cout << fms::report::case_list_text(*rows);
    }
    return 0;
  });
}));

std::string show_id;
int show_version = -1;
std::string show_as_of;
std::string show_as_recorded;
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
  fms::ledger::AsOf as_of;
  if (!show_as_of.empty()) {
    auto date = parse_date_option(show_as_of, "--as-of");
    if (!date.ok()) return fail(date.error());
    as_of.business_date = *date;
  }
  if (!show_as_recorded.empty()) as_of.recorded_at_most = show_as_recorded;
  return with_session(options, false, [&](Session& session) {
    auto state = session.ledger->load_case(show_id, as_of);
    if (!state.ok()) return fail(state.error());
    const fms::LoaVersion* version = &state->current();
    if (show_version >= 0) {
      version = select_version(*state, show_version);
      if (version == nullptr) {
        return fail(Error::not_found("--version: case " + state->case_id + " has no version " +
                                     std::to_string(show_version) + " (versions 0 to " +
                                     std::to_string(state->current().version) + ")"));
      }
    }
    if (options.json) {
      print_json(fms::report::case_json(*state, *version));
    } else {
      std::cout << fms::report::case_text(*state, *version, *session.reference);
    }
    return 0;
  });
}));

std::string diff_id;
int diff_from = 0;
int diff_to = 0;
auto* diff =
    case_cmd->add_subcommand("diff", "Line-level differences between two versions of a case");
diff->add_option("id", diff_id, "Case identifier")->required();
diff->add_option("v1", diff_from, "From version (0 = Basic LOA)")->required();
diff->add_option("v2", diff_to, "To version")->required();
diff->callback(run([&] {
  return with_session(options, false, [&](Session& session) {
    auto state = session.ledger->load_case(diff_id);
    if (!state.ok()) return fail(state.error());
    const auto* from = select_version(*state, diff_from);
    const auto* to = select_version(*state, diff_to);
    if (from == nullptr || to == nullptr) {
      return fail(Error::not_found("case " + state->case_id + " has versions 0 to " +
                                   std::to_string(state->current().version) + "; no version " +
                                   std::to_string(from == nullptr ? diff_from : diff_to)));
    }
    const auto differences = fms::diff_lines(*from, *to);
    if (options.json) {
      print_json(fms::report::diff_json(state->case_id, *from, *to, differences));
    } else {
      std::cout << fms::report::diff_text(state->case_id, *from, *to, differences);
    }
    return 0;
  });
}));

std::string transition_id;
std::string transition_to;
std::string transition_date;
std::string transition_reason;
auto* transition =
    case_cmd->add_subcommand("transition", "Move a case to another lifecycle status");
transition->add_option("id", transition_id, "Case identifier")->required();
transition->add_option("state", transition_to, "New status, e.g. accepted, implemented")
    ->required();
transition->add_option("--date", transition_date, "Date of the change (YYYY-MM-DD)")->required();
transition->add_option("--reason", transition_reason, "Why the status changes")->required();
transition->callback(run([&] {
  auto to = fms::case_status_from_string(transition_to);
  if (!to.ok()) return fail(to.error());
  auto date = parse_date_option(transition_date, "--date");
  if (!date.ok()) return fail(date.error());
  return with_session(options, false, [&](Session& session) {
    auto change =
        session.ledger->transition(transition_id, *to, *date, transition_reason, options.actor);
    if (!change.ok()) return fail(change.error());
    if (options.json) {
      print_json({{"from", std::string(fms::to_string(*change->from))},
                  {"to", std::string(fms::to_string(change->to))},
                  {"date", change->date.to_string()}});
    } else {
      std::cout << "Case moved from " << fms::to_string(*change->from) << " to "
                << fms::to_string(change->to) << " on " << change->date.to_string() << "\n";
    }
    return 0;
  });
}));

std::string notify_id;
int notify_version = -1;
auto* notify =
    case_cmd->add_subcommand("notify-check", "Is AECA 36(b) congressional notification required?");
notify->add_option("id", notify_id, "Case identifier")->required();
notify->add_option("--version", notify_version, "Check this version (default: the latest)");
notify->callback(run([&] {
  return with_session(options, false, [&](Session& session) {
    auto state = session.ledger->load_case(notify_id);
    if (!state.ok()) return fail(state.error());
    const fms::LoaVersion* version =
        notify_version >= 0 ? select_version(*state, notify_version) : &state->current();
    if (version == nullptr) {
      return fail(Error::not_found("--version: case " + state->case_id + " has no version " +
                                   std::to_string(notify_version)));
    }
    auto check = fms::check_notification(*version, *session.reference);
    if (!check.ok()) return fail(check.error());
    if (options.json) {
      print_json(fms::report::notification_json(state->case_id, *version, *check));
    } else {
      std::cout << fms::report::notification_text(state->case_id, *version, *check);
    }
    return 0;
  });
}));

std::string history_id;
auto* history =
    app.add_subcommand("history", "Every recorded event of a case: who, when, what, hash");
history->add_option("id", history_id, "Case identifier")->required();
history->callback(run([&] {
  return with_session(options, false, [&](Session& session) {
    auto events = session.ledger->history(history_id);
    if (!events.ok()) return fail(events.error());
    if (options.json) {
      print_json(fms::report::history_json(*events));
    } else {
      std::cout << fms::report::history_text(*events);
    }
    return 0;
  });
}));

auto* verify =
    app.add_subcommand("verify", "Check the hash chain and replay the log against the projections");
verify->callback(run([&] {
  return with_session(options, false, [&](Session& session) {
    auto report = session.ledger->verify();
    if (!report.ok()) {
      if (options.json) print_json({{"ok", false}, {"error", report.error().message}});
      std::cerr << "fmsledger: verify FAILED: " << report.error().message << "\n";
      return exit_code_for(report.error());
    }
    if (options.json) {
      print_json({{"ok", true},
                  {"events", report->events},
                  {"cases", report->cases},
                  {"head_hash", report->head_hash}});
    } else {
      std::cout << "verify OK: " << report->events << " events, hash chain intact; replay of "
                << report->cases << " cases matches the projections; head " << report->head_hash
                << "\n";
    }
    return 0;
  });
}));

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& e) {
  const int parse_code = app.exit(e);
  return parse_code == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "fmsledger: internal error: " << e.what() << "\n";
  return 2;
}
return code;
}
