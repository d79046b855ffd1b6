// The access layer on a real SQLite store: password hashing, API tokens, organisations, grants
// and roles, the optimistic check on the "@access" stream (and its absence on "@audit"), replay
// of a corrupt access event, and the case and portfolio folds leaving the "@" streams alone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>

#include "demo/demo.h"
#include "ledger/access/access_ledger.h"
#include "ledger/database.h"
#include "refdata/loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/host_scope.h"

namespace fms::ledger {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kNow = "2026-11-25T12:00:00Z";

// Forwards to a real store and, once, lets another writer append just before the next append
// goes through: the interleaving optimistic concurrency exists for.
class InterleavingStore : public store::Store {
 public:
  explicit InterleavingStore(store::Store& inner) : inner_(inner) {}

  std::function<void(store::Store&)> before_next_append;

  Result<std::vector<store::EventRecord>> append(const store::AppendRequest& request) override {
    if (before_next_append) {
      auto other_writer = std::move(before_next_append);
      before_next_append = nullptr;
      other_writer(inner_);
    }
    return inner_.append(request);
  }
  Result<std::vector<store::EventRecord>> read_events(const store::EventQuery& query) override {
    return inner_.read_events(query);
  }
  Result<std::int64_t> last_business_sequence() override { return inner_.last_business_sequence(); }
  Result<std::optional<store::EventRecord>> last_event() override { return inner_.last_event(); }
  Status begin_snapshot() override { return inner_.begin_snapshot(); }
  void end_snapshot() override { inner_.end_snapshot(); }
  Result<std::vector<store::CaseSummaryRow>> list_cases(const store::CaseFilter& filter) override {
    return inner_.list_cases(filter);
  }
  Result<std::vector<store::CaseProjection>> read_projections() override {
    return inner_.read_projections();
  }
  Status put_segment(std::string_view hash, std::string_view bytes) override {
    return inner_.put_segment(hash, bytes);
  }
  Result<SharedBytes> read_segment(std::string_view hash) override {
    return inner_.read_segment(hash);
  }

