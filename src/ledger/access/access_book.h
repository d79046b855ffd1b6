// The access book: who may use fmsledger and over what, folded from the "@access" stream
// (ledger/access/access_events.h).
//
// An organisation is a purchasing office (Japan's ATLA, Korea's DAPA) and the customer codes it
// buys for: a case belongs to the organisation that claims the two letters its id starts with
// ("JA" of JA-P-TWK), so a Korean case manager sees nothing of Japan's cases. A customer code
// belongs to at most one organisation. A user is a person (or a program, through API tokens)
// with a password hash, any number of grants (ledger/access/roles.h) and API tokens
// (ledger/access/api_tokens.h). A disabled user keeps their grants and tokens on record but holds no
// role and no token verifies, until they are enabled again.
//
// The book decides nothing about routes; a front end asks it "which roles does this user hold
// over this case" and applies its own table of what each role may do. Commands that change the
// book are in ledger/access/access_ledger.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ledger/access/access_events.h"
#include "ledger/access/roles.h"
#include "store/store.h"

namespace fms::ledger {

struct Organisation {
  std::string id;                      // "JMOD"
  std::string name;                    // "Japan Ministry of Defense (ATLA)"
  std::vector<std::string> customers;  // customer codes, as recorded
};

struct ApiToken {
  std::string token_id;
  std::string label;
  std::string token_hash;  // hex SHA-256 of the token text
  std::string issued_at;   // when the event was recorded
  std::optional<std::string> expires_at;
  bool revoked = false;
};

struct User {
  std::string name;  // "pmo"
  std::string display_name;
  std::string password_hash;  // Argon2id string
  bool disabled = false;
  std::string added_at;
  std::vector<Grant> grants;     // sorted
  std::vector<ApiToken> tokens;  // in the order issued
};

class AccessBook {
 public:
  // Folds one event of the @access stream. An event that does not decode, or that breaks a rule
  // `check` enforces, is Error::corruption naming the event.
  Status apply(const store::EventRecord& event);
  // Whether `event` may be recorded now: every rule, stateless (access_events.h) and stateful
  // (the user exists, the grant is not held yet, the customer code is not claimed by another
  // organisation), as invalid-input, not-found or conflict errors that say what to do.
  [[nodiscard]] Status check(const AccessEvent& event) const;

  [[nodiscard]] const User* user(std::string_view name) const;
  [[nodiscard]] std::vector<const User*> users() const;  // sorted by name
  [[nodiscard]] const Organisation* organisation(std::string_view id) const;
  [[nodiscard]] std::vector<const Organisation*> organisations() const;  // sorted by id
  // The organisation a case belongs to: the one whose customers include the case's customer
  // code (the case id's first two letters, "JA" of "JA-P-TWK"); nullptr when none claims it.
  [[nodiscard]] const Organisation* organisation_of_case(std::string_view case_id) const;
  // Roles the user holds over the organisation: grants naming it or "*". Empty for a disabled
  // user.
  [[nodiscard]] std::set<Role> roles(const User& user, std::string_view organisation) const;
  // Roles over the case's organisation (empty when the case has no organisation and the user
  // has no "*" grant).
  [[nodiscard]] std::set<Role> roles_for_case(const User& user, std::string_view case_id) const;
  // Every role the user holds anywhere (for routes not about one case, e.g. user admin).
  // Empty for a disabled user.
  [[nodiscard]] std::set<Role> all_roles_of(const User& user) const;
  // The user for a presented token text, or nullptr when it does not verify (unknown, wrong
  // secret, revoked, expired at `now_utc` ("2026-11-25T12:00:00Z" form), disabled user).
  [[nodiscard]] const User* user_for_token(std::string_view token_text,
                                           std::string_view now_utc) const;
  // The token with this id (of whichever user), or nullptr.
  [[nodiscard]] const ApiToken* token(std::string_view token_id) const;
  // The last event folded (0: none), for the optimistic check of the next append.
  [[nodiscard]] std::int64_t last_sequence() const { return last_sequence_; }

 private:
  User* find_user(std::string_view name);
  [[nodiscard]] Result<const User*> existing_user(std::string_view name) const;
  [[nodiscard]] Status check_user_change(const AccessEvent& event, const User& user) const;
  void record(AccessEvent event, const store::EventRecord& record);

  std::map<std::string, User, std::less<>> users_;
  std::map<std::string, Organisation, std::less<>> organisations_;
  std::map<std::string, std::string, std::less<>> organisation_by_customer_;
  std::map<std::string, std::string, std::less<>> user_by_token_;
  std::int64_t last_sequence_ = 0;
};

// Folds the "@access" events of a log (others are skipped), in sequence order.
Result<AccessBook> fold_access(const std::vector<store::EventRecord>& events);

// What `verify` checks of the streams that belong to no case: every "@access" event folds and
// every "@audit" event decodes; an event on any other "@" stream is corruption.
struct AccessStreamsVerified {
  std::size_t access_events = 0;
  std::size_t audit_events = 0;
};
Result<AccessStreamsVerified> verify_access_streams(const std::vector<store::EventRecord>& events);

}  // namespace fms::ledger
