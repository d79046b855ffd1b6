// Segment hashing: one BLAKE2b-256 digest per column, spread over up to two threads, then one
// digest over the header, the directory and the column digests (see segment_hash.h).
#include "store/segment_hash.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "base/parallel.h"
#include "store/segment_layout.h"

namespace fms::store {
namespace {

constexpr std::size_t kDigestBytes = 32;
static_assert(kDigestBytes >= crypto_generichash_BYTES_MIN &&
              kDigestBytes <= crypto_generichash_BYTES_MAX);
using Digest = std::array<unsigned char, kDigestBytes>;

// libsodium must be initialised before use; it also picks the fastest BLAKE2b code for this
// CPU then. A function-local static makes that happen once, before any hashing thread starts.
void ensure_sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    std::fprintf(stderr, "fmsledger: segment hash: libsodium failed to initialise\n");
    std::abort();
  }
}

Digest blake2b_256(std::string_view bytes) {
  Digest digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr,
                     0);
  return digest;
}

std::vector<Digest> column_digests(std::span<const std::string_view> columns,
                                   const std::function<void()>& meanwhile,
                                   std::uint64_t meanwhile_cost_bytes) {
  std::vector<Digest> digests(columns.size());
  std::vector<base::WeightedJob> jobs;
  jobs.reserve(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    jobs.push_back({columns[i].size(), [&, i] { digests[i] = blake2b_256(columns[i]); }});
  }
  base::run_on_two_threads(jobs, kParallelHashMinBytes, meanwhile, meanwhile_cost_bytes);
  return digests;
}

std::string to_hex(const Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (unsigned char b : digest) {
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0x0f];
  }
  return hex;
}

}  // namespace

bool is_segment_hash(std::string_view text) {
  if (text.size() != kSegmentHashHexChars) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string segment_hash_of_parts(std::string_view header_and_directory,
                                  std::span<const std::string_view> columns,
                                  const std::function<void()>& meanwhile,
                                  std::uint64_t meanwhile_cost_bytes) {
  ensure_sodium_ready();
  const std::vector<Digest> digests = column_digests(columns, meanwhile, meanwhile_cost_bytes);
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kDigestBytes);
  crypto_generichash_update(&state,
                            reinterpret_cast<const unsigned char*>(header_and_directory.data()),
                            header_and_directory.size());
  for (const Digest& digest : digests) {
    crypto_generichash_update(&state, digest.data(), digest.size());
  }
  Digest final_digest{};
  crypto_generichash_final(&state, final_digest.data(), final_digest.size());
  return to_hex(final_digest);
}

Result<std::string> segment_hash(std::string_view bytes) {
  FMS_ASSIGN_OR_RETURN(const SegmentLayout layout, parse_segment_layout(bytes));
  std::vector<std::string_view> columns;
  columns.reserve(layout.columns.size());
  for (const SegmentColumn& column : layout.columns) {
    columns.push_back(bytes.substr(column.offset, column.byte_length));
  }
  return segment_hash_of_parts(bytes.substr(0, layout.header_and_directory_bytes()), columns);
}

}  // namespace fms::store
