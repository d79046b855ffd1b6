// Segment encoding: round trips, determinism, the documented byte layout and hash, every limit
// at and just past its value, and hostile input (every byte flipped, every truncation) that must
// yield an error or a faithful decoding, never a crash or an out-of-bounds read.
#include "store/segment_codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstring>
#include <random>

#include "store/segment_columns.h"
#include "store/segment_hash.h"
#include "store/segment_layout.h"
#include "store/segment_test_rows.h"

namespace fms::store {
namespace {

using ::testing::HasSubstr;

constexpr std::size_t kDeliveryColumns = 17;
constexpr std::size_t kReceiptColumns = 19;

template <class T>
T load(std::string_view bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

template <class T>
void store_at(std::string& bytes, std::size_t offset, T value) {
  std::memcpy(bytes.data() + offset, &value, sizeof(T));
}

// A segment assembled by hand from raw columns, for contents the encoder refuses to produce.
struct RawColumn {
  std::uint16_t id;
  ElementType type;
  std::string bytes;
};

std::string raw_segment(SegmentKind kind, std::uint64_t rows, const std::vector<RawColumn>& raw) {
  std::vector<ColumnShape> shapes;
  for (const RawColumn& c : raw) shapes.push_back({c.id, c.type, c.bytes.size()});
  const SegmentLayout layout = plan_segment(kind, rows, shapes);
  std::string out;
  append_header_and_directory(layout, out);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    out.append(layout.columns[i].offset - out.size(), '\0');
    out += raw[i].bytes;
  }
  return out;
}

template <class T>
std::string column_bytes(const T& values) {
  return std::string(reinterpret_cast<const char*>(values.data()),
                     values.size() * sizeof(typename T::value_type));
}

// The columns of a delivery listing as raw columns, so a test can alter one and reassemble.
std::vector<RawColumn> raw_delivery_columns(const std::string& segment) {
  const auto layout = parse_segment_layout(segment);
  EXPECT_TRUE(layout.ok());
  std::vector<RawColumn> raw;
  for (const SegmentColumn& c : layout->columns) {
    raw.push_back({c.id, c.type, segment.substr(c.offset, c.byte_length)});
  }
  return raw;
}

// Decoding either fails or gives rows that encode back to exactly the same bytes.
void expect_error_or_faithful(const std::string& bytes, const std::string& what) {
  const auto decoded = decode_delivery_segment(bytes);
  if (decoded.ok()) {
    EXPECT_EQ(encode_segment(*decoded).bytes, bytes) << what << " decoded to different rows";
  }
}

TEST(SegmentCodecTest, DeliveryListingRoundTrips) {
  const DeliveryListing rows = test_rows::delivery_listing(1000, 50);
  const EncodedSegment segment = encode_segment(rows);
  const auto decoded = decode_delivery_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, rows);
}

TEST(SegmentCodecTest, ReceiptsRoundTrip) {
  const ReceiptInspections rows = test_rows::receipts(1000);
  const EncodedSegment segment = encode_segment(rows);
  const auto decoded = decode_receipt_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, rows);
}

TEST(SegmentCodecTest, EmptyDocumentsRoundTrip) {
  const auto listing = decode_delivery_segment(encode_segment(DeliveryListing{}).bytes);
  ASSERT_TRUE(listing.ok()) << listing.error().message;
  EXPECT_EQ(*listing, DeliveryListing{});
  const auto receipts = decode_receipt_segment(encode_segment(ReceiptInspections{}).bytes);
  ASSERT_TRUE(receipts.ok()) << receipts.error().message;
  EXPECT_EQ(*receipts, ReceiptInspections{});
}

