// The document-number pass (a radix-partitioned hash join) and the duplicate look-up. See
// document_number_pass.h for the steps.
#include "recon/document_number_pass.h"

#include <algorithm>
#include <array>
#include <bit>
#include <span>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/huge_pages.h"
#include "recon/document_number_table.h"
#include "recon/number_key.h"
#include "recon/parallel.h"

namespace fms::recon {
namespace {

// A row's document number as the join handles it. Trivial, so that a buffer of them can be
// allocated without being written first.
struct alignas(32) NumberRecord {
  std::uint32_t row;
  std::uint32_t tag;  // low half of the number's hash (the top bits chose the partition)
  NumberKey key;
};
static_assert(sizeof(NumberRecord) == 32 && std::is_trivial_v<NumberRecord>);

NumberRecord record_of(std::uint32_t row, const KeyedNumber& keyed) {
  return NumberRecord{row, static_cast<std::uint32_t>(keyed.hash), keyed.key};
}

// The document numbers of one side (all delivery listings, or all receipt files), by global row.
class NumberColumns {
 public:
  template <typename Rows>
  NumberColumns(const std::vector<Document<Rows>>& documents, const RowSpace& space)
      : space_(space) {
    for (const auto& document : documents) {
      columns_.push_back(document.rows == nullptr ? nullptr : &document.rows->document_number);
    }
  }
  std::string_view operator()(std::uint32_t global_row) const {
    const RowSpace::Location at = space_.locate(global_row);
    return columns_[at.document]->at(at.row);
  }
  const StringColumn* column(std::uint32_t document) const { return columns_[document]; }
  const RowSpace& space() const { return space_; }

 private:
  const RowSpace& space_;
  std::vector<const StringColumn*> columns_;
};

// Records grouped by partition: partition q is records[begins[q] .. begins[q + 1]).
struct Partitions {
  base::HugeArray<NumberRecord> records;
  std::vector<std::uint32_t> begins;
};

// Copies whole records to memory that will not be read again soon, bypassing the cache where
// the processor allows (non-temporal stores): the partition pass writes every record once and
// the join reads it much later, so caching the written lines would only evict useful ones and
// cost a read of each line before it is overwritten.
void stream_records(NumberRecord* to, const NumberRecord* from, std::size_t count) {
#if defined(__SSE2__)
  auto* out = reinterpret_cast<__m128i*>(to);
  const auto* in = reinterpret_cast<const __m128i*>(from);
  for (std::size_t i = 0; i < count * (sizeof(NumberRecord) / sizeof(__m128i)); ++i) {
    _mm_stream_si128(out + i, _mm_load_si128(in + i));
  }
#else
  std::copy(from, from + count, to);
#endif
}

// Makes streamed records visible to other threads.
void finish_streaming() {
#if defined(__SSE2__)
  _mm_sfence();
#endif
}

// Records on their way to one partition: written out kStagedRecords at a time, in whole cache
// lines, so that scattering rows over many partitions does not stall on partial lines.
constexpr std::size_t kStagedRecords = 4;
struct alignas(64) Staging {
  std::array<NumberRecord, kStagedRecords> records;
};

// Calls visit(global_row, keyed number) for every row of one side, in row order; rows with an
// empty number are left out when `skip_empty`.
template <typename Visit>
void for_each_number(const NumberColumns& numbers, bool skip_empty, const Visit& visit) {
  const RowSpace& space = numbers.space();
  for (std::uint32_t d = 0; d < space.document_count(); ++d) {
    const StringColumn* column = numbers.column(d);
    if (column == nullptr) continue;
    const std::uint32_t base = space.begin(d);
    for (std::uint32_t i = 0; i < column->size(); ++i) {
      if (skip_empty && column->ends[i] == (i == 0 ? 0 : column->ends[i - 1])) continue;
      visit(base + i, keyed_number(*column, i));
    }
  }
}

// Partitions one side's numbers; rows with an empty number are left out when `skip_empty`.
Partitions partition(const NumberColumns& numbers, unsigned bits, bool skip_empty) {
  const std::size_t count = std::size_t{1} << bits;
  const unsigned shift = 64 - bits;
  Partitions out;
  out.begins.assign(count + 1, 0);
  for_each_number(numbers, skip_empty, [&](std::uint32_t, const KeyedNumber& keyed) {
    ++out.begins[(keyed.hash >> shift) + 1];
  });
  for (std::size_t q = 1; q <= count; ++q) out.begins[q] += out.begins[q - 1];
  const std::size_t total = out.begins[count];
  out.records = base::HugeArray<NumberRecord>(total);  // every record is written below

  std::vector<std::uint32_t> next(out.begins.begin(), out.begins.end() - 1);
  std::vector<Staging> staging(count);
  std::vector<std::uint8_t> staged(count, 0);
  for_each_number(numbers, skip_empty, [&](std::uint32_t row, const KeyedNumber& keyed) {
    const std::size_t q = keyed.hash >> shift;
    staging[q].records[staged[q]++] = record_of(row, keyed);
    if (staged[q] == kStagedRecords) {
      stream_records(&out.records[next[q]], staging[q].records.data(), kStagedRecords);
      next[q] += kStagedRecords;
      staged[q] = 0;
    }
  });
  finish_streaming();
  for (std::size_t q = 0; q < count; ++q) {
    std::copy_n(staging[q].records.begin(), staged[q], &out.records[next[q]]);
  }
  return out;
}

// Joins the partitions of one worker's share.
class PartitionJoin {
 public:
  PartitionJoin(const Partitions& deliveries, const Partitions& receipts,
                const NumberColumns& delivery_numbers, const NumberColumns& receipt_numbers,
                DocumentNumberMatches& out, std::vector<RowPair>& further)
      : deliveries_(deliveries),
        receipts_(receipts),
        delivery_numbers_(delivery_numbers),
        receipt_numbers_(receipt_numbers),
        out_(out),
        further_(further) {}

