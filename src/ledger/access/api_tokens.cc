// Token texts, their random parts and their hashes.
#include "ledger/access/api_tokens.h"

#include <sodium.h>

#include <array>
#include <cassert>
#include <span>

#include "store/event_hash.h"

namespace fms::ledger {
namespace {

bool lower_hex(std::string_view text, std::size_t digits) {
  return text.size() == digits &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string random_hex(std::size_t bytes) {
  // sodium_init seeds the generator; thread-safe and idempotent.
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  std::array<unsigned char, kTokenSecretBytes> buffer{};
  assert(bytes <= buffer.size());
  const std::span<unsigned char> random(buffer.data(), bytes);
  randombytes_buf(random.data(), random.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  hex.pop_back();  // the terminating NUL sodium_bin2hex writes
  return hex;
}

}  // namespace

std::optional<TokenParts> parse_token(std::string_view text) {
  constexpr std::size_t kLength =
      kTokenPrefix.size() + kTokenIdHexDigits + 1 + kTokenSecretBytes * 2;
  if (text.size() != kLength || !text.starts_with(kTokenPrefix)) return std::nullopt;
  const std::string_view id = text.substr(kTokenPrefix.size(), kTokenIdHexDigits);
  const std::size_t separator = kTokenPrefix.size() + kTokenIdHexDigits;
  if (!lower_hex(id, kTokenIdHexDigits) || text[separator] != '_' ||
      !lower_hex(text.substr(separator + 1), kTokenSecretBytes * 2)) {
    return std::nullopt;
  }
  return TokenParts{std::string(id), std::string(text)};
}

IssuedToken generate_token() {
  IssuedToken issued;
  issued.token_id = random_hex(kTokenIdHexDigits / 2);
  issued.token = std::string(kTokenPrefix) + issued.token_id + "_" + random_hex(kTokenSecretBytes);
  return issued;
}

std::string token_hash(std::string_view token_text) {
  return store::sha256_hex(token_text);
}

bool token_matches(std::string_view stored_hash, std::string_view token_text) {
  const std::string presented = token_hash(token_text);
  if (stored_hash.size() != presented.size()) return false;
  return sodium_memcmp(stored_hash.data(), presented.data(), presented.size()) == 0;
}

bool is_token_id(std::string_view text) {
  return lower_hex(text, kTokenIdHexDigits);
}

bool is_token_hash(std::string_view text) {
  return lower_hex(text, 64);
}

}  // namespace fms::ledger