 private:
  store::Store& inner_;
};

class AccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-access-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto store = store::open_sqlite_store((dir_ / "access.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    interleaving_ = std::make_unique<InterleavingStore>(*store_);
    access_ = std::make_unique<AccessLedger>(*interleaving_, Clock::fixed(kNow).value(),
                                             PasswordCost::minimum());
  }
  void TearDown() override {
    access_.reset();
    interleaving_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::size_t event_count() { return store_->read_events({}).value().size(); }

  AccessBook book() {
    auto loaded = access_->load();
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? std::move(loaded).value() : AccessBook{};
  }

  // Japan's and Korea's purchasing offices, a case manager of each and a portfolio auditor.
  void record_people() {
    ASSERT_TRUE(
        access_->record_organisation({"JMOD", "Japan Ministry of Defense (ATLA)", {"JA"}}, "admin")
            .ok());
    ASSERT_TRUE(access_->record_organisation({"KRDAPA", "Korea DAPA", {"KS"}}, "admin").ok());
    for (const char* name : {"pmo", "dapa", "auditor"}) {
      const Status added =
          access_->add_user(name, std::string(name) + " person", kPassword, "admin");
      ASSERT_TRUE(added.ok()) << added.error().message;
    }
    ASSERT_TRUE(access_->grant("pmo", {Role::case_manager, "JMOD"}, "admin").ok());
    ASSERT_TRUE(access_->grant("dapa", {Role::case_manager, "KRDAPA"}, "admin").ok());
    ASSERT_TRUE(access_->grant("auditor", {Role::auditor, "*"}, "admin").ok());
  }

  // Appends one event straight to the store, as a damaged or hostile writer could.
  void append_raw(const std::string& stream, const std::string& type, const std::string& payload,
                  int type_version = 1) {
    store::AppendRequest request;
    request.events.push_back(
        {"2026-11-25T12:00:01Z", "mallory", stream, type, type_version, payload});
    ASSERT_TRUE(store_->append(request).ok());
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<InterleavingStore> interleaving_;
  std::unique_ptr<AccessLedger> access_;
};

// --- passwords -------------------------------------------------------------------------------

TEST(PasswordsTest, HashesVerifyTheirPasswordAndNoOther) {
  auto hash = hash_password(kPassword, PasswordCost::minimum());
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_THAT(*hash, StartsWith("$argon2id$"));
  EXPECT_TRUE(is_password_hash(*hash));
  EXPECT_TRUE(password_matches(*hash, kPassword));
  EXPECT_FALSE(password_matches(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(password_matches(*hash, ""));
  // A random salt per hash: the same password twice gives two different strings.
  EXPECT_NE(hash_password(kPassword, PasswordCost::minimum()).value(), *hash);
  EXPECT_FALSE(password_matches("$argon2i$not-a-hash", kPassword));
  EXPECT_FALSE(password_matches("", kPassword));
}

TEST(PasswordsTest, LengthLimitsAreExplicit) {
  EXPECT_TRUE(check_password_rules(std::string(kMinPasswordBytes, 'a')).ok());
  EXPECT_TRUE(check_password_rules(std::string(kMaxPasswordBytes, 'a')).ok());
  const Status short_one = check_password_rules(std::string(kMinPasswordBytes - 1, 'a'));
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(short_one.error().message, HasSubstr("at least 12 bytes (this one is 11)"));
  const Status long_one = check_password_rules(std::string(kMaxPasswordBytes + 1, 'a'));
  ASSERT_FALSE(long_one.ok());
  EXPECT_THAT(long_one.error().message, HasSubstr("at most 1024 bytes (this one is 1025)"));
  EXPECT_FALSE(hash_password("short", PasswordCost::minimum()).ok());
  // No hash can have been made from a password over the limit, so none matches.
  const std::string longest(kMaxPasswordBytes, 'b');
  const std::string hash = hash_password(longest, PasswordCost::minimum()).value();
  EXPECT_TRUE(password_matches(hash, longest));
  EXPECT_FALSE(password_matches(hash, longest + "b"));
}

// The cost real use runs at: the string records it, and verification reads it from the string.
TEST(PasswordsTest, AnInteractiveCostHashVerifies) {
  auto hash = hash_password(kPassword, PasswordCost::interactive());
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_THAT(*hash, AllOf(StartsWith("$argon2id$v=19$"), HasSubstr("m=65536,t=2,p=1")));
  EXPECT_TRUE(password_matches(*hash, kPassword));
  EXPECT_FALSE(password_matches(*hash, "correct horse battery stapler"));
}

TEST(PasswordsTest, TheEnvironmentSelectsTheMinimumCostOnlyByName) {
  const char* saved = std::getenv("FMSLEDGER_PASSWORD_COST");
  const std::string restore = saved != nullptr ? saved : "";
  setenv("FMSLEDGER_PASSWORD_COST", "minimum", 1);
  EXPECT_EQ(password_cost_from_environment().memlimit, PasswordCost::minimum().memlimit);
  setenv("FMSLEDGER_PASSWORD_COST", "fast", 1);
  EXPECT_EQ(password_cost_from_environment().memlimit, PasswordCost::interactive().memlimit);
  unsetenv("FMSLEDGER_PASSWORD_COST");
  EXPECT_EQ(password_cost_from_environment().opslimit, PasswordCost::interactive().opslimit);
  if (saved != nullptr) setenv("FMSLEDGER_PASSWORD_COST", restore.c_str(), 1);
}

// --- tokens ----------------------------------------------------------------------------------

TEST(ApiTokensTest, TokenTextHasOneShape) {
  const IssuedToken issued = generate_token();
  ASSERT_EQ(issued.token.size(), 5u + 16u + 1u + 64u);
  const auto parts = parse_token(issued.token);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->token_id, issued.token_id);
  EXPECT_EQ(parts->token, issued.token);
  EXPECT_NE(generate_token().token, issued.token);
  const std::string id(16, 'a');
  const std::string secret(64, 'b');
  EXPECT_TRUE(parse_token("fmsl_" + id + "_" + secret).has_value());
  for (const std::string& bad :
       {std::string(), "fmsl_" + id + "_" + secret + "0", "fmsl_" + id + "-" + secret,
        "fmsk_" + id + "_" + secret, "fmsl_" + std::string(16, 'A') + "_" + secret,
        "fmsl_" + id + "_" + std::string(63, 'b') + "g", " fmsl_" + id + "_" + secret.substr(1)}) {
    EXPECT_FALSE(parse_token(bad).has_value()) << bad;
  }
  EXPECT_TRUE(token_matches(token_hash(issued.token), issued.token));
  EXPECT_FALSE(token_matches(token_hash(issued.token), generate_token().token));
  EXPECT_FALSE(token_matches("", issued.token));
}

TEST_F(AccessTest, AnIssuedTokenVerifiesUntilRevoked) {
  record_people();
  auto issued = access_->issue_token("pmo", "nightly export", std::nullopt, "admin");
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  AccessBook access = book();
  const User* user = access.user_for_token(issued->token, kNow);
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->name, "pmo");
  ASSERT_EQ(user->tokens.size(), 1u);
  EXPECT_EQ(user->tokens[0].label, "nightly export");
  EXPECT_EQ(user->tokens[0].token_hash, token_hash(issued->token));
  EXPECT_FALSE(user->tokens[0].expires_at.has_value());
  // Only the hash is recorded, never the text.
  const auto recorded = store_->read_events({}).value();
  for (const auto& event : recorded) {
    EXPECT_THAT(event.payload, ::testing::Not(HasSubstr(issued->token.substr(22))));
  }

  std::string wrong_secret = issued->token;
  wrong_secret.back() = wrong_secret.back() == '0' ? '1' : '0';
  EXPECT_EQ(access.user_for_token(wrong_secret, kNow), nullptr);
  EXPECT_EQ(
      access.user_for_token("fmsl_" + std::string(16, '0') + "_" + std::string(64, '0'), kNow),
      nullptr);
  EXPECT_EQ(access.user_for_token("not a token", kNow), nullptr);

  ASSERT_TRUE(access_->revoke_token("pmo", issued->token_id, "admin").ok());
  EXPECT_EQ(book().user_for_token(issued->token, kNow), nullptr);
  const Status again = access_->revoke_token("pmo", issued->token_id, "admin");
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().message, HasSubstr("is already revoked"));
  const Status not_theirs = access_->revoke_token("dapa", issued->token_id, "admin");
  ASSERT_FALSE(not_theirs.ok());
  EXPECT_THAT(not_theirs.error().message, HasSubstr("user \"dapa\" has no token"));
}

TEST_F(AccessTest, ATokenStopsAtItsExpiry) {
  record_people();
  auto issued = access_->issue_token("pmo", "audit pull", "2026-12-01T00:00:00Z", "admin");
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  const AccessBook access = book();
  EXPECT_NE(access.user_for_token(issued->token, "2026-11-30T23:59:59.999999Z"), nullptr);
  EXPECT_EQ(access.user_for_token(issued->token, "2026-12-01T00:00:00Z"), nullptr);
  EXPECT_EQ(access.user_for_token(issued->token, "2027-01-01T00:00:00Z"), nullptr);
  EXPECT_EQ(access.user_for_token(issued->token, "tomorrow"), nullptr);

  const std::size_t before = event_count();
  auto past = access_->issue_token("pmo", "late", "2026-11-25T11:59:59Z", "admin");
  ASSERT_FALSE(past.ok());
  EXPECT_THAT(past.error().message, HasSubstr("is not in the future"));
  auto unreadable = access_->issue_token("pmo", "late", "2027-01-01", "admin");
  ASSERT_FALSE(unreadable.ok());
  EXPECT_THAT(unreadable.error().message, HasSubstr("is not a UTC time"));
  EXPECT_EQ(event_count(), before);
}

TEST_F(AccessTest, ATokenOfADisabledUserDoesNotVerify) {
  record_people();
  auto issued = access_->issue_token("pmo", "script", std::nullopt, "admin");
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(access_->disable_user("pmo", "left the programme office", "admin").ok());
  AccessBook access = book();
  EXPECT_EQ(access.user_for_token(issued->token, kNow), nullptr);
  EXPECT_TRUE(access.roles_for_case(*access.user("pmo"), "JA-P-TWK").empty());
  EXPECT_TRUE(access.all_roles_of(*access.user("pmo")).empty());
  auto refused = access_->issue_token("pmo", "another", std::nullopt, "admin");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("is disabled; enable them"));

  ASSERT_TRUE(access_->enable_user("pmo", "returned", "admin").ok());
  access = book();
  EXPECT_NE(access.user_for_token(issued->token, kNow), nullptr);
  EXPECT_EQ(access.roles_for_case(*access.user("pmo"), "JA-P-TWK"),
            std::set<Role>{Role::case_manager});
}

TEST_F(AccessTest, TokenLabelAndCountLimits) {
  record_people();
  const std::size_t before = event_count();
  for (const std::string& label :
       {std::string(), std::string(kMaxTokenLabelBytes + 1, 'x'), std::string("two\nlines")}) {
    auto refused = access_->issue_token("pmo", label, std::nullopt, "admin");
    ASSERT_FALSE(refused.ok()) << label;
    EXPECT_THAT(refused.error().message, HasSubstr("the token label: must")) << label;
  }
  EXPECT_EQ(event_count(), before);
  std::string first_id;
  for (std::size_t i = 0; i < kMaxUnrevokedTokensPerUser; ++i) {
    auto issued =
        access_->issue_token("pmo", std::string(kMaxTokenLabelBytes, 'l'), std::nullopt, "admin");
    ASSERT_TRUE(issued.ok()) << i << ": " << issued.error().message;
    if (i == 0) first_id = issued->token_id;
  }
  auto over = access_->issue_token("pmo", "one more", std::nullopt, "admin");
  ASSERT_FALSE(over.ok());
  EXPECT_THAT(over.error().message, HasSubstr("20 tokens not revoked, the limit"));
  ASSERT_TRUE(access_->revoke_token("pmo", first_id, "admin").ok());
  EXPECT_TRUE(access_->issue_token("pmo", "one more", std::nullopt, "admin").ok());
}

// --- organisations, grants and roles ---------------------------------------------------------

TEST(RolesTest, RolesHaveOneNameEach) {
  for (const Role role : all_roles()) EXPECT_EQ(parse_role(to_string(role)).value(), role);
  EXPECT_EQ(to_string(Role::case_manager), "case-manager");
  auto unknown = parse_role("boss");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "unknown role \"boss\": one of viewer, case-manager, finance, auditor, admin");
  EXPECT_EQ(describe(Grant{Role::auditor, "*"}), "auditor of every organisation");
  EXPECT_EQ(describe(Grant{Role::viewer, "JMOD"}), "viewer of JMOD");
}

