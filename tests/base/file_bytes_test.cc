// A file a user names is read whole or refused with its name: missing, too large, not a file.
#include "base/file_bytes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/short_hash.h"

namespace fms::base {
namespace {

class FileBytesTest : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("fms-file-bytes-" + std::to_string(::getpid()));
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
};

TEST_F(FileBytesTest, ReadsTheWholeFile) {
  const std::string bytes = std::string("a,b\n1,2\n") + std::string(1, '\0') + "tail";
  auto file = FileBytes::read(write("in.csv", bytes), 1000);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->text(), bytes);
  auto empty = FileBytes::read(write("empty.csv", ""), 1000);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->text(), "");
}

TEST_F(FileBytesTest, RefusesWhatItCannotReadNamingThePath) {
  const std::string large = write("large.csv", std::string(11, 'x'));
  auto too_large = FileBytes::read(large, 10);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().message, large + ": file is 11 bytes; the limit is 10");
  auto missing = FileBytes::read((dir_ / "missing.csv").string(), 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("missing.csv: cannot open for reading"),
            std::string::npos);
  auto folder = FileBytes::read(dir_.string(), 10);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message, dir_.string() + ": not a regular file");
}

TEST(ShortHash, IsTheFirstTwelveDigits) {
  EXPECT_EQ(short_hash("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            "0123456789ab");
  EXPECT_EQ(short_hash("abc"), "abc");
}

}  // namespace
}  // namespace fms::base
