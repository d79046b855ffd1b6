// `fmsledger user ...` and `fmsledger org ...`: the people who may use fmsledger, the purchasing
// organisations whose cases they work on, their roles (grants) and their API tokens
// (ledger/access_ledger.h). Every change is an event of the "@access" stream, recorded with
// --actor as the administrator who made it.
//
// Passwords never appear on the command line, where `ps` and shell history would show them:
// they are typed twice at a terminal with echo off, or read as one line of standard input with
// --password-stdin (for scripts). Listings never show a password or token hash.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/session.h"
#include "ledger/access_ledger.h"
#include "report/table.h"

namespace fms::cli {
namespace {

// Turns terminal echo off while a password is typed, and back on however the scope is left.
class EchoOff {
 public:
  EchoOff() {
    active_ = tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

// One line of standard input without its line ending. Reads at most a little more than the
// longest password allowed, so the length rule, not memory, refuses a longer one.
std::string read_line(std::istream& in) {
  std::string line;
  char c = 0;
  while (line.size() <= ledger::kMaxPasswordBytes + 1 && in.get(c) && c != '\n') line += c;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<std::string> read_password(bool from_stdin, const std::string& user) {
  if (from_stdin) {
    if (std::cin.peek() == std::char_traits<char>::eof()) {
      return Error::invalid(
          "--password-stdin: standard input is empty; give the password as "
          "one line");
    }
    return read_line(std::cin);
  }
  if (isatty(STDIN_FILENO) == 0) {
    return Error::invalid(
        "standard input is not a terminal, so the password cannot be typed: "
        "give it as one line of standard input with --password-stdin");
  }
  std::string first;
  std::string second;
  {
    EchoOff quiet;
    std::cerr << "Password for " << user << ": " << std::flush;
    first = read_line(std::cin);
    std::cerr << "\nThe same password again: " << std::flush;
    second = read_line(std::cin);
    std::cerr << "\n";
  }
  if (first != second) return Error::invalid("the two passwords differ; nothing changed");
  return first;
}

Result<ledger::Grant> grant_option(const std::string& role_text, const std::string& organisation) {
  auto role = ledger::parse_role(role_text);
  if (!role.ok()) return role.error().at_field("role");
  return ledger::Grant{*role, organisation};
}

// Runs a command that changes the access book and prints its message (or {"message"}).
template <class Change>
int change(const Options& options, Change body) {
  return with_session(options, true, [&](Session& session) {
    Result<std::string> message = body(*session.access);
    if (!message.ok()) return fail(message.error());
    if (options.json) {
      print_json({{"message", *message}});
    } else {
      std::cout << *message << "\n";
    }
    return 0;
  });
}

report::Json grants_json(const ledger::User& user) {
  report::Json grants = report::Json::array();
  for (const ledger::Grant& grant : user.grants) {
    grants.push_back({{"role", std::string(ledger::to_string(grant.role))},
                      {"organisation", grant.organisation}});
  }
  return grants;
}

report::Json tokens_json(const ledger::User& user) {
  report::Json tokens = report::Json::array();
  for (const ledger::ApiToken& token : user.tokens) {
    tokens.push_back(
        {{"token_id", token.token_id},
         {"label", token.label},
         {"issued_at", token.issued_at},
         {"expires_at", token.expires_at ? report::Json(*token.expires_at) : report::Json(nullptr)},
         {"revoked", token.revoked}});
  }
  return tokens;
}

// "case-manager:JMOD, auditor:*"
std::string grants_text(const ledger::User& user) {
  std::string text;
  for (const ledger::Grant& grant : user.grants) {
    text += (text.empty() ? "" : ", ") + std::string(ledger::to_string(grant.role)) + ":" +
            grant.organisation;
  }
  return text.empty() ? "-" : text;
}

int list_users(const Options& options) {
  return with_session(options, false, [&](Session& session) {
    auto book = session.access->load();
    if (!book.ok()) return fail(book.error());
    if (options.json) {
      report::Json users = report::Json::array();
      for (const ledger::User* user : book->users()) {
        users.push_back({{"name", user->name},
                         {"display_name", user->display_name},
                         {"disabled", user->disabled},
                         {"added_at", user->added_at},
                         {"grants", grants_json(*user)},
                         {"tokens", tokens_json(*user)}});
      }
      print_json({{"users", std::move(users)}});
      return 0;
    }
    if (book->users().empty()) {
      std::cout << "No users recorded (fmsledger user add NAME --display-name ...).\n";
      return 0;
    }
    report::Table users({{"User"}, {"Display name"}, {"Status"}, {"Grants"}});
    report::Table tokens({{"User"}, {"Token"}, {"Label"}, {"Issued"}, {"Expires"}, {"Status"}});
    for (const ledger::User* user : book->users()) {
      users.add_row({user->name, user->display_name, user->disabled ? "disabled" : "active",
                     grants_text(*user)});
      for (const ledger::ApiToken& token : user->tokens) {
        tokens.add_row({user->name, token.token_id, token.label, token.issued_at,
                        token.expires_at.value_or("-"), token.revoked ? "revoked" : "issued"});
      }
    }
    std::cout << users.render();
    if (!tokens.empty()) std::cout << "\nAPI tokens\n" << tokens.render();
    return 0;
  });
}

int list_organisations(const Options& options) {
  return with_session(options, false, [&](Session& session) {
    auto book = session.access->load();
    if (!book.ok()) return fail(book.error());
    if (options.json) {
      report::Json organisations = report::Json::array();
      for (const ledger::Organisation* organisation : book->organisations()) {
        organisations.push_back({{"id", organisation->id},
                                 {"name", organisation->name},
                                 {"customers", organisation->customers}});
      }
      print_json({{"organisations", std::move(organisations)}});
      return 0;
    }
    if (book->organisations().empty()) {
      std::cout << "No organisations recorded (fmsledger org add ID --name ... --customer CC).\n";
      return 0;
    }
    report::Table table({{"Organisation"}, {"Name"}, {"Customers"}});
    for (const ledger::Organisation* organisation : book->organisations()) {
      std::string customers;
      for (const std::string& code : organisation->customers) {
        customers += (customers.empty() ? "" : ", ") + code;
      }
      table.add_row({organisation->id, organisation->name, customers});
    }
    std::cout << table.render();
    return 0;
  });
}

void add_org_commands(CommandContext context) {
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };

  auto* org = context.app.add_subcommand(
      "org", "Purchasing organisations and the customer codes whose cases are theirs");
  org->require_subcommand(1);
  org->fallthrough();

  static std::string add_id;
  static std::string add_name;
  static std::vector<std::string> add_customers;
  auto* add = org->add_subcommand("add", "Record an organisation, or restate one");
  add->add_option("id", add_id, "Organisation id: 2-32 of A-Z, 0-9, '-' (e.g. JMOD)")->required();
  add->add_option("--name", add_name, "Its full name")->required();
  add->add_option("--customer", add_customers,
                  "A customer code whose cases are the organisation's (e.g. JA); repeat for more")
      ->required();
  add->callback(run([&] {
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_ASSIGN_OR_RETURN(ledger::AccessBook book, access.load());
      const ledger::Organisation* before = book.organisation(add_id);
      const ledger::Organisation stated{add_id, add_name, add_customers};
      if (before != nullptr && before->name == stated.name &&
          before->customers == stated.customers) {
        return "Organisation " + add_id + " is already recorded as stated; nothing changed";
      }
      FMS_TRY(access.record_organisation(stated, options.actor));
      std::string customers;
      for (const std::string& customer : add_customers) {
        customers += (customers.empty() ? "" : ", ") + customer;
      }
      return std::string(before == nullptr ? "Recorded" : "Restated") + " organisation " + add_id +
             " (" + add_name + "), customers " + customers;
    });
  }));