TEST_F(AccessTest, RolesFollowTheCasesOrganisation) {
  record_people();
  const AccessBook access = book();
  const User& pmo = *access.user("pmo");
  const User& dapa = *access.user("dapa");
  const User& auditor = *access.user("auditor");
  EXPECT_EQ(access.roles_for_case(pmo, "JA-P-TWK"), std::set<Role>{Role::case_manager});
  EXPECT_TRUE(access.roles_for_case(dapa, "JA-P-TWK").empty());  // Korea sees nothing of Japan's
  EXPECT_EQ(access.roles_for_case(dapa, "KS-B-AAA"), std::set<Role>{Role::case_manager});
  EXPECT_TRUE(access.roles_for_case(pmo, "KS-B-AAA").empty());
  // "*" covers every organisation, and cases no organisation claims.
  EXPECT_EQ(access.roles_for_case(auditor, "JA-P-TWK"), std::set<Role>{Role::auditor});
  EXPECT_EQ(access.roles_for_case(auditor, "KS-B-AAA"), std::set<Role>{Role::auditor});
  EXPECT_EQ(access.roles_for_case(auditor, "AT-D-XYZ"), std::set<Role>{Role::auditor});
  EXPECT_TRUE(access.roles_for_case(pmo, "AT-D-XYZ").empty());
  EXPECT_EQ(access.roles(pmo, "JMOD"), std::set<Role>{Role::case_manager});
  EXPECT_TRUE(access.roles(pmo, "KRDAPA").empty());
  EXPECT_EQ(access.roles(auditor, "KRDAPA"), std::set<Role>{Role::auditor});

  ASSERT_TRUE(access_->grant("pmo", {Role::viewer, "KRDAPA"}, "admin").ok());
  ASSERT_TRUE(access_->grant("pmo", {Role::finance, "JMOD"}, "admin").ok());
  const AccessBook after = book();
  const User& widened = *after.user("pmo");
  EXPECT_EQ(after.roles_for_case(widened, "JA-P-TWK"),
            (std::set<Role>{Role::case_manager, Role::finance}));
  EXPECT_EQ(after.all_roles_of(widened),
            (std::set<Role>{Role::viewer, Role::case_manager, Role::finance}));
  EXPECT_THAT(widened.grants,
              ElementsAre(Grant{Role::viewer, "KRDAPA"}, Grant{Role::case_manager, "JMOD"},
                          Grant{Role::finance, "JMOD"}));

  ASSERT_TRUE(access_->revoke("pmo", {Role::case_manager, "JMOD"}, "admin").ok());
  EXPECT_EQ(book().roles_for_case(*book().user("pmo"), "JA-P-TWK"), std::set<Role>{Role::finance});
}

