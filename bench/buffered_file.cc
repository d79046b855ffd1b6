// BufferedFile: stdio underneath, with the first error remembered for close().
#include "buffered_file.h"

#include <cerrno>
#include <cstring>

namespace fms::bench {

BufferedFile::BufferedFile(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) error_ = path_ + ": cannot open for writing: " + std::strerror(errno);
  buffer_.reserve(kFlushBytes + 4096);
}

BufferedFile::~BufferedFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void BufferedFile::flush() {
  if (file_ != nullptr && error_.empty() && !buffer_.empty()) {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      error_ = path_ + ": write failed: " + std::strerror(errno);
    }
  }
  buffer_.clear();
}

Status BufferedFile::close() {
  flush();
  if (file_ != nullptr) {
    if (std::fclose(file_) != 0 && error_.empty()) {
      error_ = path_ + ": close failed: " + std::strerror(errno);
    }
    file_ = nullptr;
  }
  if (!error_.empty()) return Error::io(error_);
  return Status::Ok();
}

}  // namespace fms::bench
