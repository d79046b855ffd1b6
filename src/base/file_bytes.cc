#include "base/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fms::base {
namespace {

// Closes the descriptor on every way out.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<FileBytes> FileBytes::read(const std::string& path, std::size_t limit_bytes) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    return Error::invalid(path + ": cannot open for reading: " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    return Error::invalid(path + ": cannot read: " + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) return Error::invalid(path + ": not a regular file");
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > limit_bytes) {
    return Error::invalid(path + ": file is " + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(limit_bytes));
  }
  // for_overwrite: the bytes are read over at once, so zeroing them first would be wasted.
  auto bytes = std::make_unique_for_overwrite<char[]>(size == 0 ? 1 : size);
  std::size_t read_so_far = 0;
  while (read_so_far < size) {
    const ssize_t n = ::read(file.fd, bytes.get() + read_so_far, size - read_so_far);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::io(path + ": cannot read: " + std::strerror(errno));
    }
    if (n == 0) {
      return Error::invalid(path + ": the file shrank from " + std::to_string(size) + " to " +
                            std::to_string(read_so_far) +
                            " bytes while it was read; nothing imported");
    }
    read_so_far += static_cast<std::size_t>(n);
  }
  char extra = 0;
  if (::read(file.fd, &extra, 1) > 0) {
    return Error::invalid(path + ": the file grew while it was read; nothing imported");
  }
  return FileBytes(std::move(bytes), size);
}

}  // namespace fms::base
