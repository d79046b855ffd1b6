// A hash table from document numbers to rows, for look-ups of a few numbers against many rows.
//
// The table never copies the numbers: a slot holds 32 bits of the number's 64-bit hash (the
// tag) and the row that carries the number; the caller supplies `number_of_row` to read a stored
// row's number back from its column. A look-up compares the strings only when the tags agree, so
// a miss almost never touches string memory. Open addressing with linear probing over a
// power-of-two array at most half full keeps probes to one or two neighbouring slots, usually in
// one cache line. classify uses it to find the first report of each unmatched delivery's number;
// the bulk first matching pass uses the partitioned join in document_number_pass.cc instead.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/huge_pages.h"
#include "recon/row_space.h"

namespace fms::recon {

// 64-bit hash of a short string (a wyhash-style multiply-fold mix): fast on 8-20 byte keys.
std::uint64_t hash_document_number(std::string_view number);

class DocumentNumberTable {
 public:
  // Sized for up to `keys_max` distinct numbers.
  explicit DocumentNumberTable(std::size_t keys_max);

  // Stores `row` under `number` unless a row with an equal number is already stored; returns
  // kNoRow when it stored `row`, otherwise the row found.
  template <typename NumberOfRow>
  std::uint32_t insert_or_find(std::uint64_t hash, std::string_view number, std::uint32_t row,
                               const NumberOfRow& number_of_row) {
    Slot& slot = slots_[probe(hash, number, number_of_row)];
    if (slot.row != kNoRow) return slot.row;
    slot = Slot{tag_of(hash), row};
    return kNoRow;
  }

  // The row stored under `number`, or kNoRow. Safe to call from several threads at once.
  template <typename NumberOfRow>
  [[nodiscard]] std::uint32_t find(std::uint64_t hash, std::string_view number,
                                   const NumberOfRow& number_of_row) const {
    return slots_[probe(hash, number, number_of_row)].row;
  }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t row = kNoRow;  // kNoRow: empty
  };
  static std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

  // The first slot from `from` on that is empty or carries `tag`.
  [[nodiscard]] std::uint64_t scan(std::uint64_t from, std::uint32_t tag) const {
    std::uint64_t i = from;
    while (slots_[i].row != kNoRow && slots_[i].tag != tag) i = (i + 1) & mask_;
    return i;
  }

  // The slot holding `number`, or the empty slot where it would go.
  template <typename NumberOfRow>
  [[nodiscard]] std::uint64_t probe(std::uint64_t hash, std::string_view number,
                                    const NumberOfRow& number_of_row) const {
    const std::uint32_t tag = tag_of(hash);
    std::uint64_t i = scan(hash & mask_, tag);
    while (slots_[i].row != kNoRow && number_of_row(slots_[i].row) != number) {
      i = scan((i + 1) & mask_, tag);
    }
    return i;  // the match, or the first empty slot of the probe sequence
  }

  base::HugeVector<Slot> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace fms::recon
