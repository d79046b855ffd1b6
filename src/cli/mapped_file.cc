// mmap of input files, populated up front so parsing threads do not stall on page faults.
#include "cli/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fms::cli {

Result<MappedFile> MappedFile::open(const std::string& path, std::size_t limit_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::invalid(path + ": cannot open for reading: " + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error_number = errno;
    ::close(fd);
    return Error::invalid(path + ": cannot read: " + std::strerror(error_number));
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    return Error::invalid(path + ": not a regular file");
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > limit_bytes) {
    ::close(fd);
    return Error::invalid(path + ": file is " + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(limit_bytes));
  }
  if (size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0);
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  const int error_number = errno;
  ::close(fd);
  if (data == MAP_FAILED) {
    return Error::io(path + ": cannot map into memory: " + std::strerror(error_number));
  }
  return MappedFile(data, size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

}  // namespace fms::cli
