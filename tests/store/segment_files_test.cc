// The segment directory: durable, idempotent puts named by hash; reads and verification of
// stored bytes; and fault injection at every step of a put, which must leave no temporary file
// behind and no half-written segment under its final name.
#include "store/segment_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <random>

#include "store/segment_hash.h"
#include "store/segment_test_rows.h"

namespace fms::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

namespace fs = std::filesystem;

class SegmentFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("fms-segments-" + std::to_string(rd()));
    fs::create_directories(root_);
    directory_ = SegmentFiles::directory_for_database(root_ / "fmsledger.db");
    auto opened = SegmentFiles::open(directory_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    files_.emplace(std::move(opened).value());
    segment_ = encode_segment(test_rows::delivery_listing(200, 20));
  }
  void TearDown() override { fs::remove_all(root_); }

  std::vector<std::string> names_on_disk() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  static void overwrite_byte(const fs::path& path, std::streamoff offset, char value) {
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(offset);
    file.put(value);
  }

  fs::path root_;
  fs::path directory_;
  std::optional<SegmentFiles> files_;
  EncodedSegment segment_;
};

TEST(SegmentFilesPathTest, SegmentsLiveBesideTheDatabase) {
  EXPECT_EQ(SegmentFiles::directory_for_database("fmsledger.db"),
            fs::path("fmsledger.db.segments"));
  EXPECT_EQ(SegmentFiles::directory_for_database("/var/lib/fms/ledger.db"),
            fs::path("/var/lib/fms/ledger.db.segments"));
}

TEST_F(SegmentFilesTest, OpenCreatesAPrivateDirectory) {
  struct stat info {};
  ASSERT_EQ(::stat(directory_.c_str(), &info), 0);
  EXPECT_TRUE(S_ISDIR(info.st_mode));
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  EXPECT_TRUE(SegmentFiles::open(directory_).ok()) << "opening an existing store";
}

// A put killed before its rename leaves a temporary file; the next open removes it once its
// writer is gone, and keeps one whose writer still runs.
TEST_F(SegmentFilesTest, OpenRemovesTheTemporaryFilesOfWritersThatAreGone) {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);  // a process id nobody holds now
  const std::string hash(64, 'a');
  const fs::path stray =
      directory_ / (hash + std::string(kSegmentTemporaryInfix) + std::to_string(child) + "-0");
  const fs::path live =
      directory_ / (hash + std::string(kSegmentTemporaryInfix) + std::to_string(::getpid()) + "-7");
  std::ofstream(stray) << "half a segment";
  std::ofstream(live) << "being written";
  ASSERT_TRUE(SegmentFiles::open(directory_).ok());
  EXPECT_FALSE(fs::exists(stray));
  EXPECT_TRUE(fs::exists(live));
}

TEST_F(SegmentFilesTest, OpenRefusesAFileAndAMissingParent) {
  const fs::path file = root_ / "plain-file";
  std::ofstream(file) << "x";
  const auto on_file = SegmentFiles::open(file);
  ASSERT_FALSE(on_file.ok());
  EXPECT_THAT(on_file.error().message, HasSubstr("is not a directory"));

  const fs::path orphan = root_ / "missing" / "db.segments";
  const auto no_parent = SegmentFiles::open(orphan);
  ASSERT_FALSE(no_parent.ok());
  EXPECT_EQ(no_parent.error().kind, ErrorKind::io);
  EXPECT_THAT(no_parent.error().message, HasSubstr(orphan.string()));
  EXPECT_THAT(no_parent.error().message, HasSubstr("No such file or directory"));
}

TEST_F(SegmentFilesTest, PutStoresTheBytesUnderTheirHash) {
  ASSERT_TRUE(files_->put(segment_).ok());
  EXPECT_THAT(names_on_disk(), ElementsAre(segment_.hash + ".seg"));
  struct stat info {};
  ASSERT_EQ(::stat(files_->path_of(segment_.hash).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0400u) << "stored segments are read-only";

  const auto bytes = files_->read(segment_.hash);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, segment_.bytes);
  EXPECT_TRUE(files_->verify(segment_.hash).ok());
}

TEST_F(SegmentFilesTest, MappedSegmentsDecodeToColumnsBorrowedFromTheFile) {
  ASSERT_TRUE(files_->put(segment_).ok());
  auto mapped = files_->map(segment_.hash);
  ASSERT_TRUE(mapped.ok()) << mapped.error().message;
  EXPECT_EQ(mapped->view, segment_.bytes);
  const char* const mapping = mapped->view.data();
  const std::size_t length = mapped->view.size();

  auto rows = decode_delivery_segment(std::move(mapped).value());
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  // The rows outlive the SharedBytes they came from, and read the mapping in place.
  EXPECT_EQ(*rows, test_rows::delivery_listing(200, 20));
  EXPECT_TRUE(rows->quantity.is_borrowed());
  EXPECT_TRUE(rows->document_number.bytes.is_borrowed());
  EXPECT_GE(reinterpret_cast<std::uintptr_t>(rows->quantity.data()),
            reinterpret_cast<std::uintptr_t>(mapping));
  EXPECT_LT(reinterpret_cast<std::uintptr_t>(rows->quantity.data()),
            reinterpret_cast<std::uintptr_t>(mapping + length));

  const auto missing = files_->map(std::string(64, 'a'));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(files_->map("not-a-hash").ok());
}

