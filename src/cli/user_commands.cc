// `fmsledger user ...` and `fmsledger org ...`: the people who may use fmsledger, the purchasing
// organisations whose cases they work on, their roles (grants) and their API tokens
// (ledger/access/access_ledger.h). Every change is an event of the "@access" stream, recorded with
// --actor as the administrator who made it.
//
// Passwords never appear on the command line, where `ps` and shell history would show them:
// they are typed twice at a terminal with echo off, or read as one line of standard input with
// --password-stdin (for scripts). Listings never show a password or token hash.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/session.h"
#include "ledger/access/access_ledger.h"
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
    Result<std::string> message = body(session.database->access());
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
    auto book = session.database->access().load();
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
    auto book = session.database->access().load();
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

// The options of the `user` and `org` commands.
struct UserCommandOptions {
  std::string org_id;
  std::string org_name;
  std::vector<std::string> org_customers;
  std::string issue_name;
  std::string issue_label;
  std::string issue_expires;
  std::string revoke_token_name;
  std::string revoke_token_id;
  std::string add_name;
  std::string add_display;
  bool add_stdin = false;
  std::string passwd_name;
  bool passwd_stdin = false;
  std::string disable_name;
  std::string disable_reason;
  std::string enable_name;
  std::string enable_reason;
  std::string grant_name;
  std::string grant_role;
  std::string grant_org;
  std::string revoke_name;
  std::string revoke_role;
  std::string revoke_org;
};

int run_org_add(const Options& options, const UserCommandOptions& o) {
  return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
    FMS_ASSIGN_OR_RETURN(ledger::AccessBook book, access.load());
    const ledger::Organisation* before = book.organisation(o.org_id);
    const ledger::Organisation stated{o.org_id, o.org_name, o.org_customers};
    if (before != nullptr && before->name == stated.name && before->customers == stated.customers) {
      return "Organisation " + o.org_id + " is already recorded as stated; nothing changed";
    }
    FMS_TRY(access.record_organisation(stated, options.actor));
    std::string customers;
    for (const std::string& customer : o.org_customers) {
      customers += (customers.empty() ? "" : ", ") + customer;
    }
    return std::string(before == nullptr ? "Recorded" : "Restated") + " organisation " + o.org_id +
           " (" + o.org_name + "), customers " + customers;
  });
}

int run_token_issue(const Options& options, const UserCommandOptions& o) {
  return with_session(options, true, [&](Session& session) {
    std::optional<std::string> expires;
    if (!o.issue_expires.empty()) expires = o.issue_expires;
    auto issued = session.database->access().issue_token(o.issue_name, o.issue_label, expires, options.actor);
    if (!issued.ok()) return fail(issued.error());
    const std::string warning =
        "This token is shown once and cannot be shown again: store it now. It acts as " +
        o.issue_name + " until revoked" + (expires ? " or " + *expires : std::string()) + ".";
    if (options.json) {
      print_json({{"user", o.issue_name},
                  {"token_id", issued->token_id},
                  {"token", issued->token},
                  {"label", o.issue_label},
                  {"expires_at", expires ? report::Json(*expires) : report::Json(nullptr)},
                  {"warning", warning}});
    } else {
      // The token alone on standard output, so a script can capture it; the rest on stderr.
      std::cerr << "Issued token " << issued->token_id << " to " << o.issue_name << " ("
                << o.issue_label << "). " << warning << "\n";
      std::cout << issued->token << "\n";
    }
    return 0;
  });
}

int run_user_add(const Options& options, const UserCommandOptions& o) {
  auto password = read_password(o.add_stdin, o.add_name);
  if (!password.ok()) return fail(password.error());
  return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
    FMS_TRY(access.add_user(o.add_name, o.add_display, *password, options.actor));
    return "Added user " + o.add_name + " (" + o.add_display +
           "); grant a role with fmsledger user grant";
  });
}

int run_passwd(const Options& options, const UserCommandOptions& o) {
  auto password = read_password(o.passwd_stdin, o.passwd_name);
  if (!password.ok()) return fail(password.error());
  return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
    FMS_TRY(access.set_password(o.passwd_name, *password, options.actor));
    return "Changed the password of " + o.passwd_name +
           "; their signed-in web sessions end at their next request (their API tokens stay "
           "valid until revoked)";
  });
}

// grant or revoke a role: NAME --role ROLE --org ORG.
int run_grant(const Options& options, const UserCommandOptions& o, bool grant) {
  const std::string& name = grant ? o.grant_name : o.revoke_name;
  auto held =
      grant ? grant_option(o.grant_role, o.grant_org) : grant_option(o.revoke_role, o.revoke_org);
  if (!held.ok()) return fail(held.error());
  return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
    if (grant) {
      FMS_TRY(access.grant(name, *held, options.actor));
      return name + " now holds " + describe(*held);
    }
    FMS_TRY(access.revoke(name, *held, options.actor));
    return name + " no longer holds " + describe(*held);
  });
}

