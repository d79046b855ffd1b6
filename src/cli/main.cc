// fmsledger: the command-line front end. Thin by design: parse the command line, call the
// ledger, render the result as a table (default), JSON (--json) or CSV where offered.
// Exit codes: 0 success, 1 user error (bad input, unknown case, failed verification),
// 2 internal or environment error.
#include <iostream>

#include "cli/session.h"
#include "query/records.h"

namespace fms::cli {
namespace {

// The options of `verify`.
struct VerifyOptions {
  std::string expect_head;
};

int run_init(const Options& options) {
  return with_session(options, true, [&](Session& /*opened*/) {
    std::cout << "Database ready: " << options.db << "\n";
    return 0;
  });
}

void print_verified(const Options& options, const ledger::VerifyReport& report,
                    bool expected_head) {
  if (options.json) {
    print_json({{"ok", true},
                {"events", report.events},
                {"cases", report.cases},
                {"documents", report.documents},
                {"segments", report.segments},
                {"access_events", report.access_events},
                {"audit_events", report.audit_events},
                {"head_hash", report.head_hash}});
  } else {
    std::cout << "verify OK: " << report.events << " events, hash chain intact; replay of "
              << report.cases << " cases matches the projections; " << report.documents
              << " execution documents, " << report.segments << " segments re-hashed; "
              << report.access_events << " access and " << report.audit_events
              << " audit events checked; head " << report.head_hash
              << (expected_head ? "; the expected head is in the chain" : "") << "\n";
  }
}

int run_verify(const Options& options, const VerifyOptions& verify_options) {
  return with_session(options, false, [&](Session& session) {
    // The host sees everything; no access book is read, so a damaged @access stream is
    // reported by the verification itself.
    auto scope = ledger::Scope::host_operator(options.actor);
    if (!scope.ok()) return fail(scope.error());
    const std::string& expected = verify_options.expect_head;
    auto report = query::verify(session.reader(), *scope,
                                expected.empty() ? std::nullopt : std::optional(expected));
    if (!report.ok()) {
      const std::string text = report.error().text(Spelling::option);
      if (options.json) print_json({{"ok", false}, {"error", text}});
      std::cerr << "fmsledger: verify FAILED: " << text << "\n";
      return exit_code_for(report.error());
    }
    print_verified(options, *report, !expected.empty());
    return 0;
  });
}

int run_head(const Options& options) {
  return with_session(options, false, [&](Session& session) {
    auto chain = session.database->verifier().head();
    if (!chain.ok()) return fail(chain.error());
    if (options.json) {
      print_json({{"head_hash", chain->hash},
                  {"events", chain->events},
                  {"recorded_at", chain->recorded_at},
                  {"expect_head", chain->hash + "@" + std::to_string(chain->events)}});
    } else {
      std::cout << chain->hash << "@" << chain->events << " " << chain->recorded_at << "\n";
    }
    return 0;
  });
}

void add_log_commands(const CommandContext& context) {
  auto& verify_options = context.keep<VerifyOptions>();
  auto* verify = context.app.add_subcommand(
      "verify", "Check the hash chain and replay the log against the projections");
  verify->add_option("--expect-head", verify_options.expect_head,
                     "A head kept outside the database (fmsledger head): HASH or HASH@EVENT; "
                     "fails when the chain no longer holds it");
  verify->callback(context.run([&options = context.options, &verify_options] {
    return run_verify(options, verify_options);
  }));
  auto* head = context.app.add_subcommand(
      "head", "The head of the hash chain, to keep outside the database (docs/operations.md)");
  head->callback(context.run([&options = context.options] { return run_head(options); }));
}

void add_global_options(CLI::App& app, Options& options) {
  app.require_subcommand(1);
  // Global options (--db, --json, ...) may also follow the subcommand.
  app.fallthrough();
  app.option_defaults()->always_capture_default();
  app.add_option(
      "--db", options.db,
      "Database file (env FMSLEDGER_DB; default under $XDG_DATA_HOME or ~/.local/share)");
  app.add_option("--actor", options.actor, "Name recorded on every event this command writes");
  app.add_option("--refdata", options.refdata_override,
                 "JSON file overriding built-in reference data (see refdata/README.md)");
  app.add_flag("--json", options.json, "Machine-readable JSON output on read commands");
}

int run_command_line(int argc, char** argv) {
  Options options = default_options();
  CLI::App app{
      "fmsledger: the purchaser's system of record for Foreign Military Sales cases.\n"
      "Cases, LOA versions (Basic LOA, Amendments, Modifications), lifecycle and an append-only,\n"
      "hash-chained history."};
  add_global_options(app, options);
  int code = 0;
  std::vector<std::shared_ptr<void>> kept;
  CommandContext context{app, options, code, kept};
  auto* init = app.add_subcommand("init", "Create an empty database (migrations applied)");
  init->callback(context.run([&options] { return run_init(options); }));
  add_demo_command(context);
  add_case_commands(context);
  add_execution_commands(context);
  add_report_commands(context);
  add_sdr_commands(context);
  add_rates_commands(context);
  add_finance_commands(context);
  add_user_commands(context);
  add_serve_command(context);
  add_log_commands(context);

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

}  // namespace
}  // namespace fms::cli

int main(int argc, char** argv) {
  return fms::cli::run_command_line(argc, argv);
}
