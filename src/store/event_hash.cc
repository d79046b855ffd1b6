// SHA-256 hash chain over the event log (libsodium's crypto_hash_sha256).
#include "store/event_hash.h"

#include <sodium.h>

#include <array>
#include <string_view>

namespace fms::store {
namespace {

void append_field(std::string& out, std::string_view bytes) {
  out += std::to_string(bytes.size());
  out += ':';
  out += bytes;
  out += '\n';
}

std::string to_hex(std::span<const unsigned char> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    hex += digits[b >> 4];
    hex += digits[b & 0x0f];
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return to_hex(digest);
}

std::string blake2b_hex(std::string_view bytes) {
  // libsodium picks its BLAKE2b code in sodium_init (thread-safe, idempotent); call it before
  // the first hash so no two threads choose concurrently.
  static const bool ready = sodium_init() >= 0;
  if (!ready) return {};
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
  return to_hex(digest);
}

std::string compute_event_hash(const EventRecord& event) {
  std::string input;
  input.reserve(event.payload.size() + 256);
  append_field(input, std::to_string(event.sequence));
  append_field(input, event.recorded_at);
  append_field(input, event.actor);
  append_field(input, event.case_id);
  append_field(input, event.type);
  append_field(input, std::to_string(event.type_version));
  append_field(input, event.payload);
  append_field(input, event.previous_hash);
  return sha256_hex(input);
}

std::string describe_event(const EventRecord& event) {
  std::string text = "event " + std::to_string(event.sequence) + " (" + event.type;
  if (!event.case_id.empty()) text += ", " + event.case_id;
  text += ", recorded " + event.recorded_at + " by " + event.actor + ")";
  return text;
}

Status verify_chain(std::span<const EventRecord> events) {
  std::string previous = kGenesisHash;
  std::int64_t expected_sequence = 1;
  for (const EventRecord& event : events) {
    if (event.sequence != expected_sequence) {
      return Error::corruption("event log has a gap: expected event " +
                               std::to_string(expected_sequence) + ", found " +
                               describe_event(event));
    }
    if (event.previous_hash != previous) {
      return Error::corruption(describe_event(event) +
                               ": its previous-hash link does not match the event before it; "
                               "an event was altered, removed or inserted before this point");
    }
    if (compute_event_hash(event) != event.hash) {
      return Error::corruption(describe_event(event) +
                               ": stored hash does not match its content; the event was altered");
    }
    previous = event.hash;
    ++expected_sequence;
  }
  return Status::Ok();
}

}  // namespace fms::store
