// End-to-end tests of `fmsledger user ...` and `fmsledger org ...`: organisations, users,
// passwords from standard input, grants, API tokens, listings that never show a hash, and bad
// input that leaves the database byte-for-byte unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli/cli_harness.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPasswordLine = "correct horse battery staple\n";

class UserCliTest : public ::testing::Test {
 protected:
  TempDir dir_;
  Cli cli_{dir_.path() / "ledger.db"};

  void ok(const std::vector<std::string>& args) {
    const CliRun run = cli_(args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }

  void add_japan_and_pmo() {
    ok({"org", "add", "JMOD", "--name", "Japan Ministry of Defense (ATLA)", "--customer", "JA"});
    const CliRun added = cli_.with_input(kPasswordLine, {"user", "add", "pmo", "--display-name",
                                                         "Programme office", "--password-stdin"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    ok({"user", "grant", "pmo", "--role", "case-manager", "--org", "JMOD"});
  }

  // Runs a command that must fail with exit code 1 and `message`, changing nothing.
  void refused(const std::vector<std::string>& args, const std::string& message,
               const std::string* input = nullptr) {
    const std::string before = cli_.dump();
    const CliRun run = input != nullptr ? cli_.with_input(*input, args) : cli_(args);
    EXPECT_EQ(run.exit_code, 1) << run.out;
    EXPECT_THAT(run.err, HasSubstr(message));
    EXPECT_EQ(cli_.dump(), before) << message;
  }
};

TEST_F(UserCliTest, OrganisationsAndUsersEndToEnd) {
  const CliRun org = cli_(
      {"org", "add", "JMOD", "--name", "Japan Ministry of Defense (ATLA)", "--customer", "JA"});
  ASSERT_EQ(org.exit_code, 0) << org.err;
  EXPECT_EQ(org.out,
            "Recorded organisation JMOD (Japan Ministry of Defense (ATLA)), customers JA\n");
  const CliRun again = cli_(
      {"org", "add", "JMOD", "--name", "Japan Ministry of Defense (ATLA)", "--customer", "JA"});
  EXPECT_EQ(again.out, "Organisation JMOD is already recorded as stated; nothing changed\n");
  ok({"org", "add", "KRDAPA", "--name", "Korea DAPA", "--customer", "KS", "--customer", "KN"});
  const CliRun orgs = cli_({"--json", "org", "list"});
  ASSERT_EQ(orgs.exit_code, 0) << orgs.err;
  const auto listed = nlohmann::json::parse(orgs.out)["organisations"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1]["id"], "KRDAPA");
  EXPECT_EQ(listed[1]["customers"], nlohmann::json::array({"KS", "KN"}));
  EXPECT_THAT(cli_({"org", "list"}).out, AllOf(HasSubstr("JMOD"), HasSubstr("KS, KN")));

  const CliRun added = cli_.with_input(kPasswordLine, {"user", "add", "pmo", "--display-name",
                                                       "Programme office", "--password-stdin"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("Added user pmo (Programme office)"));
  const CliRun granted = cli_({"user", "grant", "pmo", "--role", "case-manager", "--org", "JMOD"});
  ASSERT_EQ(granted.exit_code, 0) << granted.err;
  EXPECT_EQ(granted.out, "pmo now holds case-manager of JMOD\n");
  ok({"user", "grant", "pmo", "--role", "auditor", "--org", "*"});
  ok({"user", "revoke", "pmo", "--role", "auditor", "--org", "*"});
  const CliRun passwd =
      cli_.with_input("another long passphrase\r\n", {"user", "passwd", "pmo", "--password-stdin"});
  ASSERT_EQ(passwd.exit_code, 0) << passwd.err;
  ok({"user", "disable", "pmo", "--reason", "on leave"});
  ok({"user", "enable", "pmo", "--reason", "back"});

  const CliRun issued = cli_({"user", "token", "issue", "pmo", "--label", "nightly export",
                              "--expires", "2027-01-01T00:00:00Z"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  // The token alone on standard output; the warning on standard error.
  EXPECT_TRUE(std::regex_match(issued.out, std::regex("fmsl_[0-9a-f]{16}_[0-9a-f]{64}\n")))
      << issued.out;
  EXPECT_THAT(issued.err, HasSubstr("shown once and cannot be shown again"));
  const std::string token = issued.out.substr(0, issued.out.size() - 1);
  const std::string token_id = token.substr(5, 16);

  const CliRun users = cli_({"user", "list", "--json"});
  ASSERT_EQ(users.exit_code, 0) << users.err;
  EXPECT_THAT(users.out, AllOf(Not(HasSubstr("argon2")), Not(HasSubstr(token.substr(22)))));
  const auto json = nlohmann::json::parse(users.out)["users"];
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["name"], "pmo");
  EXPECT_EQ(json[0]["display_name"], "Programme office");
  EXPECT_EQ(json[0]["disabled"], false);
  EXPECT_EQ(json[0]["grants"],
            nlohmann::json::parse(R"([{"role":"case-manager","organisation":"JMOD"}])"));
  ASSERT_EQ(json[0]["tokens"].size(), 1u);
  EXPECT_EQ(json[0]["tokens"][0]["token_id"], token_id);
  EXPECT_EQ(json[0]["tokens"][0]["expires_at"], "2027-01-01T00:00:00Z");
  EXPECT_FALSE(json[0]["tokens"][0].contains("token_hash"));
  const CliRun text = cli_({"user", "list"});
  EXPECT_THAT(text.out, AllOf(HasSubstr("pmo"), HasSubstr("case-manager:JMOD"), HasSubstr(token_id),
                              Not(HasSubstr("argon2"))));

  const CliRun revoked = cli_({"user", "token", "revoke", "pmo", token_id});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_THAT(cli_({"user", "list"}).out, HasSubstr("revoked"));

  const CliRun verify = cli_({"--json", "verify"});
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  const auto verified = nlohmann::json::parse(verify.out);
  // Two organisations, a user, two grants and a revoke, a password, disable and enable, a token
  // issued and revoked; the restatement that changed nothing is not an event.
  EXPECT_EQ(verified["access_events"], 11);
  EXPECT_EQ(verified["audit_events"], 0);
}

TEST_F(UserCliTest, APasswordIsNeverTakenFromANonTerminalWithoutTheFlag) {
  ok({"org", "add", "JMOD", "--name", "Japan Ministry of Defense (ATLA)", "--customer", "JA"});
  const std::string input = kPasswordLine;
  refused({"user", "add", "pmo", "--display-name", "Programme office"},
          "standard input is not a terminal", &input);
  const std::string empty;
  refused({"user", "add", "pmo", "--display-name", "Programme office", "--password-stdin"},
          "standard input is empty", &empty);
  const std::string short_one = "too short\n";
  refused({"user", "add", "pmo", "--display-name", "Programme office", "--password-stdin"},
          "a password must be at least 12 bytes (this one is 9)", &short_one);
  const std::string long_one(1025, 'p');
  refused({"user", "add", "pmo", "--display-name", "Programme office", "--password-stdin"},
          "a password must be at most 1024 bytes", &long_one);
}

TEST_F(UserCliTest, BadInputChangesNothing) {
  add_japan_and_pmo();
  const std::string input = kPasswordLine;
  refused({"user", "add", "pmo", "--display-name", "Again", "--password-stdin"},
          "user \"pmo\" is already recorded", &input);
  refused({"user", "add", "PMO", "--display-name", "Upper", "--password-stdin"},
          "user name \"PMO\" must be 1 to 64 characters", &input);
  refused({"user", "grant", "pmo", "--role", "boss", "--org", "JMOD"},
          "--role: unknown role \"boss\": one of viewer, case-manager, finance, auditor, admin");
  refused({"user", "grant", "pmo", "--role", "viewer", "--org", "MOFA"},
          "no organisation \"MOFA\" is recorded");
  refused({"user", "grant", "pmo", "--role", "case-manager", "--org", "JMOD"},
          "user \"pmo\" already holds case-manager of JMOD");
  refused({"user", "revoke", "pmo", "--role", "admin", "--org", "*"},
          "user \"pmo\" does not hold admin of every organisation");
  refused({"user", "grant", "nobody", "--role", "viewer", "--org", "JMOD"},
          "no user \"nobody\" is recorded");
  refused({"user", "enable", "pmo", "--reason", "x"}, "user \"pmo\" is not disabled");
  refused({"user", "disable", "pmo", "--reason", ""}, "the reason: must be 1 to 4000 bytes");
  refused({"org", "add", "MOFA", "--name", "Foreign ministry", "--customer", "JA"},
          "customer code JA already belongs to organisation JMOD");
  refused({"org", "add", "mofa", "--name", "Foreign ministry", "--customer", "XX"},
          "organisation id \"mofa\" must be 2 to 32 characters");
  refused({"user", "token", "issue", "pmo", "--label", "x", "--expires", "2020-01-01T00:00:00Z"},
          "the token's expiry 2020-01-01T00:00:00Z is not in the future");
  refused({"user", "token", "issue", "pmo", "--label", "x", "--expires", "next week"},
          "is not a UTC time");
  refused({"user", "token", "issue", "pmo", "--label", std::string(201, 'l')},
          "the token label: must be 1 to 200 bytes");
  refused({"user", "token", "revoke", "pmo", "0123456789abcdef"}, "has no token 0123456789abcdef");
}

TEST_F(UserCliTest, TheDemoRecordsOrganisationsAndUsers) {
  const CliRun demo = cli_({"demo"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_THAT(demo.out, HasSubstr("\n2 organisations, 6 users and 6 grants recorded"));
  EXPECT_THAT(demo.out, HasSubstr("\"fmsledger-demo\", for the demo only"));

  const CliRun users = cli_({"--json", "user", "list"});
  ASSERT_EQ(users.exit_code, 0) << users.err;
  EXPECT_THAT(users.out, Not(HasSubstr("argon2")));
  std::map<std::string, std::string> grants;
  const auto listed = nlohmann::json::parse(users.out);
  for (const auto& user : listed["users"]) {
    ASSERT_EQ(user["grants"].size(), 1u) << user;
    grants[user["name"].get<std::string>()] = user["grants"][0]["role"].get<std::string>() + ":" +
                                              user["grants"][0]["organisation"].get<std::string>();
  }
  EXPECT_EQ(grants, (std::map<std::string, std::string>{{"admin", "admin:*"},
                                                        {"auditor", "auditor:JMOD"},
                                                        {"dapa", "case-manager:KRDAPA"},
                                                        {"finance", "finance:JMOD"},
                                                        {"pmo", "case-manager:JMOD"},
                                                        {"viewer", "viewer:JMOD"}}));
  const auto orgs = nlohmann::json::parse(cli_({"--json", "org", "list"}).out)["organisations"];
  ASSERT_EQ(orgs.size(), 2u);
  EXPECT_EQ(orgs[0]["id"], "JMOD");
  EXPECT_EQ(orgs[1]["id"], "KRDAPA");
  EXPECT_EQ(orgs[1]["customers"], nlohmann::json::array({"KS"}));

  const auto verified = nlohmann::json::parse(cli_({"--json", "verify"}).out);
  EXPECT_EQ(verified["ok"], true);
  EXPECT_EQ(verified["access_events"], 14);
  EXPECT_EQ(verified["audit_events"], 0);
}

}  // namespace
}  // namespace fms::testing
