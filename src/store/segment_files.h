// The segment store: one directory of immutable files, each named by the hash of its bytes.
//
// Segments are too large for SQLite rows (committing 100 MB as a blob measured 1.3 s, reading it
// back 0.6 s), so they live as plain files in a directory beside the database
// ("fmsledger.db" -> "fmsledger.db.segments"). The event log stays the source of truth: it names
// each segment by its hash, and a segment is stored durably before the event naming it is
// appended, so the log never refers to a segment that is missing.
//
// Durability protocol of put (docs/formats/segment.md, "Storing a segment"):
//   1. if "<hash>.seg" exists with the right size, only step 5 remains;
//   2. write every byte to "<hash>.seg.tmp-<pid>-<counter>" (created exclusively, mode 0400);
//   3. fdatasync and close it;
//   4. rename it to "<hash>.seg" — atomic, so a reader sees all of the segment or none of it;
//   5. fsync the directory, so the new name survives a power loss.
// On any failure before the rename the temporary file is removed and the error names the path
// and the system's reason. A crash can still leave a temporary file behind; list() ignores such
// files, and they may be deleted whenever no writer is running.
//
// A stored file is never modified. read() returns the bytes as they are; verify() recomputes
// the hash and reports a file whose bytes no longer match its name.
//
// Thread-compatible: const members may run concurrently; put() needs exclusive access to this
// object (other processes may put into the same directory at the same time).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "core/shared_bytes.h"
#include "store/segment_codec.h"

namespace fms::store {

// One write() call passes at most this many bytes (Linux moves at most 2 GiB - 4 KiB per call).
inline constexpr std::size_t kSegmentWriteChunkBytes = std::size_t{1} << 30;  // 1 GiB
inline constexpr std::string_view kSegmentFileSuffix = ".seg";
inline constexpr std::string_view kSegmentTemporaryInfix = ".seg.tmp-";

class SegmentFiles {
 public:
  // Opens the store in `directory`, creating the directory (mode 0700) if it is missing; its
  // parent must exist.
  static Result<SegmentFiles> open(std::filesystem::path directory);

  // "<database>.segments": where the segments of a database live.
  static std::filesystem::path directory_for_database(const std::filesystem::path& database);

  // Stores the segment durably (see the protocol above); storing a hash already present is a
  // no-op. `hash` must be the segment's hash (segment_hash.h) — it is not recomputed here, the
  // writer being the encoder that just computed it — and `bytes` must have a well-formed frame.
  Status put(const EncodedSegment& segment);
  Status put(std::string_view hash, std::string_view bytes);

  // The stored bytes, unchecked (verify checks); not_found if the segment is absent.
  Result<std::string> read(std::string_view hash) const;
  // The same bytes mapped read-only in place of a copy: columns decoded from them borrow the
  // page cache's memory, so a reconciliation fills no fresh memory with rows it only reads.
  // The mapping lives as long as the keeper; a stored file is never written or truncated, and
  // removing it leaves existing mappings valid.
  Result<SharedBytes> map(std::string_view hash) const;

  // Recomputes the hash of the stored bytes: corruption if they are malformed or no longer hash
  // to their name, not_found if absent.
  Status verify(std::string_view hash) const;

  // The hashes of the stored segments, sorted; temporary and foreign files are ignored.
  Result<std::vector<std::string>> list() const;

  const std::filesystem::path& directory() const { return directory_; }
  std::filesystem::path path_of(std::string_view hash) const;  // "<directory>/<hash>.seg"

  // Test seams: make one step of the next put() fail, to prove a failed put leaves nothing
  // behind. The step succeeds `successes_before` times, then fails once with `error_number`.
  enum class PutStep { create_temporary, write, sync_file, close_file, rename, sync_directory };
  void TEST_fail_put_at(PutStep step, int error_number, int successes_before = 0);
  // Makes each write() call pass at most `bytes` bytes, to exercise the short-write loop.
  void TEST_limit_write_bytes(std::size_t bytes) { write_chunk_bytes_ = bytes; }

 private:
  explicit SegmentFiles(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // A stored segment opened for reading; closes its descriptor when destroyed.
  struct OpenSegment {
    int fd = -1;
    std::filesystem::path path;
    std::uint64_t size = 0;
    OpenSegment() = default;
    OpenSegment(OpenSegment&& other) noexcept
        : fd(std::exchange(other.fd, -1)), path(std::move(other.path)), size(other.size) {}
    OpenSegment& operator=(OpenSegment&&) = delete;
    ~OpenSegment();
  };
  Result<OpenSegment> open_segment(std::string_view hash) const;

  // Whether the test seam fails `step` now; sets errno when it does.
  bool injected_failure(PutStep step);
  Status write_temporary(const std::filesystem::path& temporary, std::string_view bytes);
  Status write_all(int fd, const std::filesystem::path& path, std::string_view bytes);
  Status sync_directory();

  // Constant after construction.
  std::filesystem::path directory_;

  // Test seams, unset in production.
  std::optional<PutStep> fail_step_;
  int fail_errno_ = 0;
  int fail_successes_before_ = 0;
  std::size_t write_chunk_bytes_ = kSegmentWriteChunkBytes;
};

}  // namespace fms::store
