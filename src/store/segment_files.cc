// The segment directory on POSIX file descriptors: exclusive temporary files, full writes,
// fdatasync, atomic rename and a directory fsync (see segment_files.h for the protocol).
#include "store/segment_files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <system_error>

#include "base/huge_pages.h"
#include "store/segment_hash.h"
#include "store/segment_layout.h"

namespace fms::store {
namespace {

constexpr mode_t kDirectoryMode = 0700;
constexpr mode_t kSegmentFileMode = 0400;  // segments are never written after they are stored

// Distinguishes the temporary files of concurrent puts within one process.
std::atomic<std::uint64_t> temporary_counter{0};

std::string reason(int error_number) {
  return std::generic_category().message(error_number);
}

Error io_error(std::string_view action, const std::filesystem::path& path, int error_number) {
  return Error::io("segment store: " + std::string(action) + " " + path.string() + ": " +
                   reason(error_number));
}

Error bad_hash(std::string_view hash) {
  // Built by appending: GCC 12 at -O3 misreports `"\"" + std::string` (PR105329, -Wrestrict).
  std::string message = "\"";
  message += hash;
  message += "\" is not a segment hash (64 lower-case hex digits)";
  return Error::invalid(std::move(message));
}

// Opens, retrying when a signal interrupts the call.
int open_retrying(const char* path, int flags, mode_t mode = 0) {
  int fd = -1;
  do {
    fd = ::open(path, flags, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

Status fsync_directory(const std::filesystem::path& directory) {
  const int fd = open_retrying(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error("opening directory", directory, errno);
  const int synced = ::fsync(fd);
  const int sync_errno = errno;
  ::close(fd);
  if (synced != 0) return io_error("syncing directory", directory, sync_errno);
  return Status::Ok();
}

bool is_segment_file_name(const std::string& name) {
  return name.size() == kSegmentHashHexChars + kSegmentFileSuffix.size() &&
         name.ends_with(kSegmentFileSuffix) &&
         is_segment_hash(std::string_view(name).substr(0, kSegmentHashHexChars));
}

}  // namespace

namespace {

// A put that was killed between creating its temporary file and renaming it leaves the file
// behind (it can be large). Its name carries the writer's process id: once that process is
// gone, nobody will finish it. Temporaries of live processes (another writer now) are kept.
void remove_stray_temporaries(const std::filesystem::path& directory) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    const std::size_t infix = name.find(kSegmentTemporaryInfix);
    if (infix == std::string::npos) continue;
    const std::string rest = name.substr(infix + kSegmentTemporaryInfix.size());
    const std::string digits = rest.substr(0, rest.find('-'));
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const auto pid = static_cast<pid_t>(std::stol(digits));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) ::unlink(entry.path().c_str());
  }
}

}  // namespace

Result<SegmentFiles> SegmentFiles::open(std::filesystem::path directory) {
  struct stat info {};
  if (::stat(directory.c_str(), &info) == 0) {
    if (!S_ISDIR(info.st_mode)) {
      return Error::io("segment store: " + directory.string() +
                       " exists but is not a directory; move it away or choose another database");
    }
    remove_stray_temporaries(directory);
    return SegmentFiles(std::move(directory));
  }
  if (errno != ENOENT) return io_error("checking", directory, errno);
  if (::mkdir(directory.c_str(), kDirectoryMode) != 0 && errno != EEXIST) {
    return io_error("creating directory", directory, errno);
  }
  // The new directory's own name must be durable before any segment is stored in it.
  std::filesystem::path parent = directory.parent_path();
  if (parent.empty()) parent = ".";
  FMS_TRY(fsync_directory(parent));
  return SegmentFiles(std::move(directory));
}

std::filesystem::path SegmentFiles::directory_for_database(const std::filesystem::path& database) {
  std::filesystem::path directory = database;
  directory += ".segments";
  return directory;
}

std::filesystem::path SegmentFiles::path_of(std::string_view hash) const {
  std::string name(hash);
  name += kSegmentFileSuffix;
  return directory_ / name;
}

void SegmentFiles::TEST_fail_put_at(PutStep step, int error_number, int successes_before) {
  fail_step_ = step;
  fail_errno_ = error_number;
  fail_successes_before_ = successes_before;
}

bool SegmentFiles::injected_failure(PutStep step) {
  if (!fail_step_ || *fail_step_ != step) return false;
  if (fail_successes_before_ > 0) {
    --fail_successes_before_;
    return false;
  }
  fail_step_.reset();
  errno = fail_errno_;
  return true;
}

Status SegmentFiles::put(const EncodedSegment& segment) {
  return put(segment.hash, segment.bytes);
}

Status SegmentFiles::put(std::string_view hash, std::string_view bytes) {
  if (!is_segment_hash(hash)) return bad_hash(hash);
  if (auto frame = parse_segment_layout(bytes); !frame.ok()) {
    return Error::invalid("refusing to store segment " + std::string(hash) +
                          ", its bytes are not a segment: " + frame.error().message);
  }
  const std::filesystem::path final_path = path_of(hash);

  struct stat info {};
  if (::lstat(final_path.c_str(), &info) == 0) {
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) == bytes.size()) {
      // Content-addressed: same name, same bytes. The directory is synced anyway, because the
      // put that stored the file may have failed (or crashed) before syncing it.
      return sync_directory();
    }
    return Error::corruption("segment store: " + final_path.string() + " already exists with " +
                             std::to_string(info.st_size) + " bytes, but segment " +
                             std::string(hash) + " has " + std::to_string(bytes.size()) +
                             "; the stored file is damaged and must be restored from a backup");
  }
  if (errno != ENOENT) return io_error("checking", final_path, errno);

