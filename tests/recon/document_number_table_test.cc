// Tests for the document-number hash table: equal numbers meet, different numbers never do, even
// when their hashes collide completely (the table must compare the strings), and a table filled
// to its sizing keeps working.
#include "recon/document_number_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fms::recon {
namespace {

struct Numbers {
  std::vector<std::string> text;
  std::string_view operator()(std::uint32_t row) const { return text[row]; }
};

TEST(DocumentNumberHash, EqualTextEqualHashAndLengthMatters) {
  EXPECT_EQ(hash_document_number("JAP0015123A001"), hash_document_number("JAP0015123A001"));
  EXPECT_NE(hash_document_number("JAP0015123A001"), hash_document_number("JAP0015123A002"));
  EXPECT_NE(hash_document_number("A"), hash_document_number("A "));
  EXPECT_NE(hash_document_number(""), hash_document_number(std::string_view("\0", 1)));
  // Every length up to and past the 16- and 20-byte boundaries reads only its own bytes.
  const std::string long_text = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (std::size_t n = 0; n <= long_text.size(); ++n) {
    const std::string copy = long_text.substr(0, n);
    EXPECT_EQ(hash_document_number(std::string_view(long_text).substr(0, n)),
              hash_document_number(copy))
        << n;
  }
}

TEST(DocumentNumberTable, FindsWhatWasInsertedAndReportsTheFirstRowOnRepeat) {
  Numbers numbers{{"A1", "B2", "A1", "C3"}};
  DocumentNumberTable table(numbers.text.size());
  for (std::uint32_t row = 0; row < 4; ++row) {
    const std::uint32_t found =
        table.insert_or_find(hash_document_number(numbers(row)), numbers(row), row, numbers);
    EXPECT_EQ(found, row == 2 ? 0U : kNoRow) << row;
  }
  EXPECT_EQ(table.find(hash_document_number("C3"), "C3", numbers), 3U);
  EXPECT_EQ(table.find(hash_document_number("A1"), "A1", numbers), 0U);
  EXPECT_EQ(table.find(hash_document_number("D4"), "D4", numbers), kNoRow);
}

TEST(DocumentNumberTable, CollidingHashesAreToldApartByTheText) {
  Numbers numbers{{"FIRST", "SECOND", "THIRD"}};
  DocumentNumberTable table(numbers.text.size());
  constexpr std::uint64_t kSameHash = 0x1234'5678'9abc'def0ULL;
  for (std::uint32_t row = 0; row < 3; ++row) {
    EXPECT_EQ(table.insert_or_find(kSameHash, numbers(row), row, numbers), kNoRow);
  }
  for (std::uint32_t row = 0; row < 3; ++row) {
    EXPECT_EQ(table.find(kSameHash, numbers(row), numbers), row);
  }
  EXPECT_EQ(table.find(kSameHash, "FOURTH", numbers), kNoRow);
  EXPECT_EQ(table.insert_or_find(kSameHash, "SECOND", 9, numbers), 1U);
}

TEST(DocumentNumberTable, FullToItsSizing) {
  Numbers numbers;
  constexpr std::uint32_t kRows = 5000;
  for (std::uint32_t i = 0; i < kRows; ++i) numbers.text.push_back("N" + std::to_string(i));
  DocumentNumberTable table(kRows);
  for (std::uint32_t row = 0; row < kRows; ++row) {
    ASSERT_EQ(table.insert_or_find(hash_document_number(numbers(row)), numbers(row), row, numbers),
              kNoRow);
  }
  for (std::uint32_t row = 0; row < kRows; ++row) {
    ASSERT_EQ(table.find(hash_document_number(numbers(row)), numbers(row), numbers), row);
  }
}

}  // namespace
}  // namespace fms::recon