TEST_F(SegmentFilesTest, BytesAtAnOddAddressAreCopiedBeforeBorrowing) {
  std::string shifted = " " + segment_.bytes;
  const std::string_view odd = std::string_view(shifted).substr(1);
  auto rows = decode_delivery_segment(SharedBytes{odd, nullptr});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, test_rows::delivery_listing(200, 20));
  EXPECT_TRUE(rows->quantity.is_borrowed());
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(rows->quantity.data()) % alignof(std::int32_t), 0u);
  shifted.assign(shifted.size(), 'x');  // the rows hold their own copy
  EXPECT_EQ(*rows, test_rows::delivery_listing(200, 20));
}

TEST_F(SegmentFilesTest, PutOfAStoredSegmentIsANoOp) {
  ASSERT_TRUE(files_->put(segment_).ok());
  struct stat before {};
  ASSERT_EQ(::stat(files_->path_of(segment_.hash).c_str(), &before), 0);
  ASSERT_TRUE(files_->put(segment_).ok());
  ASSERT_TRUE(files_->put(segment_.hash, segment_.bytes).ok());
  struct stat after {};
  ASSERT_EQ(::stat(files_->path_of(segment_.hash).c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino) << "the stored file was replaced";
  EXPECT_THAT(names_on_disk(), ElementsAre(segment_.hash + ".seg"));
}

TEST_F(SegmentFilesTest, PutRefusesToReplaceAStoredFileOfTheWrongSize) {
  const fs::path path = files_->path_of(segment_.hash);
  std::ofstream(path, std::ios::binary) << "short";
  const Status status = files_->put(segment_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::corruption);
  EXPECT_THAT(status.error().message, HasSubstr(path.string() + " already exists with 5 bytes"));
  EXPECT_EQ(fs::file_size(path), 5u) << "the stored file must not be modified";
}

TEST_F(SegmentFilesTest, PutRefusesBadNamesAndBytesThatAreNotASegment) {
  const Status traversal = files_->put("../../etc/passwd", segment_.bytes);
  ASSERT_FALSE(traversal.ok());
  EXPECT_EQ(traversal.error().kind, ErrorKind::invalid_input);
  std::string upper = segment_.hash;
  upper[0] = 'A';
  EXPECT_FALSE(files_->put(upper, segment_.bytes).ok());

  const Status garbage = files_->put(segment_.hash, "not a segment");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(garbage.error().message, HasSubstr("its bytes are not a segment"));
  EXPECT_THAT(names_on_disk(), IsEmpty());
}

TEST_F(SegmentFilesTest, ReadOfAnAbsentSegmentIsNotFound) {
  const auto missing = files_->read(segment_.hash);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_THAT(missing.error().message, HasSubstr(segment_.hash));
  EXPECT_EQ(files_->verify(segment_.hash).error().kind, ErrorKind::not_found);
  EXPECT_EQ(files_->read("..").error().kind, ErrorKind::invalid_input);
}

TEST_F(SegmentFilesTest, VerifyNamesAFileWhoseBytesWereAltered) {
  ASSERT_TRUE(files_->put(segment_).ok());
  const fs::path path = files_->path_of(segment_.hash);
  const auto offset = static_cast<std::streamoff>(segment_.bytes.size() - 3);
  overwrite_byte(path, offset, static_cast<char>(segment_.bytes[segment_.bytes.size() - 3] ^ 1));

  const auto bytes = files_->read(segment_.hash);
  ASSERT_TRUE(bytes.ok()) << "read returns the bytes as stored; verify judges them";
  EXPECT_NE(*bytes, segment_.bytes);
  const Status status = files_->verify(segment_.hash);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::corruption);
  EXPECT_THAT(status.error().message, HasSubstr(path.string() + ": its bytes hash to"));
}

TEST_F(SegmentFilesTest, VerifyNamesATruncatedFile) {
  ASSERT_TRUE(files_->put(segment_).ok());
  const fs::path path = files_->path_of(segment_.hash);
  fs::resize_file(path, segment_.bytes.size() - 1);
  const Status status = files_->verify(segment_.hash);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::corruption);
  EXPECT_THAT(status.error().message, HasSubstr("truncated"));
}

