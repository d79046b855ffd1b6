// The delivery-listing columns of format 2 (docs/formats/segment.md): a listing with credits,
// charges or replies carries its transaction types and SDR numbers in columns 18-20; a listing
// of shipments only is encoded without them, byte for byte as before they existed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/segment_codec.h"
#include "store/segment_layout.h"
#include "store/segment_test_rows.h"

namespace fms::store {
namespace {

using ::testing::HasSubstr;

DeliveryListing with_transactions(std::size_t rows) {
  DeliveryListing listing = test_rows::delivery_listing(rows, 10);
  for (std::size_t i = 0; i < rows; ++i) {
    const auto type = static_cast<DeliveryTransaction>(i % kDeliveryTransactionCount);
    listing.transaction.push_back(static_cast<std::uint8_t>(type));
    listing.sdr.push(may_answer_sdr(type) ? "A0001-JA-TWK/001" : "");
  }
  return listing;
}

TEST(SegmentTransactions, AListingWithTransactionsRoundTrips) {
  const DeliveryListing rows = with_transactions(700);
  const EncodedSegment segment = encode_segment(rows);
  const auto layout = parse_segment_layout(segment.bytes);
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  ASSERT_EQ(layout->columns.size(), 20U);
  EXPECT_EQ(layout->columns[17].id, 18);
  EXPECT_EQ(layout->columns[17].type, ElementType::u8);
  EXPECT_EQ(layout->columns[19].id, 20);
  const auto decoded = decode_delivery_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, rows);
  EXPECT_EQ(decoded->transaction_of(1), DeliveryTransaction::shipment_credit);
  EXPECT_EQ(decoded->sdr_of(1), "A0001-JA-TWK/001");
  EXPECT_EQ(decoded->sdr_of(2), "");
}

TEST(SegmentTransactions, AListingOfShipmentsOnlyKeepsTheFormatOneColumns) {
  const DeliveryListing rows = test_rows::delivery_listing(300, 10);
  const EncodedSegment segment = encode_segment(rows);
  const auto layout = parse_segment_layout(segment.bytes);
  ASSERT_TRUE(layout.ok());
  EXPECT_EQ(layout->columns.size(), 17U);
  const auto decoded = decode_delivery_segment(segment.bytes);
  ASSERT_TRUE(decoded.ok());
  EXPECT_FALSE(decoded->has_transactions());
  EXPECT_EQ(decoded->transaction_of(5), DeliveryTransaction::shipment);
  EXPECT_EQ(decoded->sdr_of(5), "");
}

TEST(SegmentTransactions, ATypeOutsideTheListIsRefused) {
  const DeliveryListing rows = with_transactions(50);
  std::string bytes = encode_segment(rows).bytes;
  const auto layout = parse_segment_layout(bytes);
  ASSERT_TRUE(layout.ok());
  bytes[layout->columns[17].offset + 3] = static_cast<char>(kDeliveryTransactionCount);
  const auto decoded = decode_delivery_segment(bytes);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.error().message, HasSubstr("column transaction: row 3 refers to entry 7"));
}

}  // namespace
}  // namespace fms::store