  auto* list = org->add_subcommand("list", "The organisations and their customer codes");
  list->callback(run([&] { return list_organisations(options); }));
}

void add_token_commands(CLI::App* user, Options& options, int& code) {
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  auto* token = user->add_subcommand("token", "API tokens: issue one to a program, revoke one");
  token->require_subcommand(1);
  token->fallthrough();

  static std::string issue_name;
  static std::string issue_label;
  static std::string issue_expires;
  auto* issue = token->add_subcommand(
      "issue", "Issue an API token; it is printed once and cannot be shown again");
  issue->add_option("name", issue_name, "The user the token acts as")->required();
  issue->add_option("--label", issue_label, "What the token is for, e.g. \"nightly export\"")
      ->required();
  issue->add_option("--expires", issue_expires,
                    "When it stops working, UTC (e.g. 2027-01-01T00:00:00Z); default: never");
  issue->callback(run([&] {
    return with_session(options, true, [&](Session& session) {
      std::optional<std::string> expires;
      if (!issue_expires.empty()) expires = issue_expires;
      auto issued = session.access->issue_token(issue_name, issue_label, expires, options.actor);
      if (!issued.ok()) return fail(issued.error());
      const std::string warning =
          "This token is shown once and cannot be shown again: store "
          "it now. It acts as " +
          issue_name + " until revoked" + (expires ? " or " + *expires : std::string()) + ".";
      if (options.json) {
        print_json({{"user", issue_name},
                    {"token_id", issued->token_id},
                    {"token", issued->token},
                    {"label", issue_label},
                    {"expires_at", expires ? report::Json(*expires) : report::Json(nullptr)},
                    {"warning", warning}});
      } else {
        // The token alone on standard output, so a script can capture it; the rest on stderr.
        std::cerr << "Issued token " << issued->token_id << " to " << issue_name << " ("
                  << issue_label << "). " << warning << "\n";
        std::cout << issued->token << "\n";
      }
      return 0;
    });
  }));

  static std::string revoke_name;
  static std::string revoke_id;
  auto* revoke = token->add_subcommand("revoke", "Revoke an API token: it stops working at once");
  revoke->add_option("name", revoke_name, "The user the token belongs to")->required();
  revoke->add_option("token_id", revoke_id, "The token's id (see fmsledger user list)")->required();
  revoke->callback(run([&] {
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.revoke_token(revoke_name, revoke_id, options.actor));
      return "Revoked token " + revoke_id + " of " + revoke_name;
    });
  }));
}

}  // namespace