TEST_F(AccessTest, GrantsAreCheckedAgainstTheBook) {
  record_people();
  const std::size_t before = event_count();
  const Status twice = access_->grant("pmo", {Role::case_manager, "JMOD"}, "admin");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(twice.error().message, "user \"pmo\" already holds case-manager of JMOD");
  const Status unknown_org = access_->grant("pmo", {Role::viewer, "MOFA"}, "admin");
  ASSERT_FALSE(unknown_org.ok());
  EXPECT_THAT(unknown_org.error().message, HasSubstr("no organisation \"MOFA\" is recorded"));
  const Status bad_org = access_->grant("pmo", {Role::viewer, "jmod"}, "admin");
  ASSERT_FALSE(bad_org.ok());
  EXPECT_THAT(bad_org.error().message, HasSubstr("organisation id \"jmod\" must be"));
  const Status unknown_user = access_->grant("nobody", {Role::viewer, "JMOD"}, "admin");
  ASSERT_FALSE(unknown_user.ok());
  EXPECT_EQ(unknown_user.error().kind, ErrorKind::not_found);
  EXPECT_THAT(unknown_user.error().message, HasSubstr("no user \"nobody\" is recorded"));
  const Status not_held = access_->revoke("pmo", {Role::admin, "*"}, "admin");
  ASSERT_FALSE(not_held.ok());
  EXPECT_EQ(not_held.error().message, "user \"pmo\" does not hold admin of every organisation");
  EXPECT_EQ(event_count(), before);
}

