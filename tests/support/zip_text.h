// The text of every file in a zip archive (an .xlsx workbook), inflated and joined, so a test
// can search a workbook's cells and sheet names as it searches a JSON or CSV answer. Reads the
// central directory (sizes there are always right, whatever the local headers say); stored and
// deflated entries only, which is what .xlsx writers use.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace fms::test_support {

inline std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

// nullopt when `archive` is not a zip this reader understands.
inline std::optional<std::string> zip_text(std::string_view archive) {
  constexpr std::uint32_t kEnd = 0x06054b50;
  constexpr std::uint32_t kCentral = 0x02014b50;
  if (archive.size() < 22) return std::nullopt;
  std::size_t end = archive.size() - 22;
  while (little_endian(archive, end, 4) != kEnd) {
    if (end == 0) return std::nullopt;
    --end;
  }
  const std::uint32_t entries = little_endian(archive, end + 10, 2);
  std::size_t at = little_endian(archive, end + 16, 4);
  std::string text;
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (at + 46 > archive.size() || little_endian(archive, at, 4) != kCentral) return std::nullopt;
    const std::uint32_t method = little_endian(archive, at + 10, 2);
    const std::uint32_t compressed = little_endian(archive, at + 20, 4);
    const std::uint32_t size = little_endian(archive, at + 24, 4);
    const std::uint32_t name_length = little_endian(archive, at + 28, 2);
    const std::uint32_t extra_length = little_endian(archive, at + 30, 2);
    const std::uint32_t comment_length = little_endian(archive, at + 32, 2);
    const std::uint32_t local = little_endian(archive, at + 42, 4);
    at += 46 + name_length + extra_length + comment_length;
    if (local + 30 > archive.size()) return std::nullopt;
    const std::size_t data =
        local + 30 + little_endian(archive, local + 26, 2) + little_endian(archive, local + 28, 2);
    if (data + compressed > archive.size()) return std::nullopt;
    const std::string_view stored = archive.substr(data, compressed);
    if (method == 0) {
      text.append(stored);
      continue;
    }
    if (method != 8) return std::nullopt;
    std::string out(size, '\0');
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
    stream.avail_in = static_cast<uInt>(stored.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    if (result != Z_STREAM_END) return std::nullopt;
    text += out;
    text += '\n';
  }
  return text;
}

}  // namespace fms::test_support