void add_user_commands(CommandContext context) {
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  auto* user = context.app.add_subcommand(
      "user", "Users: add, passwords, disable and enable, grants, API tokens");
  user->require_subcommand(1);
  user->fallthrough();

  static std::string add_name;
  static std::string add_display;
  static bool add_stdin = false;
  auto* add = user->add_subcommand("add",
                                   "Add a user; the password is typed twice, or read "
                                   "with --password-stdin");
  add->add_option("name", add_name, "User name: 1-64 of a-z, 0-9, '.', '_', '-'")->required();
  add->add_option("--display-name", add_display, "The person's name as shown")->required();
  add->add_flag("--password-stdin", add_stdin, "Read the password as one line of standard input");
  add->callback(run([&] {
    auto password = read_password(add_stdin, add_name);
    if (!password.ok()) return fail(password.error());
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.add_user(add_name, add_display, *password, options.actor));
      return "Added user " + add_name + " (" + add_display +
             "); grant a role with fmsledger user grant";
    });
  }));

  static std::string passwd_name;
  static bool passwd_stdin = false;
  auto* passwd = user->add_subcommand("passwd", "Set a user's password");
  passwd->add_option("name", passwd_name, "The user")->required();
  passwd->add_flag("--password-stdin", passwd_stdin,
                   "Read the password as one line of standard input");
  passwd->callback(run([&] {
    auto password = read_password(passwd_stdin, passwd_name);
    if (!password.ok()) return fail(password.error());
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.set_password(passwd_name, *password, options.actor));
      return "Changed the password of " + passwd_name +
             "; their signed-in web sessions end at their next request (their API tokens stay "
             "valid until revoked)";
    });
  }));

  static std::string disable_name;
  static std::string disable_reason;
  auto* disable = user->add_subcommand(
      "disable", "Disable a user: no login, no role, no token works until enabled");
  disable->add_option("name", disable_name, "The user")->required();
  disable->add_option("--reason", disable_reason, "Why (recorded)")->required();
  disable->callback(run([&] {
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.disable_user(disable_name, disable_reason, options.actor));
      return "Disabled user " + disable_name;
    });
  }));

  static std::string enable_name;
  static std::string enable_reason;
  auto* enable = user->add_subcommand("enable", "Enable a disabled user again");
  enable->add_option("name", enable_name, "The user")->required();
  enable->add_option("--reason", enable_reason, "Why (recorded)")->required();
  enable->callback(run([&] {
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.enable_user(enable_name, enable_reason, options.actor));
      return "Enabled user " + enable_name;
    });
  }));

  static std::string grant_name;
  static std::string grant_role;
  static std::string grant_org;
  auto* grant = user->add_subcommand("grant", "Grant a user a role over an organisation");
  grant->add_option("name", grant_name, "The user")->required();
  grant->add_option("--role", grant_role, "viewer, case-manager, finance, auditor or admin")
      ->required();
  grant->add_option("--org", grant_org, "An organisation id, or * for every organisation")
      ->required();
  grant->callback(run([&] {
    auto granted = grant_option(grant_role, grant_org);
    if (!granted.ok()) return fail(granted.error());
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.grant(grant_name, *granted, options.actor));
      return grant_name + " now holds " + describe(*granted);
    });
  }));

  static std::string revoke_name;
  static std::string revoke_role;
  static std::string revoke_org;
  auto* revoke = user->add_subcommand("revoke", "Revoke a role a user holds over an organisation");
  revoke->add_option("name", revoke_name, "The user")->required();
  revoke->add_option("--role", revoke_role, "The role")->required();
  revoke->add_option("--org", revoke_org, "The organisation id, or *")->required();
  revoke->callback(run([&] {
    auto revoked = grant_option(revoke_role, revoke_org);
    if (!revoked.ok()) return fail(revoked.error());
    return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
      FMS_TRY(access.revoke(revoke_name, *revoked, options.actor));
      return revoke_name + " no longer holds " + describe(*revoked);
    });
  }));

  auto* list = user->add_subcommand(
      "list", "Users, their status, grants and API tokens (never a password or token hash)");
  list->callback(run([&] { return list_users(options); }));

  add_token_commands(user, options, code);
  add_org_commands(context);
}

}  // namespace fms::cli