TEST_F(AccessTest, ACaseBelongsToTheOrganisationOfItsCustomerCode) {
  record_people();
  const AccessBook access = book();
  ASSERT_NE(access.organisation_of_case("JA-P-TWK"), nullptr);
  EXPECT_EQ(access.organisation_of_case("JA-P-TWK")->id, "JMOD");
  EXPECT_EQ(access.organisation_of_case("ja-p-twk")->id, "JMOD");
  EXPECT_EQ(access.organisation_of_case("KS-B-AAA")->id, "KRDAPA");
  EXPECT_EQ(access.organisation_of_case("AT-D-XYZ"), nullptr);
  EXPECT_EQ(access.organisation_of_case("J"), nullptr);
  EXPECT_EQ(access.organisation_of_case(""), nullptr);
  ASSERT_EQ(access.organisations().size(), 2u);
  EXPECT_EQ(access.organisations()[0]->id, "JMOD");
  EXPECT_EQ(access.organisations()[1]->id, "KRDAPA");
  EXPECT_EQ(access.organisation("KRDAPA")->customers, std::vector<std::string>{"KS"});
}

TEST_F(AccessTest, ACustomerCodeBelongsToOneOrganisation) {
  record_people();
  const std::size_t before = event_count();
  const Status claimed =
      access_->record_organisation({"MOFA", "Foreign ministry", {"JA"}}, "admin");
  ASSERT_FALSE(claimed.ok());
  EXPECT_EQ(claimed.error().kind, ErrorKind::conflict);
  EXPECT_THAT(claimed.error().message,
              HasSubstr("customer code JA already belongs to organisation JMOD"));
  // The same statement again changes nothing; a restatement frees the codes it drops.
  ASSERT_TRUE(
      access_->record_organisation({"JMOD", "Japan Ministry of Defense (ATLA)", {"JA"}}, "admin")
          .ok());
  EXPECT_EQ(event_count(), before);
  ASSERT_TRUE(access_->record_organisation({"JMOD", "Japan MOD", {"JP"}}, "admin").ok());
  ASSERT_TRUE(access_->record_organisation({"MOFA", "Foreign ministry", {"JA"}}, "admin").ok());
  const AccessBook access = book();
  EXPECT_EQ(access.organisation_of_case("JA-P-TWK")->id, "MOFA");
  EXPECT_EQ(access.organisation("JMOD")->name, "Japan MOD");
  // The grant over JMOD now covers JP cases, not JA ones.
  EXPECT_TRUE(access.roles_for_case(*access.user("pmo"), "JA-P-TWK").empty());
  EXPECT_EQ(access.roles_for_case(*access.user("pmo"), "JP-P-AAA"),
            std::set<Role>{Role::case_manager});
}

// --- concurrency -----------------------------------------------------------------------------

TEST_F(AccessTest, AnAdministratorActingOnAStaleBookIsRefused) {
  record_people();
  // Another administrator disables pmo between this command's read and its append.
  interleaving_->before_next_append = [](store::Store& inner) {
    AccessLedger other(inner, Clock::fixed("2026-11-25T13:00:00Z").value(),
                       PasswordCost::minimum());
    ASSERT_TRUE(other.disable_user("pmo", "left", "other-admin").ok());
  };
  const std::size_t before = event_count();
  const Status granted = access_->grant("pmo", {Role::viewer, "KRDAPA"}, "admin");
  ASSERT_FALSE(granted.ok());
  EXPECT_EQ(granted.error().kind, ErrorKind::conflict);
  EXPECT_THAT(granted.error().message,
              HasSubstr("the @access stream changed while this command ran"));
  EXPECT_EQ(event_count(), before + 1);  // the other administrator's event only
  EXPECT_TRUE(access_->grant("pmo", {Role::viewer, "KRDAPA"}, "admin").ok());
}

TEST_F(AccessTest, AuditRecordsNeverConflictWithAdministration) {
  record_people();
  // A login lands between an administrator's read and append: both are recorded.
  interleaving_->before_next_append = [](store::Store& inner) {
    AccessLedger server(inner, Clock::fixed("2026-11-25T13:00:00Z").value(),
                        PasswordCost::minimum());
    ASSERT_TRUE(server.record_login("pmo", "password", "192.0.2.7").ok());
  };
  const Status granted = access_->grant("pmo", {Role::viewer, "KRDAPA"}, "admin");
  ASSERT_TRUE(granted.ok()) << granted.error().message;
  // And an administrator's change between two audit records does not refuse the second.
  interleaving_->before_next_append = [](store::Store& inner) {
    AccessLedger admin(inner, Clock::fixed("2026-11-25T13:00:00Z").value(),
                       PasswordCost::minimum());
    ASSERT_TRUE(admin.revoke("pmo", {Role::viewer, "KRDAPA"}, "admin").ok());
  };
  ASSERT_TRUE(access_->record_logout("pmo").ok());
  auto audit = access_->audit_events();
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].type, kAuditLogin);
  EXPECT_EQ((*audit)[1].type, kAuditLogout);
}

// --- audit records ---------------------------------------------------------------------------