TEST(SegmentCodecTest, UnusedDictionaryEntriesAndEmptyStringsSurvive) {
  DeliveryListing rows;
  rows.line_keys = {{"JA-P-AAA", "001"}, {"JA-P-AAB", ""}, {"", "002"}};
  rows.term_codes = {"", "4", "9"};
  rows.document_number.push("");
  rows.line.push_back(2);
  rows.ship_date.push_back(-1);  // dates before 1970 are negative serials
  rows.quantity.push_back(0);
  rows.value_cents.push_back(kMaxRowValueCents);
  rows.term_code.push_back(0);
  rows.tcn.push("");
  rows.reporting_quarter_end.push_back(0);
  rows.source_line.push_back(0xffffffffu);
  const auto decoded = decode_delivery_segment(encode_segment(rows).bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, rows);
}

TEST(SegmentCodecTest, EncodingIsDeterministic) {
  const DeliveryListing rows = test_rows::delivery_listing(500, 20);
  const DeliveryListing copy = rows;
  const EncodedSegment first = encode_segment(rows);
  const EncodedSegment second = encode_segment(copy);
  EXPECT_EQ(first.bytes, second.bytes);
  EXPECT_EQ(first.hash, second.hash);
}

TEST(SegmentCodecTest, OneChangedValueChangesTheHash) {
  DeliveryListing rows = test_rows::delivery_listing(500, 20);
  const std::string before = encode_segment(rows).hash;
  rows.quantity.owned()[250] += 1;
  EXPECT_NE(encode_segment(rows).hash, before);
}

TEST(SegmentCodecTest, HeaderAndDirectoryFollowTheDocumentedLayout) {
  const DeliveryListing rows = test_rows::delivery_listing(101, 10);
  const std::string bytes = encode_segment(rows).bytes;
  EXPECT_EQ(bytes.substr(0, 8), std::string("FMSSEG\r\n"));
  EXPECT_EQ(load<std::uint32_t>(bytes, 8), 1u);   // format version
  EXPECT_EQ(load<std::uint32_t>(bytes, 12), 1u);  // kind: delivery listing
  EXPECT_EQ(load<std::uint64_t>(bytes, 16), 101u);
  EXPECT_EQ(load<std::uint64_t>(bytes, 24), bytes.size());
  EXPECT_EQ(load<std::uint32_t>(bytes, 32), kDeliveryColumns);
  EXPECT_EQ(load<std::uint32_t>(bytes, 36), 0u);

  // Directory entry 10 (0-based) is quantity: id 11, i32, 4 bytes per row, 8-aligned.
  const std::size_t entry = 40 + 24 * 10;
  EXPECT_EQ(load<std::uint16_t>(bytes, entry), 11u);
  EXPECT_EQ(load<std::uint16_t>(bytes, entry + 2), static_cast<std::uint16_t>(ElementType::i32));
  const auto offset = load<std::uint64_t>(bytes, entry + 8);
  EXPECT_EQ(offset % 8, 0u);
  EXPECT_EQ(load<std::uint64_t>(bytes, entry + 16), 101u * 4);
  EXPECT_EQ(load<std::int32_t>(bytes, offset + 4 * 7), rows.quantity[7]);

  // Compact: the row columns and strings plus at most 7 bytes of padding per column.
  const std::size_t row_bytes = 4 + 4 + 4 + 4 + 8 + 2 + 4 + 4 + 4;  // incl. two string ends
  const std::size_t payload =
      rows.size() * row_bytes + rows.document_number.bytes.size() + rows.tcn.bytes.size();
  EXPECT_LE(bytes.size(), 40 + 24 * kDeliveryColumns + payload + 7 * kDeliveryColumns + 200);
}

TEST(SegmentCodecTest, ReceiptSegmentsDeclareTheirKind) {
  const std::string bytes = encode_segment(test_rows::receipts(3)).bytes;
  EXPECT_EQ(load<std::uint32_t>(bytes, 12), 2u);
  EXPECT_EQ(load<std::uint32_t>(bytes, 32), kReceiptColumns);
}