  const std::filesystem::path temporary =
      directory_ / (std::string(hash) + std::string(kSegmentTemporaryInfix) +
                    std::to_string(::getpid()) + "-" + std::to_string(temporary_counter++));
  FMS_TRY(write_temporary(temporary, bytes));

  int renamed = -1;
  if (!injected_failure(PutStep::rename)) renamed = ::rename(temporary.c_str(), final_path.c_str());
  if (renamed != 0) {
    const int rename_errno = errno;
    ::unlink(temporary.c_str());
    return io_error("renaming " + temporary.string() + " to", final_path, rename_errno);
  }
  return sync_directory();
}

// Creates, fills, syncs and closes the temporary file; removes it again on any failure.
Status SegmentFiles::write_temporary(const std::filesystem::path& temporary,
                                     std::string_view bytes) {
  int fd = -1;
  if (!injected_failure(PutStep::create_temporary)) {
    fd =
        open_retrying(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kSegmentFileMode);
  }
  if (fd < 0) return io_error("creating", temporary, errno);

  Status status = write_all(fd, temporary, bytes);
  if (status.ok()) {
    int synced = -1;
    if (!injected_failure(PutStep::sync_file)) synced = ::fdatasync(fd);
    if (synced != 0) status = io_error("syncing", temporary, errno);
  }
  // close() is not retried: on Linux the descriptor is released even when it reports EINTR.
  int closed = -1;
  if (injected_failure(PutStep::close_file)) {
    ::close(fd);
  } else {
    closed = ::close(fd);
  }
  if (closed != 0 && status.ok()) status = io_error("closing", temporary, errno);
  if (!status.ok()) ::unlink(temporary.c_str());
  return status;
}

Status SegmentFiles::write_all(int fd, const std::filesystem::path& path, std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t chunk = std::min(bytes.size(), write_chunk_bytes_);
    ssize_t written = -1;
    if (!injected_failure(PutStep::write)) written = ::write(fd, bytes.data(), chunk);
    if (written < 0) {
      if (errno == EINTR) continue;
      return io_error("writing", path, errno);
    }
    if (written == 0) return io_error("writing", path, EIO);  // no progress: never loop forever
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return Status::Ok();
}

Status SegmentFiles::sync_directory() {
  if (injected_failure(PutStep::sync_directory)) {
    return io_error("syncing directory", directory_, errno);
  }
  return fsync_directory(directory_);
}