TEST_F(AccessTest, AuditRecordsAreDecodedAndBounded) {
  ASSERT_TRUE(access_->record_login("pmo", "token", "192.0.2.7").ok());
  ASSERT_TRUE(access_->record_login_failed("", "198.51.100.1", "no such user").ok());
  const std::string huge(100'000, 'x');
  ASSERT_TRUE(access_->record_login_failed(huge, "198.51.100.1", "unknown user").ok());
  ASSERT_TRUE(access_
                  ->record_denied("viewer", "POST", "/api/cases/JA-P-TWK/transitions",
                                  "viewer may not change a case")
                  .ok());
  ASSERT_TRUE(access_->record_export("finance", "report forecast", "xlsx", "").ok());
  ASSERT_TRUE(access_->record_export("finance", "case show", "json", "JA-P-TWK").ok());
  ASSERT_TRUE(access_->record_denied("mallory", "GET", std::string("/a\nb\xff", 5), "x").ok());
  const Status bad_via = access_->record_login("pmo", "magic", "192.0.2.7");
  ASSERT_FALSE(bad_via.ok());
  EXPECT_THAT(bad_via.error().message, HasSubstr("via \"password\" or \"token\""));

  auto events = access_->audit_events();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 7u);
  std::vector<AuditEvent> decoded;
  for (const auto& event : *events) {
    EXPECT_EQ(event.case_id, store::kAuditStream);
    auto one = decode_audit_event(event);
    ASSERT_TRUE(one.ok()) << one.error().message;
    decoded.push_back(std::move(one).value());
  }
  EXPECT_EQ((*events)[0].actor, "pmo");
  EXPECT_EQ(std::get<AuditLogin>(decoded[0]).via, "token");
  EXPECT_EQ((*events)[1].actor, "anonymous");
  // A megabyte of user name is kept to the limit, and the actor to the store's.
  const auto& long_name = std::get<AuditLoginFailed>(decoded[2]).user;
  EXPECT_EQ(long_name.size(), kMaxAuditFieldBytes);
  EXPECT_THAT(long_name, ::testing::EndsWith("xxx..."));
  EXPECT_EQ((*events)[2].actor.size(), store::kMaxActorBytes);
  EXPECT_FALSE(std::get<AuditExported>(decoded[4]).case_id.has_value());
  EXPECT_EQ(std::get<AuditExported>(decoded[5]).case_id, "JA-P-TWK");
  EXPECT_EQ(std::get<AuditDenied>(decoded[6]).path, "/a?b?");
  EXPECT_EQ(audit_text(std::string(kMaxAuditFieldBytes, 'y')).size(), kMaxAuditFieldBytes);
  EXPECT_EQ(audit_text(std::string(kMaxAuditFieldBytes + 1, 'y')).size(), kMaxAuditFieldBytes);
}

// --- replay ----------------------------------------------------------------------------------

class AccessVerifyTest : public AccessTest {
 protected:
  void SetUp() override {
    AccessTest::SetUp();
    auto reference = refdata::load_builtin();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(reference).value();
    ledger_ = std::make_unique<Database>(*store_, reference_, Clock::fixed(kNow).value(),
                                         PasswordCost::minimum());
  }
  void TearDown() override {
    ledger_.reset();
    AccessTest::TearDown();
  }

  void expect_verify_fails(const std::string& text) {
    auto verified = ledger_->verifier().verify(fms::testing::host_scope());
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().kind, ErrorKind::corruption);
    EXPECT_THAT(verified.error().message, HasSubstr(text));
  }

  ReferenceData reference_;
  std::unique_ptr<Database> ledger_;
};

TEST_F(AccessVerifyTest, VerifyFoldsTheAccessStreams) {
  record_people();
  ASSERT_TRUE(access_->record_login("pmo", "password", "192.0.2.7").ok());
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->access_events, 8u);  // 2 organisations, 3 users, 3 grants
  EXPECT_EQ(verified->audit_events, 1u);
  EXPECT_EQ(verified->cases, 0u);
}

// Chained correctly, so only replay can tell: a grant to a user who was never added.
TEST_F(AccessVerifyTest, VerifyDetectsAnAccessEventThatBreaksTheRules) {
  record_people();
  append_raw("@access", "access.role_granted",
             R"({"user":"mallory","role":"admin","organisation":"*"})");
  expect_verify_fails(
      "event 9 (access.role_granted, @access, recorded 2026-11-25T12:00:01Z by "
      "mallory): no user \"mallory\" is recorded");
}

TEST_F(AccessVerifyTest, VerifyDetectsAMalformedAccessPayload) {
  record_people();
  append_raw("@access", "access.user_disabled",
             R"({"user":"pmo","reason":"left","is_admin":true})");
  expect_verify_fails("payload field \"is_admin\" is not one this event type has");
}

