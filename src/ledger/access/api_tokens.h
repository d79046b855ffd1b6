// API tokens: long-lived secrets a program presents instead of a password.
//
// A token's text is "fmsl_" + token id (16 hex digits) + "_" + secret (64 hex digits: 32 random
// bytes), all lower case. The prefix lets a secret scanner recognise a leaked token; the id lets
// the server find the token without trying every hash; the secret is what proves possession.
// The text is shown once, when issued. The log keeps only the token's hash: hex SHA-256 of the
// whole text. Unlike a password, the token carries 256 random bits, so no guess list exists and
// a slow hash would add nothing but latency to every request; a fast one-way hash is right.
// Hashes are compared in constant time (sodium_memcmp), so timing says nothing of a near miss.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fms::ledger {

inline constexpr std::string_view kTokenPrefix = "fmsl_";
inline constexpr std::size_t kTokenIdHexDigits = 16;
inline constexpr std::size_t kTokenSecretBytes = 32;

struct IssuedToken {
  std::string token_id;
  std::string token;  // shown once, never stored
};

struct TokenParts {
  std::string token_id;
  std::string token;  // the whole text, what the hash is computed over
};

// The parts of a token text; nullopt if it is not exactly of the form above.
std::optional<TokenParts> parse_token(std::string_view text);

// A new token with a random id and secret (libsodium randombytes).
IssuedToken generate_token();

// Hex SHA-256 of the token text: what the log stores.
std::string token_hash(std::string_view token_text);

// Whether `token_text` hashes to `stored_hash`, compared in constant time.
bool token_matches(std::string_view stored_hash, std::string_view token_text);

// Whether `text` has the shape of a token id: 16 lower-case hex digits.
bool is_token_id(std::string_view text);
// Whether `text` has the shape of a stored token hash: 64 lower-case hex digits.
bool is_token_hash(std::string_view text);

}  // namespace fms::ledger