TEST(SegmentCodecTest, DecodingTheOtherKindIsRefused) {
  const auto as_receipts = decode_receipt_segment(encode_segment(DeliveryListing{}).bytes);
  ASSERT_FALSE(as_receipts.ok());
  EXPECT_EQ(as_receipts.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(as_receipts.error().message, HasSubstr("holds delivery listing, not receipts"));
  const auto as_listing = decode_delivery_segment(encode_segment(ReceiptInspections{}).bytes);
  ASSERT_FALSE(as_listing.ok());
  EXPECT_EQ(as_listing.error().kind, ErrorKind::invalid_input);
}

// --- the hash --------------------------------------------------------------------------------

std::array<unsigned char, 32> blake2b_256(std::string_view bytes) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr,
                     0);
  return digest;
}

// The recipe of docs/formats/segment.md, from the raw bytes, without the library's parser.
std::string documented_hash(std::string_view bytes) {
  const auto columns = load<std::uint32_t>(bytes, 32);
  const std::size_t directory_end = 40 + 24 * std::size_t{columns};
  std::string input(bytes.substr(0, directory_end));
  for (std::size_t i = 0; i < columns; ++i) {
    const std::size_t entry = 40 + 24 * i;
    const auto offset = load<std::uint64_t>(bytes, entry + 8);
    const auto length = load<std::uint64_t>(bytes, entry + 16);
    const auto digest = blake2b_256(bytes.substr(offset, length));
    input.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  }
  const auto final_digest = blake2b_256(input);
  std::string hex;
  for (unsigned char b : final_digest) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0xf];
  }
  return hex;
}

// Large enough to be hashed and decoded on two threads; built once for the tests that need it.
const DeliveryListing& large_listing() {
  static const DeliveryListing rows = test_rows::delivery_listing(85'000, 2000);
  return rows;
}

TEST(SegmentCodecTest, LargeSegmentsRoundTripOnTwoThreads) {
  const EncodedSegment segment = encode_segment(large_listing());
  ASSERT_GE(segment.bytes.size(), kParallelDecodeMinBytes);
  const auto decoded = decode_delivery_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, large_listing());
}

TEST(SegmentCodecTest, LargeSegmentsReportTheFirstDamagedColumn) {
  DeliveryListing rows = large_listing();
  rows.line.owned()[rows.size() - 1] = static_cast<std::uint32_t>(rows.line_keys.size());
  std::vector<RawColumn> raw = raw_delivery_columns(encode_segment(large_listing()).bytes);
  raw[8].bytes = column_bytes(rows.line);
  std::vector<std::uint32_t> ends(rows.tcn.ends.begin(), rows.tcn.ends.end());
  ends[0] = ends.back() + 1;  // past the end of the TCN bytes
  raw[13].bytes = column_bytes(ends);
  const auto decoded =
      decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, rows.size(), raw));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("column line: row 84999 refers to entry 2000"));
}

TEST(SegmentHashTest, IsTheDocumentedBlake2bTree) {
  ASSERT_GE(sodium_init(), 0);
  const EncodedSegment small = encode_segment(test_rows::receipts(20));
  EXPECT_EQ(small.hash, documented_hash(small.bytes));
  const EncodedSegment large = encode_segment(large_listing());
  ASSERT_GE(large.bytes.size(), kParallelHashMinBytes);
  EXPECT_EQ(large.hash, documented_hash(large.bytes));
  const auto recomputed = segment_hash(large.bytes);
  ASSERT_TRUE(recomputed.ok()) << recomputed.error().message;
  EXPECT_EQ(*recomputed, large.hash);
}

// Known answers, fixed by the format: any change to the layout or to the hash definition
// changes them, and with them the name of every stored segment. Both were computed
// independently from docs/formats/segment.md with Python's struct and hashlib.blake2b.
TEST(SegmentHashTest, KnownAnswerForTheEmptyDeliveryListing) {
  const EncodedSegment empty = encode_segment(DeliveryListing{});
  EXPECT_EQ(empty.bytes.size(), 40u + 24u * kDeliveryColumns);
  EXPECT_EQ(empty.hash, "84df8b1965edbbd82f0d1544592ae2e658dcb976ba1119e16252dcea26d9a792");
}