TEST_F(AccessVerifyTest, VerifyDetectsAPasswordHashThatIsNotArgon2id) {
  append_raw("@access", "access.user_added",
             R"({"user":"mallory","display_name":"M","password_hash":"plaintext-password"})");
  expect_verify_fails("is not an Argon2id string");
}

TEST_F(AccessVerifyTest, VerifyDetectsAnUnknownAccessType) {
  append_raw("@access", "audit.login", R"({"user":"pmo","via":"password","remote":""})");
  expect_verify_fails("unknown access event type \"audit.login\"");
}

TEST_F(AccessVerifyTest, VerifyDetectsABadAuditEvent) {
  append_raw("@audit", "audit.login", R"({"user":"pmo","via":"telepathy","remote":""})");
  expect_verify_fails("a login is via \"password\" or \"token\"");
}

TEST_F(AccessVerifyTest, VerifyDetectsAnAuditEventOfAnotherVersion) {
  append_raw("@audit", "audit.logout", R"({"user":"pmo"})", 2);
  expect_verify_fails("unsupported type version 2");
}

TEST_F(AccessVerifyTest, VerifyDetectsAnUnknownStream) {
  append_raw("@secrets", "access.user_added", "{}");
  expect_verify_fails("no stream \"@secrets\" exists");
}

TEST_F(AccessVerifyTest, CaseAndPortfolioFoldsLeaveTheAtStreamsAlone) {
  record_people();
  ASSERT_TRUE(access_->record_login("pmo", "password", "192.0.2.7").ok());
  const auto events = store_->read_events({}).value();
  ASSERT_EQ(events.size(), 9u);
  auto cases = fold_cases(events, reference_);
  ASSERT_TRUE(cases.ok()) << cases.error().message;
  EXPECT_TRUE(cases->empty());
  auto portfolio = fold_execution(events);
  ASSERT_TRUE(portfolio.ok()) << portfolio.error().message;
  EXPECT_EQ(portfolio->last_sequence, 0);
  EXPECT_TRUE(store::is_case_stream("JA-P-TWK"));
  EXPECT_FALSE(store::is_case_stream(""));
  EXPECT_FALSE(store::is_case_stream(store::kAccessStream));
  EXPECT_FALSE(store::is_case_stream(store::kAuditStream));
}

TEST_F(AccessVerifyTest, TheDemoRecordsItsPeopleFirst) {
  auto demo = fms::demo::load_demo(*ledger_, "demo");
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  EXPECT_EQ(demo->organisations, 2);
  EXPECT_EQ(demo->users, 6);
  EXPECT_EQ(demo->grants, 6);
  const auto events = store_->read_events({}).value();
  for (std::size_t i = 0; i < 14; ++i) EXPECT_EQ(events[i].case_id, store::kAccessStream) << i;
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->access_events, 14u);
  EXPECT_EQ(verified->cases, 8u);

  const AccessBook access = book();
  const User* pmo = access.user("pmo");
  ASSERT_NE(pmo, nullptr);
  EXPECT_TRUE(password_matches(pmo->password_hash, fms::demo::kDemoPassword));
  EXPECT_EQ(access.roles_for_case(*pmo, "JA-P-TWK"), std::set<Role>{Role::case_manager});
  const User* dapa = access.user("dapa");
  ASSERT_NE(dapa, nullptr);
  // Korea's case manager holds no role over any of the demo's cases.
  const auto cases = store_->list_cases({}).value();
  for (const auto& row : cases) {
    EXPECT_TRUE(access.roles_for_case(*dapa, row.case_id).empty()) << row.case_id;
  }
  EXPECT_EQ(access.all_roles_of(*access.user("admin")), std::set<Role>{Role::admin});
  EXPECT_EQ(access.roles_for_case(*access.user("auditor"), "JA-P-TWK"),
            std::set<Role>{Role::auditor});
}

// --- bad input -------------------------------------------------------------------------------