  void join(std::size_t partition) {
    const std::span<const NumberRecord> shipped(
        deliveries_.records.data() + deliveries_.begins[partition],
        deliveries_.begins[partition + 1] - deliveries_.begins[partition]);
    std::size_t slots = 16;
    while (slots < 2 * shipped.size()) slots *= 2;
    table_.assign(slots, kNoRow);
    mask_ = slots - 1;
    for (std::uint32_t i = 0; i < shipped.size(); ++i) {
      const std::size_t slot = find(shipped, shipped[i], /*receipt=*/false);
      if (table_[slot] != kNoRow) {
        out_.first_receipt[shipped[i].row] = kDuplicateRow;
        continue;
      }
      table_[slot] = i;
    }
    // Receipts in two steps: look-up (in cache), then recording the match in the per-row
    // arrays (out of cache), kLookAhead receipts behind so that those lines are prefetched.
    const std::uint64_t begin = receipts_.begins[partition];
    const std::uint64_t end = receipts_.begins[partition + 1];
    std::array<std::uint32_t, kLookAheadRing> found{};
    for (std::uint64_t k = begin; k < end + kLookAhead; ++k) {
      if (k < end) {
        const NumberRecord& received = receipts_.records[k];
        const std::uint32_t stored = table_[find(shipped, received, /*receipt=*/true)];
        const std::uint32_t delivery = stored == kNoRow ? kNoRow : shipped[stored].row;
        found[k % kLookAheadRing] = delivery;
        if (delivery != kNoRow) {
          __builtin_prefetch(&out_.first_receipt[delivery], 1);
          __builtin_prefetch(&out_.receipt_matched[received.row], 1);
        }
      }
      if (k >= begin + kLookAhead) record(k - kLookAhead, found[(k - kLookAhead) % kLookAheadRing]);
    }
  }

 private:
  static constexpr std::uint32_t kLookAhead = 16;
  static constexpr std::uint32_t kLookAheadRing = 32;  // above kLookAhead

  // Records receipt record k's match with `delivery` (kNoRow: none).
  void record(std::uint64_t k, std::uint32_t delivery) {
    if (delivery == kNoRow) return;
    const std::uint32_t receipt = receipts_.records[k].row;
    out_.receipt_matched[receipt] = 1;
    std::uint32_t& first = out_.first_receipt[delivery];
    if (first == kNoRow) {
      first = receipt;
    } else {
      further_.push_back(RowPair{delivery, receipt});
    }
  }

  // The slot of the delivery record with `wanted`'s number, or the empty slot ending the search.
  std::size_t find(std::span<const NumberRecord> shipped, const NumberRecord& wanted,
                   bool receipt) const {
    std::size_t slot = wanted.tag & mask_;
    while (table_[slot] != kNoRow && !same_number(shipped[table_[slot]], wanted, receipt)) {
      slot = (slot + 1) & mask_;
    }
    return slot;
  }

  bool same_number(const NumberRecord& stored, const NumberRecord& wanted, bool receipt) const {
    if (stored.tag != wanted.tag || !(stored.key == wanted.key)) return false;
    if (!stored.key.is_long()) return true;
    const std::string_view other =
        receipt ? receipt_numbers_(wanted.row) : delivery_numbers_(wanted.row);
    return delivery_numbers_(stored.row) == other;
  }