TEST(SegmentHashTest, KnownAnswerForAOneRowDeliveryListing) {
  DeliveryListing rows;
  rows.line_keys = {{"JA-P-TWK", "001"}};
  rows.term_codes = {"4"};
  rows.document_number.push("JAPN2025100001");
  rows.line.push_back(0);
  rows.ship_date.push_back(20'102);  // 2025-01-14
  rows.quantity.push_back(2);
  rows.value_cents.push_back(12'500'000);  // USD 125,000.00
  rows.term_code.push_back(0);
  rows.tcn.push("");
  rows.reporting_quarter_end.push_back(20'178);  // 2025-03-31
  rows.source_line.push_back(2);
  const EncodedSegment segment = encode_segment(rows);
  EXPECT_EQ(segment.bytes.size(), 580u);
  EXPECT_EQ(segment.hash, "bd9f2948095aa019fd427573d234c594a5c1030050b50d8678364c63f053b233");
}

TEST(SegmentHashTest, HashNamesAreExactly64LowerCaseHexDigits) {
  EXPECT_TRUE(is_segment_hash(std::string(64, 'a')));
  EXPECT_TRUE(is_segment_hash(encode_segment(DeliveryListing{}).hash));
  EXPECT_FALSE(is_segment_hash(std::string(63, 'a')));
  EXPECT_FALSE(is_segment_hash(std::string(65, 'a')));
  EXPECT_FALSE(is_segment_hash(std::string(64, 'A')));
  EXPECT_FALSE(is_segment_hash(std::string(62, 'a') + "/."));
  EXPECT_FALSE(is_segment_hash(""));
}

TEST(SegmentHashTest, MalformedBytesHaveNoHash) {
  const auto hashed = segment_hash("not a segment");
  ASSERT_FALSE(hashed.ok());
  EXPECT_EQ(hashed.error().kind, ErrorKind::corruption);
}

// --- hostile input ---------------------------------------------------------------------------

TEST(SegmentHostileInputTest, EveryFlippedByteIsRefusedOrDecodedFaithfully) {
  const DeliveryListing rows = test_rows::delivery_listing(12, 3);
  const EncodedSegment segment = encode_segment(rows);
  for (std::size_t i = 0; i < segment.bytes.size(); ++i) {
    for (unsigned mask : {0x01u, 0x80u, 0xffu}) {
      std::string bytes = segment.bytes;
      bytes[i] = static_cast<char>(static_cast<unsigned char>(bytes[i]) ^ mask);
      expect_error_or_faithful(bytes, "byte " + std::to_string(i));
      const auto hashed = segment_hash(bytes);
      if (hashed.ok()) {
        EXPECT_NE(*hashed, segment.hash) << "byte " << i;
      }
    }
  }
}

TEST(SegmentHostileInputTest, EveryTruncationAndExtensionIsRefused) {
  const EncodedSegment segment = encode_segment(test_rows::delivery_listing(12, 3));
  for (std::size_t length = 0; length < segment.bytes.size(); ++length) {
    const std::string bytes = segment.bytes.substr(0, length);
    EXPECT_FALSE(decode_delivery_segment(bytes).ok()) << "length " << length;
    EXPECT_FALSE(segment_hash(bytes).ok()) << "length " << length;
  }
  for (std::size_t extra = 1; extra <= 16; ++extra) {
    EXPECT_FALSE(decode_delivery_segment(segment.bytes + std::string(extra, '\0')).ok());
  }
}

TEST(SegmentHostileInputTest, RandomDamageIsRefusedOrDecodedFaithfully) {
  const EncodedSegment segment = encode_segment(test_rows::receipts(30));
  std::mt19937 random(2026);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = segment.bytes;
    const int changes = 1 + static_cast<int>(random() % 4);
    for (int c = 0; c < changes; ++c) {
      bytes[random() % bytes.size()] = static_cast<char>(random());
    }
    if (round % 3 == 0) bytes.resize(random() % (bytes.size() + 1));
    const auto decoded = decode_receipt_segment(bytes);
    if (decoded.ok()) {
      EXPECT_EQ(encode_segment(*decoded).bytes, bytes) << "round " << round;
    }
  }
}

TEST(SegmentHostileInputTest, DictionaryIndexOutsideTheDictionaryIsRefused) {
  DeliveryListing rows = test_rows::delivery_listing(4, 3);
  std::vector<RawColumn> raw = raw_delivery_columns(encode_segment(rows).bytes);
  rows.line.owned()[2] = 3;  // the dictionary has entries 0..2
  raw[8].bytes = column_bytes(rows.line);
  const auto decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, raw));
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().kind, ErrorKind::corruption);
  EXPECT_THAT(decoded.error().message,
              HasSubstr("column line: row 2 refers to entry 3 of a dictionary of 3"));

  rows.line.owned()[2] = 2;  // the last entry is still valid
  raw[8].bytes = column_bytes(rows.line);
  EXPECT_TRUE(decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, raw)).ok());
}

