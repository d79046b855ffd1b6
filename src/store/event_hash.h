// The hash chain of the event log. An event's hash is SHA-256 over the exact stored bytes of
// its fields in a fixed order, each written as "<byte length>:<bytes>\n" so no two different
// events can produce the same input:
//   sequence, recorded_at, actor, case_id, type, type_version, payload, previous_hash.
// The payload is hashed as stored, never re-serialised (a JSON library may reorder keys).
#pragma once

#include <span>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace fms::store {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string compute_event_hash(const EventRecord& event);  // hex, lower case
std::string sha256_hex(std::string_view bytes);
// BLAKE2b-256 (libsodium crypto_generichash, `b2sum -l 256`): the content hash of small
// execution documents, named like segments.
std::string blake2b_hex(std::string_view bytes);

// Checks sequence continuity, each previous_hash link and each event's own hash. The error
// names the first event that breaks the chain and how.
Status verify_chain(std::span<const EventRecord> events);

std::string describe_event(const EventRecord& event);  // "event 17 (case.status_changed, JA-P-AMA)"

}  // namespace fms::store
