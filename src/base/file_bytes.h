// A whole file read into memory, for the importers to parse in place: the one way fmsledger reads
// a file a user names.
//
// Read, not mapped: a mapped file that another process truncates while it is parsed kills the
// reader with SIGBUS, and an import must end in an error that names the file, never a signal.
// A file that shrinks or grows while it is read is refused; nothing is imported.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms::base {

class FileBytes {
 public:
  // Refuses files larger than `limit_bytes` before reading them.
  static Result<FileBytes> read(const std::string& path, std::size_t limit_bytes);

  [[nodiscard]] std::string_view text() const { return {bytes_.get(), size_}; }

 private:
  FileBytes(std::unique_ptr<char[]> bytes, std::size_t size)
      : bytes_(std::move(bytes)), size_(size) {}
  std::unique_ptr<char[]> bytes_;  // large blocks are huge-page backed (large_allocations.cc)
  std::size_t size_ = 0;
};

}  // namespace fms::base