TEST(SegmentHostileInputTest, StringEndsMustRiseToTheEndOfTheirBuffer) {
  DeliveryListing rows = test_rows::delivery_listing(4, 3);
  const std::vector<RawColumn> raw = raw_delivery_columns(encode_segment(rows).bytes);

  std::vector<RawColumn> falling = raw;
  std::vector<std::uint32_t> ends(rows.document_number.ends.begin(), rows.document_number.ends.end());
  std::swap(ends[1], ends[2]);
  falling[6].bytes = column_bytes(ends);
  auto decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, falling));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("column document_number: string 2 ends at"));

  std::vector<RawColumn> short_of_buffer = raw;
  short_of_buffer[7].bytes += "X";  // one byte more than the last end
  decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, short_of_buffer));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("their buffer holds 57 bytes"));
}

TEST(SegmentHostileInputTest, ColumnsOfTheWrongIdTypeOrCountAreRefused) {
  const DeliveryListing rows = test_rows::delivery_listing(4, 3);
  const std::vector<RawColumn> raw = raw_delivery_columns(encode_segment(rows).bytes);

  std::vector<RawColumn> wrong_type = raw;
  wrong_type[10].type = ElementType::u32;  // quantity is i32
  auto decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, wrong_type));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("column quantity: expected id 11 of type i32"));

  std::vector<RawColumn> missing = raw;
  missing.pop_back();
  decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, missing));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("column source_line: missing"));

  std::vector<RawColumn> extra = raw;
  extra.push_back({99, ElementType::u8, "?"});
  decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, extra));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("1 unexpected columns"));

  decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 5, raw));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("has 4 values for 5 rows"));

  std::vector<RawColumn> uneven_keys = raw;
  uneven_keys[2].bytes = column_bytes(std::vector<std::uint32_t>{3, 6});
  uneven_keys[3].bytes = "001002";
  decoded = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 4, uneven_keys));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("3 case ids but 2 line numbers"));
}

TEST(SegmentHostileInputTest, FrameDamageIsNamed) {
  const std::string good = encode_segment(test_rows::delivery_listing(4, 3)).bytes;
  const auto error_of = [](const std::string& bytes) {
    const auto layout = parse_segment_layout(bytes);
    return layout.ok() ? std::string("accepted") : layout.error().message;
  };
  std::string bytes = good;
  bytes[0] = 'X';
  EXPECT_THAT(error_of(bytes), HasSubstr("not a segment file"));
  bytes = good;
  store_at<std::uint32_t>(bytes, 8, 2);
  EXPECT_THAT(error_of(bytes), HasSubstr("format version 2 is not supported"));
  bytes = good;
  store_at<std::uint32_t>(bytes, 12, 4);
  EXPECT_THAT(error_of(bytes), HasSubstr("unknown kind 4"));
  bytes = good;
  store_at<std::uint32_t>(bytes, 36, 1);
  EXPECT_THAT(error_of(bytes), HasSubstr("reserved header field"));
  bytes = good;
  store_at<std::uint16_t>(bytes, 40 + 2, 9);
  EXPECT_THAT(error_of(bytes), HasSubstr("unknown element type 9"));
  bytes = good;
  store_at<std::uint32_t>(bytes, 40 + 4, 1);
  EXPECT_THAT(error_of(bytes), HasSubstr("reserved directory field"));
  bytes = good;
  store_at<std::uint16_t>(bytes, 40 + 24, 1);  // second column's id equals the first's
  EXPECT_THAT(error_of(bytes), HasSubstr("not strictly increasing"));
  bytes = good;
  store_at<std::uint64_t>(bytes, 40 + 24 + 8, load<std::uint64_t>(good, 40 + 24 + 8) + 8);
  EXPECT_THAT(error_of(bytes), HasSubstr("expected"));
  bytes = good;
  store_at<std::uint64_t>(bytes, 40 + 16, std::uint64_t{1} << 63);  // huge first column
  EXPECT_THAT(error_of(bytes), HasSubstr("run past the end"));
}

