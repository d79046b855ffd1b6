// Columns of bulk records: owned while an importer builds them, borrowed from stored bytes when
// decoded, and never written through a borrow.
#include "core/column.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>

#include "core/execution.h"

namespace fms {
namespace {

TEST(ColumnTest, AnOwnedColumnGrowsLikeAVector) {
  Column<std::int32_t> column;
  EXPECT_TRUE(column.empty());
  column.reserve(3);
  column.push_back(7);
  column.push_back(-2);
  column.append(std::array<std::int32_t, 2>{5, 9});
  EXPECT_FALSE(column.is_borrowed());
  ASSERT_EQ(column.size(), 4u);
  EXPECT_EQ(column[1], -2);
  EXPECT_EQ(column.back(), 9);
  EXPECT_EQ(column, (Column<std::int32_t>{7, -2, 5, 9}));
}

TEST(ColumnTest, ABorrowedColumnKeepsItsBytesAliveInEveryCopy) {
  auto storage = std::make_shared<const std::array<std::uint32_t, 3>>(
      std::array<std::uint32_t, 3>{10, 20, 30});
  const std::weak_ptr<const std::array<std::uint32_t, 3>> watch = storage;
  Column<std::uint32_t> copy;
  {
    const Column<std::uint32_t> column =
        Column<std::uint32_t>::borrowed(std::span<const std::uint32_t>(*storage), storage);
    storage.reset();
    EXPECT_TRUE(column.is_borrowed());
    EXPECT_EQ(column.data(), watch.lock()->data());  // in place, not copied
    copy = column;
  }
  ASSERT_FALSE(watch.expired());  // the copy still holds the bytes
  EXPECT_EQ(copy, (Column<std::uint32_t>{10, 20, 30}));
  copy = Column<std::uint32_t>{};
  EXPECT_TRUE(watch.expired());
}

TEST(ColumnTest, WritingToABorrowedColumnCopiesItAndLeavesTheBytesAlone) {
  auto storage = std::make_shared<std::array<std::int64_t, 2>>(std::array<std::int64_t, 2>{1, 2});
  const std::weak_ptr<std::array<std::int64_t, 2>> watch = storage;
  Column<std::int64_t> column =
      Column<std::int64_t>::borrowed(std::span<const std::int64_t>(*storage), storage);
  storage.reset();
  column.push_back(3);
  EXPECT_FALSE(column.is_borrowed());
  EXPECT_TRUE(watch.expired());  // the borrow is given up once copied
  EXPECT_EQ(column, (Column<std::int64_t>{1, 2, 3}));
}

TEST(ColumnTest, BorrowedAndOwnedColumnsWithTheSameValuesAreEqual) {
  auto storage = std::make_shared<const std::string>("ABCDE");
  StringColumn borrowed;
  borrowed.bytes = Column<char>::borrowed(std::span<const char>(storage->data(), 5), storage);
  borrowed.ends = Column<std::uint32_t>{2, 2, 5};
  StringColumn owned;
  owned.push("AB");
  owned.push("");
  owned.push("CDE");
  EXPECT_EQ(borrowed, owned);
  EXPECT_EQ(borrowed.at(2), "CDE");
  EXPECT_EQ(borrowed.all_bytes(), "ABCDE");
}

}  // namespace
}  // namespace fms