TEST_F(SegmentFilesTest, ListGivesStoredHashesSortedAndIgnoresOtherFiles) {
  const EncodedSegment receipts = encode_segment(test_rows::receipts(10));
  const EncodedSegment empty = encode_segment(DeliveryListing{});
  ASSERT_TRUE(files_->put(segment_).ok());
  ASSERT_TRUE(files_->put(receipts).ok());
  ASSERT_TRUE(files_->put(empty).ok());
  std::ofstream(directory_ / (segment_.hash + ".seg.tmp-1-0")) << "left by a crash";
  std::ofstream(directory_ / "notes.txt") << "foreign";
  std::ofstream(directory_ / (std::string(64, 'A') + ".seg")) << "not a hash name";

  std::vector<std::string> expected{segment_.hash, receipts.hash, empty.hash};
  std::sort(expected.begin(), expected.end());
  const auto listed = files_->list();
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  EXPECT_EQ(*listed, expected);
}

TEST_F(SegmentFilesTest, ShortWritesAreContinued) {
  files_->TEST_limit_write_bytes(7);
  ASSERT_TRUE(files_->put(segment_).ok());
  EXPECT_EQ(*files_->read(segment_.hash), segment_.bytes);
}

TEST_F(SegmentFilesTest, AnInterruptedWriteIsRetried) {
  files_->TEST_limit_write_bytes(100);
  files_->TEST_fail_put_at(SegmentFiles::PutStep::write, EINTR, 2);
  ASSERT_TRUE(files_->put(segment_).ok());
  EXPECT_EQ(*files_->read(segment_.hash), segment_.bytes);
  EXPECT_TRUE(files_->verify(segment_.hash).ok());
}

struct FailedStep {
  const char* name;  // names the CTest case
  SegmentFiles::PutStep step;
  int error_number;
  int successes_before;
  const char* message;
};

class SegmentFilesFaultTest : public SegmentFilesTest,
                              public ::testing::WithParamInterface<FailedStep> {};

TEST_P(SegmentFilesFaultTest, AFailedPutLeavesNothingBehind) {
  const FailedStep& fault = GetParam();
  files_->TEST_limit_write_bytes(100);  // several write calls, so a failure can come midway
  files_->TEST_fail_put_at(fault.step, fault.error_number, fault.successes_before);
  const Status status = files_->put(segment_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::io);
  EXPECT_THAT(status.error().message, HasSubstr(fault.message));
  EXPECT_THAT(status.error().message, HasSubstr(directory_.string() + "/" + segment_.hash));
  EXPECT_THAT(names_on_disk(), IsEmpty()) << "no temporary file and no segment may remain";
  EXPECT_EQ(files_->read(segment_.hash).error().kind, ErrorKind::not_found);

  ASSERT_TRUE(files_->put(segment_).ok()) << "the store works again once the fault is gone";
  EXPECT_TRUE(files_->verify(segment_.hash).ok());
}

INSTANTIATE_TEST_SUITE_P(
    EveryStepBeforeTheRename, SegmentFilesFaultTest,
    ::testing::Values(
        FailedStep{"CreateDenied", SegmentFiles::PutStep::create_temporary, EACCES, 0,
                   "Permission denied"},
        FailedStep{"FirstWriteOutOfSpace", SegmentFiles::PutStep::write, ENOSPC, 0,
                   "No space left on device"},
        FailedStep{"FourthWriteFails", SegmentFiles::PutStep::write, EIO, 3, "writing"},
        FailedStep{"SyncFails", SegmentFiles::PutStep::sync_file, EIO, 0, "syncing"},
        FailedStep{"CloseFails", SegmentFiles::PutStep::close_file, EIO, 0, "closing"},
        FailedStep{"RenameFails", SegmentFiles::PutStep::rename, EXDEV, 0,
                   "Invalid cross-device link"}),
    [](const ::testing::TestParamInfo<FailedStep>& step) { return std::string(step.param.name); });

TEST_F(SegmentFilesTest, AFailedDirectorySyncIsReportedWithTheSegmentInPlace) {
  files_->TEST_fail_put_at(SegmentFiles::PutStep::sync_directory, EIO, 0);
  const Status status = files_->put(segment_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().kind, ErrorKind::io);
  EXPECT_THAT(status.error().message,
              HasSubstr("syncing directory " + directory_.string() + ": Input/output error"));
  // The rename happened: the complete segment is there, only its durability is in doubt;
  // putting it again syncs the directory and succeeds.
  EXPECT_THAT(names_on_disk(), ElementsAre(segment_.hash + ".seg"));
  EXPECT_TRUE(files_->verify(segment_.hash).ok());
  EXPECT_TRUE(files_->put(segment_).ok());
}

}  // namespace
}  // namespace fms::store