TEST(SegmentHostileInputTest, PaddingMustBeZero) {
  const std::string good = encode_segment(test_rows::delivery_listing(3, 3)).bytes;
  const auto layout = parse_segment_layout(good);
  ASSERT_TRUE(layout.ok());
  // Find a gap between two columns (document numbers are 14 bytes a row, so one follows them).
  for (std::size_t i = 1; i < layout->columns.size(); ++i) {
    const SegmentColumn& before = layout->columns[i - 1];
    const std::uint64_t end = before.offset + before.byte_length;
    if (end == layout->columns[i].offset) continue;
    std::string bytes = good;
    bytes[end] = 1;
    const auto damaged = parse_segment_layout(bytes);
    ASSERT_FALSE(damaged.ok());
    EXPECT_THAT(damaged.error().message, HasSubstr("padding before it is not zero"));
    return;
  }
  FAIL() << "the sample segment has no padding to damage";
}

// --- limits ----------------------------------------------------------------------------------

std::string frame_only(std::uint64_t rows, std::uint64_t declared_bytes, std::uint32_t columns) {
  const SegmentLayout layout = plan_segment(SegmentKind::delivery_listing, rows, {});
  std::string bytes;
  append_header_and_directory(layout, bytes);
  store_at<std::uint64_t>(bytes, 24, declared_bytes);
  store_at<std::uint32_t>(bytes, 32, columns);
  return bytes;
}

TEST(SegmentLimitsTest, RowCountAtAndPastKMaxBulkRows) {
  const auto at_limit = parse_segment_layout(frame_only(kMaxBulkRows, 40, 0));
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().message;
  EXPECT_EQ(at_limit->row_count, kMaxBulkRows);
  const auto past = parse_segment_layout(frame_only(kMaxBulkRows + 1, 40, 0));
  ASSERT_FALSE(past.ok());
  EXPECT_THAT(past.error().message, HasSubstr("20000001 rows, over the limit of 20000000"));
}

TEST(SegmentLimitsTest, SegmentSizeAtAndPastKMaxSegmentBytes) {
  const auto at_limit = parse_segment_layout(frame_only(0, kMaxSegmentBytes, 0));
  ASSERT_FALSE(at_limit.ok());
  EXPECT_THAT(at_limit.error().message, HasSubstr("truncated"));
  const auto past = parse_segment_layout(frame_only(0, kMaxSegmentBytes + 1, 0));
  ASSERT_FALSE(past.ok());
  EXPECT_THAT(past.error().message, HasSubstr("4294967297 bytes, over the limit of 4294967296"));
}

