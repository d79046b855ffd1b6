// The name of a segment is the hash of its bytes, defined column by column so that a large
// segment hashes on two cores:
//
//   D_i  = BLAKE2b-256(the byte_length bytes of column i, without the padding after it)
//   hash = BLAKE2b-256(header and directory bytes || D_0 || D_1 || ... || D_(n-1))
//
// BLAKE2b-256 is unkeyed BLAKE2b (RFC 7693) with a 32-byte digest: libsodium's
// crypto_generichash, Python's hashlib.blake2b(digest_size=32), `b2sum -l 256`. The name is the
// final digest as 64 lower-case hex digits. The header and directory fix every column's length
// and offset, and the parser insists on zero padding, so the hash determines every byte of the
// segment even though the padding itself is not hashed. docs/formats/segment.md shows how to
// recompute it with other tools.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms::store {

inline constexpr std::size_t kSegmentHashHexChars = 64;
// Columns are hashed on up to two threads (two_threads.h); below this many column bytes a
// second thread costs more than it saves.
inline constexpr std::uint64_t kParallelHashMinBytes = std::uint64_t{4} << 20;  // 4 MiB

// True for exactly 64 lower-case hex digits: the only text used to name a segment file.
bool is_segment_hash(std::string_view text);

// Checks the frame (parse_segment_layout) and computes the hash; an error if malformed.
Result<std::string> segment_hash(std::string_view bytes);

// The same hash from the parts, for the encoder, which holds the columns in memory before it has
// copied them into the segment. `columns` are the column bytes in directory order.
//
// `meanwhile`, if given, runs on the calling thread while the other thread already hashes (the
// encoder copies the columns into the segment there). It is worth about `meanwhile_cost_bytes`
// bytes of hashing, and the columns are shared out so that both threads finish together.
std::string segment_hash_of_parts(std::string_view header_and_directory,
                                  std::span<const std::string_view> columns,
                                  const std::function<void()>& meanwhile = nullptr,
                                  std::uint64_t meanwhile_cost_bytes = 0);

}  // namespace fms::store