Result<SegmentFiles::OpenSegment> SegmentFiles::open_segment(std::string_view hash) const {
  if (!is_segment_hash(hash)) return bad_hash(hash);
  OpenSegment segment;
  segment.path = path_of(hash);
  segment.fd = open_retrying(segment.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (segment.fd < 0) {
    if (errno == ENOENT) {
      return Error::not_found("segment " + std::string(hash) + " is not stored in " +
                              directory_.string());
    }
    return io_error("opening", segment.path, errno);
  }
  struct stat info {};
  if (::fstat(segment.fd, &info) != 0) return io_error("inspecting", segment.path, errno);
  if (!S_ISREG(info.st_mode)) {
    return Error::corruption("segment store: " + segment.path.string() + " is not a regular file");
  }
  segment.size = static_cast<std::uint64_t>(info.st_size);
  if (segment.size > kMaxSegmentBytes) {
    return Error::corruption("segment store: " + segment.path.string() + " has " +
                             std::to_string(segment.size) + " bytes, over the segment limit of " +
                             std::to_string(kMaxSegmentBytes));
  }
  return segment;
}

SegmentFiles::OpenSegment::~OpenSegment() {
  if (fd >= 0) ::close(fd);
}

Result<std::string> SegmentFiles::read(std::string_view hash) const {
  FMS_ASSIGN_OR_RETURN(const OpenSegment segment, open_segment(hash));
  std::string bytes;
  base::reserve_large(bytes, static_cast<std::size_t>(segment.size));
  bytes.resize(static_cast<std::size_t>(segment.size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const std::size_t chunk = std::min(bytes.size() - done, kSegmentWriteChunkBytes);
    const ssize_t got = ::read(segment.fd, bytes.data() + done, chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      return io_error("reading", segment.path, errno);
    }
    if (got == 0) {
      return Error::corruption("segment store: " + segment.path.string() + " ended after " +
                               std::to_string(done) + " of " + std::to_string(segment.size) +
                               " bytes");
    }
    done += static_cast<std::size_t>(got);
  }
  return bytes;
}

Result<SharedBytes> SegmentFiles::map(std::string_view hash) const {
  FMS_ASSIGN_OR_RETURN(const OpenSegment segment, open_segment(hash));
  if (segment.size == 0) return SharedBytes::take(std::string());
  const auto size = static_cast<std::size_t>(segment.size);
  // MAP_POPULATE maps every page in one call: a reconciliation reads all of them, and a fault
  // per 4 KiB page costs far more.
  void* address = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, segment.fd, 0);
  if (address == MAP_FAILED) return io_error("mapping", segment.path, errno);
  std::shared_ptr<const void> keeper(
      address, [size](const void* mapped) { ::munmap(const_cast<void*>(mapped), size); });
  return SharedBytes{std::string_view(static_cast<const char*>(address), size), std::move(keeper)};
}

Status SegmentFiles::verify(std::string_view hash) const {
  FMS_ASSIGN_OR_RETURN(const std::string bytes, read(hash));
  const std::filesystem::path path = path_of(hash);
  Result<std::string> actual = segment_hash(bytes);
  if (!actual.ok()) return Error::corruption(path.string() + ": " + actual.error().message);
  if (*actual != hash) {
    return Error::corruption(path.string() + ": its bytes hash to " + *actual +
                             ", not to its name; the file was altered after it was stored");
  }
  return Status::Ok();
}

Result<std::vector<std::string>> SegmentFiles::list() const {
  std::error_code error;
  std::filesystem::directory_iterator entries(directory_, error);
  if (error) return io_error("listing", directory_, error.value());
  std::vector<std::string> hashes;
  // Stepped with an error code: the iterator's operator++ would throw.
  for (; entries != std::filesystem::directory_iterator(); entries.increment(error)) {
    if (error) break;
    std::string name = entries->path().filename().string();
    if (is_segment_file_name(name)) {
      name.resize(kSegmentHashHexChars);
      hashes.push_back(std::move(name));
    }
  }
  if (error) return io_error("listing", directory_, error.value());
  std::sort(hashes.begin(), hashes.end());
  return hashes;
}

}  // namespace fms::store
