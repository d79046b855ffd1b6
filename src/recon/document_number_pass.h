// First matching pass: by MILSTRIP document number, and the duplicate reports it uncovers.
//
// Delivery rows are grouped by document number. The first row of a group (document order, then
// row order) is the original; later rows with the same number are duplicates and are never
// matched. Every receipt with a non-empty document number equal to an original's is matched to
// that original, whatever case or line the receipt names.
//
// How it works, for millions of rows: a radix-partitioned hash join.
//  1. Partition. Each number is hashed; the top bits of the hash pick one of P partitions
//     (P = rows / kRowsPerPartition, a power of two). Each row becomes a 32-byte record in its
//     partition: row number, 32 more bits of the hash (the tag), and the number itself, inline.
//     Records keep row order within a partition. One worker partitions the deliveries, the other
//     the receipts.
//  2. Join. Equal numbers share a partition, and a partition's records and its small hash table
//     fit in the processor's cache, so the join runs at cache speed with no random memory
//     access: the deliveries are inserted (an insert that meets its number again is a
//     duplicate), then the receipts looked up. Numbers are compared in full (inline; via the
//     columns for numbers longer than the inline space) whenever the tags agree. The workers
//     take alternate partitions.
//  3. Each delivery keeps its lowest matched receipt (partitions see receipts in row order);
//     further receipts of the same delivery (a shipment received in parts) are listed apart.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/huge_pages.h"
#include "recon/recon.h"
#include "recon/row_space.h"

namespace fms::recon {

// Marks a duplicate delivery row in DocumentNumberMatches::first_receipt.
inline constexpr std::uint32_t kDuplicateRow = kNoRow - 1;
// Target rows per partition: records (32 bytes each) and table fit in a 1 MiB level-2 cache.
inline constexpr std::size_t kRowsPerPartition = 8192;
// Partition counts are powers of two between these.
inline constexpr unsigned kMinPartitionBits = 1;
inline constexpr unsigned kMaxPartitionBits = 12;

struct DocumentNumberMatches {
  // Per global delivery row: the lowest receipt row matched to it; kNoRow for an original no
  // receipt names; kDuplicateRow for a duplicate.
  base::HugeVector<std::uint32_t> first_receipt;
  // Per global receipt row: 1 if it is matched to a delivery.
  base::HugeVector<std::uint8_t> receipt_matched;
  // Every other (delivery, receipt) match, sorted.
  std::vector<RowPair> further_receipts;
};

DocumentNumberMatches match_by_document_number(const Portfolio& portfolio,
                                               const RowSpace& deliveries,
                                               const RowSpace& receipts);

// log2 of the number of partitions for `rows` rows.
unsigned partition_bits(std::size_t rows);

// For each of `rows` (global delivery rows, ascending), the first delivery row carrying the same
// document number: the row itself when it is an original, the original when it is a duplicate.
// Only the rows before the last of `rows` are read.
std::vector<std::uint32_t> first_rows_with_same_number(const Portfolio& portfolio,
                                                       const RowSpace& deliveries,
                                                       std::span<const std::uint32_t> rows);

}  // namespace fms::recon