TEST_F(AccessTest, BadInputChangesNothing) {
  record_people();
  const std::size_t before = event_count();
  struct Case {
    Status status;
    const char* message;
  };
  const std::string reason_limit(kMaxReasonBytes + 1, 'r');
  const Case cases[] = {
      {access_->add_user("pmo", "Again", kPassword, "admin"), "user \"pmo\" is already recorded"},
      {access_->add_user("Pmo", "Upper", kPassword, "admin"), "user name \"Pmo\" must be 1 to 64"},
      {access_->add_user("1pmo", "Digit", kPassword, "admin"), "starting with a letter"},
      {access_->add_user("", "Empty", kPassword, "admin"), "user name \"\" must be"},
      {access_->add_user(std::string(kMaxUserNameBytes + 1, 'a'), "Long", kPassword, "admin"),
       "must be 1 to 64 characters"},
      {access_->add_user("p m o", "Space", kPassword, "admin"), "of a-z, 0-9"},
      {access_->add_user("newbie", "", kPassword, "admin"), "display name: must be 1 to 200"},
      {access_->add_user("newbie", std::string(kMaxDisplayNameBytes + 1, 'd'), kPassword, "admin"),
       "display name: must be 1 to 200 bytes (it is 201)"},
      {access_->add_user("newbie", "Tab\tName", kPassword, "admin"), "control characters"},
      {access_->add_user("newbie", std::string("\xc3\x28"), kPassword, "admin"), "UTF-8"},
      {access_->add_user("newbie", "New", "too short", "admin"), "at least 12 bytes"},
      {access_->set_password("pmo", "short", "admin"), "at least 12 bytes"},
      {access_->set_password("nobody", kPassword, "admin"), "no user \"nobody\""},
      {access_->disable_user("pmo", "", "admin"), "the reason: must be 1 to 4000 bytes"},
      {access_->disable_user("pmo", reason_limit, "admin"), "(it is 4001)"},
      {access_->enable_user("pmo", "not disabled", "admin"), "user \"pmo\" is not disabled"},
      {access_->record_organisation({"J", "Too short", {"JA"}}, "admin"), "must be 2 to 32"},
      {access_->record_organisation({std::string(kMaxOrganisationIdBytes + 1, 'A'), "Long", {"XX"}},
                                    "admin"),
       "organisation id"},
      {access_->record_organisation({"MOFA", "", {"XX"}}, "admin"), "organisation name: must be"},
      {access_->record_organisation(
           {"MOFA", std::string(kMaxOrganisationNameBytes + 1, 'n'), {"XX"}}, "admin"),
       "(it is 201)"},
      {access_->record_organisation({"MOFA", "Foreign ministry", {}}, "admin"),
       "must name 1 to 50 customer codes"},
      {access_->record_organisation({"MOFA", "Foreign ministry", {"ja"}}, "admin"),
       "customer code \"ja\" must be two letters"},
      {access_->record_organisation({"MOFA", "Foreign ministry", {"XX", "XX"}}, "admin"),
       "names customer code XX twice"},
      {access_->revoke_token("pmo", "0123456789abcdef", "admin"), "has no token 0123456789abcdef"},
      {access_->revoke_token("pmo", "not-an-id", "admin"), "is not 16 lower-case hex digits"},
  };
  for (const Case& c : cases) {
    ASSERT_FALSE(c.status.ok()) << c.message;
    EXPECT_THAT(c.status.error().message, HasSubstr(c.message));
  }
  EXPECT_EQ(event_count(), before);

  // The limits themselves are allowed.
  EXPECT_TRUE(access_
                  ->add_user(std::string(kMaxUserNameBytes, 'a'),
                             std::string(kMaxDisplayNameBytes, 'd'), kPassword, "admin")
                  .ok());
  EXPECT_TRUE(access_->disable_user("pmo", std::string(kMaxReasonBytes, 'r'), "admin").ok());
  EXPECT_TRUE(access_
                  ->record_organisation({std::string(kMaxOrganisationIdBytes, 'A'),
                                         std::string(kMaxOrganisationNameBytes, 'n'),
                                         {"XX"}},
                                        "admin")
                  .ok());
  std::vector<std::string> many;
  for (char a = 'A'; many.size() < kMaxCustomersPerOrganisation; ++a) {
    for (char b = 'A'; b <= 'Z' && many.size() < kMaxCustomersPerOrganisation; ++b) {
      if (a == 'X' || a == 'J' || a == 'K') continue;
      many.push_back(std::string{a, b});
    }
  }
  EXPECT_TRUE(access_->record_organisation({"MANY", "Many customers", many}, "admin").ok());
  many.push_back("ZZ");
  const Status too_many = access_->record_organisation({"MORE", "More", many}, "admin");
  ASSERT_FALSE(too_many.ok());
  EXPECT_THAT(too_many.error().message,
              HasSubstr("must name 1 to 50 customer codes (it names 51)"));
}

TEST(ClockTest, UtcInstantsCompareAsNumbers) {
  EXPECT_EQ(utc_microseconds("1970-01-01T00:00:01Z").value(), 1'000'000);
  EXPECT_EQ(utc_microseconds("1970-01-01T00:00:01.5Z").value(), 1'500'000);
  EXPECT_EQ(utc_microseconds("2026-11-25T12:00:00.000001Z").value() -
                utc_microseconds("2026-11-25T12:00:00Z").value(),
            1);
  for (const char* bad : {"", "2026-11-25", "2026-11-25T12:00:00", "2026-11-25 12:00:00Z",
                          " 2026-11-25T12:00:00Z", "2026-13-01T00:00:00Z", "2026-11-25T12:00:00.Z",
                          "2026-11-25T12:00:00.1234567Z", "2026-11-25T12:00:00+09:00"}) {
    EXPECT_FALSE(utc_microseconds(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace fms::ledger
