// Argon2id through libsodium. sodium_init is called once before any use: it picks the fastest
// implementation for this CPU and seeds the random generator behind the salts.
#include "ledger/access/passwords.h"

#include <sodium.h>

#include <cstdlib>

namespace fms::ledger {
namespace {

// sodium_init is thread-safe and idempotent; the static makes the first caller pay for it.
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

}  // namespace

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PasswordCost password_cost_from_environment() {
  const char* cost = std::getenv("FMSLEDGER_PASSWORD_COST");
  if (cost != nullptr && std::string_view(cost) == "minimum") return PasswordCost::minimum();
  return PasswordCost::interactive();
}

Status check_password_rules(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return Error::invalid("a password must be at least " + std::to_string(kMinPasswordBytes) +
                          " bytes (this one is " + std::to_string(password.size()) +
                          "); a passphrase of a few words is best");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::invalid("a password must be at most " + std::to_string(kMaxPasswordBytes) +
                          " bytes (this one is " + std::to_string(password.size()) + ")");
  }
  return Status::Ok();
}

Result<std::string> hash_password(std::string_view password, const PasswordCost& cost) {
  FMS_TRY(check_password_rules(password));
  if (!sodium_ready()) return Error::internal("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opslimit, cost.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    // libsodium fails here only when it cannot allocate the memory the cost asks for.
    return Error::io("hashing the password needs " + std::to_string(cost.memlimit) +
                     " bytes of memory, which could not be allocated");
  }
  return std::string(out);
}

bool password_matches(std::string_view hash, std::string_view password) {
  if (!is_password_hash(hash) || password.size() > kMaxPasswordBytes || !sodium_ready()) {
    return false;
  }
  const std::string terminated(hash);  // libsodium reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool is_password_hash(std::string_view text) {
  if (!text.starts_with(kArgon2idPrefix) || text.size() >= crypto_pwhash_STRBYTES) return false;
  for (const char c : text) {
    if (c < '!' || c > '~') return false;
  }
  return true;
}

}  // namespace fms::ledger