  const Partitions& deliveries_;
  const Partitions& receipts_;
  const NumberColumns& delivery_numbers_;
  const NumberColumns& receipt_numbers_;
  DocumentNumberMatches& out_;
  std::vector<RowPair>& further_;
  std::vector<std::uint32_t> table_;  // index into the partition's delivery records
  std::size_t mask_ = 0;
};

// A one-hash bit filter: may_contain is false for every hash never added, and for most others.
// At kFilterBitsPerNumber bits per number about one number in sixteen not added passes it.
class NumberFilter {
 public:
  explicit NumberFilter(std::size_t numbers) {
    std::size_t bits = kMinimumFilterBits;
    while (bits < numbers * kFilterBitsPerNumber) bits *= 2;
    words_.assign(bits / 64, 0);
    shift_ = static_cast<unsigned>(64 - std::countr_zero(bits));
  }
  void add(std::uint64_t hash) {
    const std::uint64_t bit = hash >> shift_;
    words_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  [[nodiscard]] bool may_contain(std::uint64_t hash) const {
    const std::uint64_t bit = hash >> shift_;
    return (words_[bit / 64] >> (bit % 64) & 1U) != 0;
  }

 private:
  static constexpr std::size_t kFilterBitsPerNumber = 16;
  static constexpr std::size_t kMinimumFilterBits = 512;
  std::vector<std::uint64_t> words_;
  unsigned shift_ = 0;
};

}  // namespace

unsigned partition_bits(std::size_t rows) {
  unsigned bits = kMinPartitionBits;
  while (bits < kMaxPartitionBits && rows > (kRowsPerPartition << bits)) ++bits;
  return bits;
}

DocumentNumberMatches match_by_document_number(const Portfolio& portfolio,
                                               const RowSpace& deliveries,
                                               const RowSpace& receipts) {
  DocumentNumberMatches out;
  const NumberColumns delivery_numbers(portfolio.deliveries, deliveries);
  const NumberColumns receipt_numbers(portfolio.receipts, receipts);
  const unsigned bits = partition_bits(std::max(deliveries.size(), receipts.size()));

  std::array<Partitions, kWorkers> sides;
  for_each_worker(deliveries.size() + receipts.size(), [&](std::size_t worker) {
    if (worker == 0) {
      sides[0] = partition(delivery_numbers, bits, /*skip_empty=*/false);
      out.first_receipt = base::filled_in_huge_pages(deliveries.size(), kNoRow);
    } else {
      sides[1] = partition(receipt_numbers, bits, /*skip_empty=*/true);
      out.receipt_matched = base::filled_in_huge_pages(receipts.size(), std::uint8_t{0});
    }
  });

  // A delivery's records and its receipts' share one partition, so the workers never write the
  // same element.
  std::array<std::vector<RowPair>, kWorkers> further;
  for_each_worker(deliveries.size() + receipts.size(), [&](std::size_t worker) {
    PartitionJoin join(sides[0], sides[1], delivery_numbers, receipt_numbers, out, further[worker]);
    for (std::size_t q = worker; q + 1 < sides[0].begins.size(); q += kWorkers) join.join(q);
    std::sort(further[worker].begin(), further[worker].end());
  });
  out.further_receipts.resize(further[0].size() + further[1].size());
  std::merge(further[0].begin(), further[0].end(), further[1].begin(), further[1].end(),
             out.further_receipts.begin());
  return out;
}

std::vector<std::uint32_t> first_rows_with_same_number(const Portfolio& portfolio,
                                                       const RowSpace& deliveries,
                                                       std::span<const std::uint32_t> rows) {
  std::vector<std::uint32_t> first(rows.size(), kNoRow);
  if (rows.empty()) return first;
  const NumberColumns number_of(portfolio.deliveries, deliveries);
  // Only the numbers of `rows` go in the table, so it stays small (usually cache-resident)
  // while every earlier row is looked up in it. The table maps a number to the position in
  // `rows` of its first occurrence there; a bit filter in front of it turns most rows away.
  DocumentNumberTable table(rows.size());
  NumberFilter filter(rows.size());
  const auto number_at = [&](std::uint32_t position) { return number_of(rows[position]); };
  std::vector<std::uint32_t> entry(rows.size());  // position of the table entry for rows[i]
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    const std::string_view number = number_at(i);
    const std::uint64_t hash = keyed_number(number).hash;
    filter.add(hash);
    const std::uint32_t stored = table.insert_or_find(hash, number, i, number_at);
    entry[i] = stored == kNoRow ? i : stored;
  }
  // Each worker scans half of the rows before the last one and keeps, per entry, the first row
  // it saw with that number; the smaller of the two halves' answers is the first overall.
  const std::uint32_t last = rows.back();
  std::array<std::vector<std::uint32_t>, kWorkers> seen;
  for_each_worker(last, [&](std::size_t worker) {
    std::vector<std::uint32_t>& first_seen = seen[worker];
    first_seen.assign(rows.size(), kNoRow);
    const std::uint32_t low = worker_begin(worker, last);
    const std::uint32_t high = worker_begin(worker + 1, last);
    for (std::uint32_t d = 0; d < deliveries.document_count(); ++d) {
      const StringColumn* column = number_of.column(d);
      const std::uint32_t base = deliveries.begin(d);
      if (column == nullptr || base >= high) continue;
      const std::uint32_t from = low > base ? low - base : 0;
      const std::uint32_t to =
          std::min<std::uint32_t>(static_cast<std::uint32_t>(column->size()), high - base);
      for (std::uint32_t i = from; i < to; ++i) {
        const std::uint64_t hash = keyed_number(*column, i).hash;
        if (!filter.may_contain(hash)) continue;
        const std::uint32_t position = table.find(hash, column->at(i), number_at);
        if (position != kNoRow) first_seen[position] = std::min(first_seen[position], base + i);
      }
    }
  });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    first[i] = std::min({rows[entry[i]], seen[0][entry[i]], seen[1][entry[i]]});
  }
  return first;
}

}  // namespace fms::recon
