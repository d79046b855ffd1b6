// A whole input file mapped read-only into memory: bulk execution documents (hundreds of
// megabytes) are parsed in place instead of being copied into a string first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace fms::cli {

class MappedFile {
 public:
  // Refuses files larger than `limit_bytes` before mapping them.
  static Result<MappedFile> open(const std::string& path, std::size_t limit_bytes);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  [[nodiscard]] std::string_view text() const {
    return {static_cast<const char*>(data_), size_};
  }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;  // nullptr for an empty file
  std::size_t size_ = 0;
};

}  // namespace fms::cli
