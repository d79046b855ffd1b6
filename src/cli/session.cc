// Shared plumbing of the fmsledger commands.
#include "cli/session.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "refdata/loader.h"

namespace fms::cli {
namespace {

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

}  // namespace

Options default_options() {
  Options options;
  options.db = default_database_path();
  options.actor = default_actor();
  return options;
}

int exit_code_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
    case ErrorKind::not_found:
    case ErrorKind::conflict:
    case ErrorKind::forbidden:
    case ErrorKind::corruption:
      return 1;
    case ErrorKind::io:
    case ErrorKind::internal:
      return 2;
  }
  return 2;
}

int fail(const Error& error) {
  std::cerr << "fmsledger: error: " << error.text(Spelling::option) << "\n";
  return exit_code_for(error);
}

Result<Session> open_session(const Options& options, bool create) {
  Session session;
  auto reference = options.refdata_override.empty()
                       ? refdata::load_builtin()
                       : refdata::load_with_override_file(options.refdata_override);
  if (!reference.ok()) return reference.error();
  session.reference = std::make_unique<ReferenceData>(std::move(reference).value());
  ledger::Clock clock = ledger::Clock::system();
  if (const char* now = std::getenv("FMSLEDGER_NOW"); now != nullptr && *now != '\0') {
    auto fixed = ledger::Clock::fixed(now);
    if (!fixed.ok()) return fixed.error().at("FMSLEDGER_NOW");
    clock = std::move(fixed).value();
  }
  auto database =
      ledger::Database::open(options.db, {.create_if_missing = create, .busy_timeout_ms = 5000},
                             *session.reference, clock, ledger::password_cost_from_environment());
  if (!database.ok()) return database.error();
  session.database = std::move(database).value();
  return session;
}

void print_json(const report::Json& json) {
  std::cout << json.dump(2) << "\n";
}

Result<CivilDate> parse_date_option(const std::string& text, const char* option) {
  auto date = CivilDate::parse(text);
  if (!date.ok())
    return Error::invalid(std::string(option) + ": " + date.error().text(Spelling::option));
  return date;
}

}  // namespace fms::cli