void add_org_commands(const CommandContext& context, UserCommandOptions& o) {
  auto* org = context.app.add_subcommand(
      "org", "Purchasing organisations and the customer codes whose cases are theirs");
  org->require_subcommand(1);
  org->fallthrough();

  auto* add = context.command(org, "add", "Record an organisation, or restate one", o, run_org_add);
  add->add_option("id", o.org_id, "Organisation id: 2-32 of A-Z, 0-9, '-' (e.g. JMOD)")->required();
  add->add_option("--name", o.org_name, "Its full name")->required();
  add->add_option("--customer", o.org_customers,
                  "A customer code whose cases are the organisation's (e.g. JA); repeat for more")
      ->required();

  context.command(org, "list", "The organisations and their customer codes", o,
                  [](const Options& options, const UserCommandOptions&) {
                    return list_organisations(options);
                  });
}

void add_token_commands(const CommandContext& context, CLI::App* user, UserCommandOptions& o) {
  auto* token = user->add_subcommand("token", "API tokens: issue one to a program, revoke one");
  token->require_subcommand(1);
  token->fallthrough();

  auto* issue = context.command(token, "issue",
                                "Issue an API token; it is printed once and cannot be shown again",
                                o, run_token_issue);
  issue->add_option("name", o.issue_name, "The user the token acts as")->required();
  issue->add_option("--label", o.issue_label, "What the token is for, e.g. \"nightly export\"")
      ->required();
  issue->add_option("--expires", o.issue_expires,
                    "When it stops working, UTC (e.g. 2027-01-01T00:00:00Z); default: never");

  auto* revoke = context.command(
      token, "revoke", "Revoke an API token: it stops working at once", o,
      [](const Options& options, const UserCommandOptions& group) {
        return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
          FMS_TRY(
              access.revoke_token(group.revoke_token_name, group.revoke_token_id, options.actor));
          return "Revoked token " + group.revoke_token_id + " of " + group.revoke_token_name;
        });
      });
  revoke->add_option("name", o.revoke_token_name, "The user the token belongs to")->required();
  revoke->add_option("token_id", o.revoke_token_id, "The token's id (see fmsledger user list)")
      ->required();
}

void add_password_commands(const CommandContext& context, CLI::App* user, UserCommandOptions& o) {
  auto* add = context.command(user, "add",
                              "Add a user; the password is typed twice, or read with "
                              "--password-stdin",
                              o, run_user_add);
  add->add_option("name", o.add_name, "User name: 1-64 of a-z, 0-9, '.', '_', '-'")->required();
  add->add_option("--display-name", o.add_display, "The person's name as shown")->required();
  add->add_flag("--password-stdin", o.add_stdin, "Read the password as one line of standard input");

  auto* passwd = context.command(user, "passwd", "Set a user's password", o, run_passwd);
  passwd->add_option("name", o.passwd_name, "The user")->required();
  passwd->add_flag("--password-stdin", o.passwd_stdin,
                   "Read the password as one line of standard input");
}

void add_status_commands(const CommandContext& context, CLI::App* user, UserCommandOptions& o) {
  auto* disable = context.command(
      user, "disable", "Disable a user: no login, no role, no token works until enabled", o,
      [](const Options& options, const UserCommandOptions& group) {
        return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
          FMS_TRY(access.disable_user(group.disable_name, group.disable_reason, options.actor));
          return "Disabled user " + group.disable_name;
        });
      });
  disable->add_option("name", o.disable_name, "The user")->required();
  disable->add_option("--reason", o.disable_reason, "Why (recorded)")->required();

  auto* enable = context.command(
      user, "enable", "Enable a disabled user again", o,
      [](const Options& options, const UserCommandOptions& group) {
        return change(options, [&](ledger::AccessLedger& access) -> Result<std::string> {
          FMS_TRY(access.enable_user(group.enable_name, group.enable_reason, options.actor));
          return "Enabled user " + group.enable_name;
        });
      });
  enable->add_option("name", o.enable_name, "The user")->required();
  enable->add_option("--reason", o.enable_reason, "Why (recorded)")->required();
}

void add_grant_commands(const CommandContext& context, CLI::App* user, UserCommandOptions& o) {
  auto* grant = context.command(user, "grant", "Grant a user a role over an organisation", o,
                                [](const Options& options, const UserCommandOptions& group) {
                                  return run_grant(options, group, true);
                                });
  grant->add_option("name", o.grant_name, "The user")->required();
  grant->add_option("--role", o.grant_role, "viewer, case-manager, finance, auditor or admin")
      ->required();
  grant->add_option("--org", o.grant_org, "An organisation id, or * for every organisation")
      ->required();

  auto* revoke = context.command(user, "revoke", "Revoke a role a user holds over an organisation",
                                 o, [](const Options& options, const UserCommandOptions& group) {
                                   return run_grant(options, group, false);
                                 });
  revoke->add_option("name", o.revoke_name, "The user")->required();
  revoke->add_option("--role", o.revoke_role, "The role")->required();
  revoke->add_option("--org", o.revoke_org, "The organisation id, or *")->required();
}

}  // namespace

void add_user_commands(CommandContext context) {
  auto& o = context.keep<UserCommandOptions>();
  auto* user = context.app.add_subcommand(
      "user", "Users: add, passwords, disable and enable, grants, API tokens");
  user->require_subcommand(1);
  user->fallthrough();
  add_password_commands(context, user, o);
  add_status_commands(context, user, o);
  add_grant_commands(context, user, o);
  context.command(
      user, "list", "Users, their status, grants and API tokens (never a password or token hash)",
      o, [](const Options& options, const UserCommandOptions&) { return list_users(options); });
  add_token_commands(context, user, o);
  add_org_commands(context, o);
}

}  // namespace fms::cli
