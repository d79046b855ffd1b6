// Replays files through a fuzz target without libFuzzer, so an ordinary build (GCC, the
// sanitizer preset) runs every target's corpus and every crash ever found under CTest.
//
//   fuzz_<target> DIR... [--may-be-empty DIR...]
//
// Each file of each directory (names starting with '.' skipped, in name order) is copied into a
// buffer of exactly its size, so AddressSanitizer sees any read past its end, and passed to
// LLVMFuzzerTestOneInput. A directory that is missing is an error, and so is one before
// --may-be-empty that holds no file (a corpus must not silently vanish); the directories after
// it, such as fuzz/crashes/<target>, may be empty. A finding aborts the process, naming the file
// last started on standard error.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::vector<char>& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// Runs every file of `directory`; -1 when the directory cannot be read.
long replay_directory(const fs::path& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) return -1;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.empty() && name.front() != '.') {
      files.push_back(entry.path());
    }
  }
  if (error) return -1;
  std::sort(files.begin(), files.end());
  std::vector<char> bytes;
  for (const fs::path& file : files) {
    if (!read_file(file, bytes)) {
      std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
      return -1;
    }
    std::fprintf(stderr, "replay: %s\n", file.c_str());
    // Exactly the file's size: a read one byte past the input is a heap overflow.
    const auto input = std::make_unique<std::uint8_t[]>(std::max<std::size_t>(bytes.size(), 1));
    std::copy(bytes.begin(), bytes.end(), input.get());
    LLVMFuzzerTestOneInput(input.get(), bytes.size());
  }
  return static_cast<long>(files.size());
}

}  // namespace

int main(int argc, char** argv) {
  bool may_be_empty = false;
  long total = 0;
  int directories = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--may-be-empty") {
      may_be_empty = true;
      continue;
    }
    ++directories;
    const long count = replay_directory(argv[i]);
    if (count < 0) {
      std::fprintf(stderr, "replay: %s is not a readable directory\n", argv[i]);
      return 1;
    }
    if (count == 0 && !may_be_empty) {
      std::fprintf(stderr, "replay: %s holds no file to replay\n", argv[i]);
      return 1;
    }
    std::printf("replay: %ld files from %s\n", count, argv[i]);
    total += count;
  }
  if (directories == 0) {
    std::fprintf(stderr, "usage: %s DIR... [--may-be-empty DIR...]\n", argv[0]);
    return 2;
  }
  std::printf("replay: %ld files, no finding\n", total);
  return 0;
}
