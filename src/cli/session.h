// What every fmsledger command shares: the global options, opening the reference data and the
// database (ledger/database.h), reading input files within their limits, and turning errors into exit codes.
// Exit codes: 0 success, 1 user error (bad input, unknown case, failed verification),
// 2 internal or environment error.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/reference_data.h"
#include "ledger/database.h"
#include "query/reader.h"
#include "report/case_views.h"

namespace fms::cli {

struct Options {
  std::string db;
  std::string actor;
  std::string refdata_override;
  bool json = false;
};
Options default_options();

// Heap-held so the database's references stay valid when the Session moves.
struct Session {
  std::unique_ptr<ReferenceData> reference;
  // Passwords are hashed at the cost the environment selects (FMSLEDGER_PASSWORD_COST,
  // ledger/access/passwords.h).
  std::unique_ptr<ledger::Database> database;
  // The reconciliation views this command folds (once per as-of date).
  std::unique_ptr<query::ViewCache> views = std::make_unique<query::ViewCache>();

  // The read side over this session's database.
  [[nodiscard]] query::Reader reader() const { return {*database, *views}; }
};

Result<Session> open_session(const Options& options, bool create);

int exit_code_for(const Error& error);
int fail(const Error& error);  // prints "fmsledger: error: ..." and returns the exit code

// Opens the session a command needs and runs `body` with it; the command's exit code.
template <class Body>
int with_session(const Options& options, bool create, Body body) {
  auto session = open_session(options, create);
  if (!session.ok()) return fail(session.error());
  return body(*session);
}

void print_json(const report::Json& json);
Result<CivilDate> parse_date_option(const std::string& text, const char* option);

// Each group of commands adds itself to the app; a command's callback stores its exit code.
// A group keeps its options in a struct of its own (keep<T>()): CLI11 fills them while it parses,
// after the group's add_*_commands has returned, so they live as long as the app.
struct CommandContext {
  CLI::App& app;
  Options& options;
  int& code;
  std::vector<std::shared_ptr<void>>& kept;

  template <class T>
  T& keep() const {
    auto held = std::make_shared<T>();
    kept.push_back(held);
    return *held;
  }
  // A callback that runs `body` and stores its exit code.
  template <class Body>
  std::function<void()> run(Body body) const {
    return [&code = code, body] { code = body(); };
  }
  // A subcommand of `parent` whose callback runs run_command(options, group), `group` being the
  // options its group keeps.
  template <class Group, class Command>
  CLI::App* command(CLI::App* parent, const char* name, const char* help, const Group& group,
                    Command run_command) const {
    auto* added = parent->add_subcommand(name, help);
    added->callback(
        run([&global = options, &group, run_command] { return run_command(global, group); }));
    return added;
  }
};
void add_demo_command(CommandContext context);
void add_case_commands(CommandContext context);
void add_execution_commands(CommandContext context);
void add_report_commands(CommandContext context);
void add_sdr_commands(CommandContext context);  // after add_report_commands: adds `report sdr`
void add_rates_commands(CommandContext context);
void add_finance_commands(CommandContext context);  // after add_report_commands: adds reports
void add_user_commands(CommandContext context);     // `user ...` and `org ...`
void add_serve_command(CommandContext context);

}  // namespace fms::cli