TEST(SegmentLimitsTest, ColumnCountAtAndPastKMaxSegmentColumns) {
  std::vector<ColumnShape> shapes;
  for (std::uint16_t id = 1; id <= kMaxSegmentColumns; ++id) {
    shapes.push_back({id, ElementType::u8, 1});
  }
  const SegmentLayout layout = plan_segment(SegmentKind::receipts, 0, shapes);
  std::string bytes;
  append_header_and_directory(layout, bytes);
  for (const SegmentColumn& column : layout.columns) {
    bytes.append(column.offset - bytes.size(), '\0');
    bytes += 'x';
  }
  const auto at_limit = parse_segment_layout(bytes);
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().message;
  EXPECT_EQ(at_limit->columns.size(), kMaxSegmentColumns);
  const auto decoded = decode_receipt_segment(bytes);  // a valid frame, not receipts' columns
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("expected id 1 of type u32"));

  store_at<std::uint32_t>(bytes, 32, kMaxSegmentColumns + 1);
  const auto past = parse_segment_layout(bytes);
  ASSERT_FALSE(past.ok());
  EXPECT_THAT(past.error().message, HasSubstr("65 columns, over the limit of 64"));
}

TEST(SegmentLimitsTest, DictionaryAtAndPastKMaxSegmentDictionaryEntries) {
  DeliveryListing rows;
  rows.term_codes.assign(kMaxSegmentDictionaryEntries, std::string());
  const EncodedSegment at_limit = encode_segment(rows);
  const auto decoded = decode_delivery_segment(at_limit.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->term_codes.size(), kMaxSegmentDictionaryEntries);

  std::vector<RawColumn> raw = raw_delivery_columns(at_limit.bytes);
  raw[4].bytes = column_bytes(std::vector<std::uint32_t>(kMaxSegmentDictionaryEntries + 1, 0));
  const auto past = decode_delivery_segment(raw_segment(SegmentKind::delivery_listing, 0, raw));
  ASSERT_FALSE(past.ok());
  EXPECT_THAT(past.error().message,
              HasSubstr("column term_codes: a dictionary of 262145 entries, over the limit"));
}

// --- encoder preconditions: a caller's bug aborts with the column's name ----------------------

TEST(SegmentEncoderDeathTest, MalformedRowsAbortNamingTheColumn) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  DeliveryListing short_column = test_rows::delivery_listing(3, 2);
  short_column.quantity.owned().pop_back();
  EXPECT_DEATH((void)encode_segment(short_column), "column quantity: its length differs");

  DeliveryListing bad_index = test_rows::delivery_listing(3, 2);
  bad_index.term_code.owned()[1] = static_cast<std::uint16_t>(bad_index.term_codes.size());
  EXPECT_DEATH((void)encode_segment(bad_index), "column term_code: an index is outside");

  ReceiptInspections bad_ends = test_rows::receipts(3);
  bad_ends.receipt_id.ends.owned().back() += 1;
  EXPECT_DEATH((void)encode_segment(bad_ends), "column receipt_id: the strings end at");

  DeliveryListing huge_dictionary;
  huge_dictionary.term_codes.assign(kMaxSegmentDictionaryEntries + 1, std::string());
  EXPECT_DEATH((void)encode_segment(huge_dictionary), "more entries than");
}

}  // namespace
}  // namespace fms::store

namespace fms::store {
namespace {

TEST(MatchSegment, RoundTripsAndIsNamedByItsHash) {
  MatchColumns rows;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    rows.delivery_document.push_back(i % 3);
    rows.delivery_row.push_back(i);
    rows.receipt_document.push_back(i % 2);
    rows.receipt_row.push_back(999 - i);
    rows.rule.push_back(static_cast<std::uint8_t>(1 + i % 2));
  }
  const EncodedSegment segment = encode_segment(rows);
  Result<MatchColumns> decoded = decode_match_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, rows);
  Result<std::string> hash = segment_hash(segment.bytes);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(*hash, segment.hash);
  // A match set is not a delivery listing, and the other way round.
  EXPECT_FALSE(decode_delivery_segment(segment.bytes).ok());
  EXPECT_FALSE(decode_match_segment(encode_segment(DeliveryListing{}).bytes).ok());
}

TEST(MatchSegment, AnEmptyMatchSetIsASegmentToo) {
  const EncodedSegment segment = encode_segment(MatchColumns{});
  Result<MatchColumns> decoded = decode_match_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->size(), 0u);
}

}  // namespace
}  // namespace fms::store
