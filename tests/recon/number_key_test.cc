// Tests for number keys: the word-at-a-time reading of a column gives the same key and hash as
// the byte-exact path for every length and position (including the column's last bytes, where
// whole words cannot be read); keys tell apart any two numbers up to kInlineNumberBytes, and
// mark longer ones as needing a full comparison.
#include "recon/number_key.h"

#include <gtest/gtest.h>

#include <string>

namespace fms::recon {
namespace {

TEST(NumberKey, ColumnReadingAgreesWithTheExactPathEverywhere) {
  const std::string alphabet = "JAP0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
  StringColumn column;
  std::vector<std::string> numbers;
  for (std::size_t length = 0; length <= kInlineNumberBytes + 4; ++length) {
    for (std::size_t shift = 0; shift < 3; ++shift) {
      numbers.push_back(alphabet.substr(shift, length));
      column.push(numbers.back());
    }
  }
  for (std::size_t row = 0; row < numbers.size(); ++row) {
    const KeyedNumber from_column = keyed_number(column, row);
    const KeyedNumber exact = keyed_number(numbers[row]);
    EXPECT_EQ(from_column.key, exact.key) << row;
    EXPECT_EQ(from_column.hash, exact.hash) << row;
    EXPECT_EQ(exact.key.is_long(), numbers[row].size() > kInlineNumberBytes) << row;
  }
}

TEST(NumberKey, DifferentNumbersDifferentKeysUpToTheInlineLength) {
  EXPECT_FALSE(keyed_number("A1").key == keyed_number("A1 ").key);
  EXPECT_FALSE(keyed_number("A1").key == keyed_number(std::string("A1\0", 3)).key);
  EXPECT_FALSE(keyed_number("").key == keyed_number(std::string("\0", 1)).key);
  const std::string inline_max(kInlineNumberBytes, 'Z');
  EXPECT_FALSE(keyed_number(inline_max).key == keyed_number(inline_max + "Z").key);
  EXPECT_NE(keyed_number("JAPK0A5073A001").hash, keyed_number("JAPK0A5073A002").hash);
}

TEST(NumberKey, LongNumbersShareKeysButNotHashes) {
  const std::string stem(kInlineNumberBytes, 'X');
  const KeyedNumber a = keyed_number(stem + "AAA");
  const KeyedNumber b = keyed_number(stem + "BBB");
  EXPECT_TRUE(a.key.is_long());
  EXPECT_EQ(a.key, b.key);  // the caller must compare the strings
  EXPECT_NE(a.hash, b.hash);
}

}  // namespace
}  // namespace fms::recon
