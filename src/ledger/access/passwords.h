// Password hashing for user logins: Argon2id (libsodium crypto_pwhash_str_alg).
//
// A password is low in entropy and a stolen log must not give it away, so what the log keeps is
// a deliberately slow, memory-hard hash: each guess costs an attacker the same time and memory
// it costs us. The stored form is the self-describing string "$argon2id$v=19$m=...,t=...,p=1$
// salt$hash" (a random salt per hash), so a hash made at one cost still verifies after the cost
// is raised, and two users with the same password have different hashes.
//
// The cost is a parameter because it is a trade: "interactive" (libsodium's 64 MiB, 2 passes,
// well under a second) for real use, and libsodium's minimum for the test suite, where the
// sanitizer build makes interactive hashing slow. Verification reads the cost from the string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms::ledger {

struct PasswordCost {
  unsigned long long opslimit;        // passes over memory (libsodium's type)
  std::size_t memlimit;               // bytes of memory
  static PasswordCost interactive();  // crypto_pwhash_argon2id_{OPS,MEM}LIMIT_INTERACTIVE
  static PasswordCost minimum();      // crypto_pwhash_argon2id_{OPS,MEM}LIMIT_MIN: tests only
};

// Cost from the environment: FMSLEDGER_PASSWORD_COST=minimum selects minimum() (the test suite
// sets it); anything else or unset: interactive().
PasswordCost password_cost_from_environment();

inline constexpr std::size_t kMinPasswordBytes = 12, kMaxPasswordBytes = 1024;

// Ok when the password's length is within the limits; otherwise says which limit it breaks.
// Length is the only rule: a long passphrase is the best password, and it needs no digits.
Status check_password_rules(std::string_view password);

// The Argon2id string of `password` at `cost`, with a fresh random salt. Checks the rules first.
Result<std::string> hash_password(std::string_view password, const PasswordCost& cost);

// Whether `password` is the one `hash` was made from (crypto_pwhash_str_verify; constant time in
// the password). False for a hash that is not an Argon2id string, and for a password longer than
// kMaxPasswordBytes, which no hash can have been made from.
bool password_matches(std::string_view hash, std::string_view password);

// Whether `text` has the shape of a stored hash: "$argon2id$", printable ASCII, at most
// crypto_pwhash_STRBYTES - 1 bytes. Replay checks it; it does not check the hash verifies.
bool is_password_hash(std::string_view text);

}  // namespace fms::ledger
