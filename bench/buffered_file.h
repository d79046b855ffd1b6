// An output file written through one large buffer: the generator writes hundreds of megabytes
// of small fields, so each field is appended to memory and the buffer goes to disk in big
// blocks. Errors (cannot open, disk full) are kept and reported by close().
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms::bench {

class BufferedFile {
 public:
  explicit BufferedFile(std::string path);
  ~BufferedFile();
  BufferedFile(const BufferedFile&) = delete;
  BufferedFile& operator=(const BufferedFile&) = delete;

  void append(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kFlushBytes) flush();
  }
  void append(char c) { buffer_.push_back(c); }
  void append_int(std::int64_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    buffer_.append(digits, result.ptr);
  }
  // USD cents as "1234.50".
  void append_cents(std::int64_t cents) {
    append_int(cents / 100);
    const auto fraction = static_cast<int>(cents % 100);
    buffer_.push_back('.');
    buffer_.push_back(static_cast<char>('0' + fraction / 10));
    buffer_.push_back(static_cast<char>('0' + fraction % 10));
  }

  // Writes what is buffered and closes the file; the first error met, if any.
  Status close();

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
  void flush();

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::string error_;
};

}  // namespace fms::bench
