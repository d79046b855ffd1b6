// Runs the built fmsledger binary as a user would, against a temporary database, and captures
// its exit code, standard output and standard error.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fms::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void write_all(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("fmsledger-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class Cli {
 public:
  explicit Cli(std::filesystem::path db) : db_(std::move(db)) {}

  [[nodiscard]] const std::filesystem::path& db() const { return db_; }

  CliRun operator()(const std::vector<std::string>& args) const { return run(args, nullptr); }

  // The same with `input` as standard input (a file, so never a terminal).
  CliRun with_input(const std::string& input, const std::vector<std::string>& args) const {
    return run(args, &input);
  }

  // Runs SQL through the sqlite3 shell (used to tamper with a database on purpose).
  [[nodiscard]] int sql(const std::string& statements) const {
    const std::string command = "sqlite3 " + shell_quote(db_.string()) + " " + shell_quote(statements);
    return std::system(command.c_str());
  }

  // `sqlite3 DB .dump`: the whole database content as SQL text.
  [[nodiscard]] std::string dump() const {
    const auto path = db_.parent_path() / "dump.sql";
    const std::string command =
        "sqlite3 " + shell_quote(db_.string()) + " .dump >" + shell_quote(path.string());
    if (std::system(command.c_str()) != 0) return "<dump failed>";
    return read_all(path);
  }

 private:
  CliRun run(const std::vector<std::string>& args, const std::string* input) const {
    const auto dir = db_.parent_path();
    const auto out_path = dir / "stdout.txt";
    const auto err_path = dir / "stderr.txt";
    std::string command = "FMSLEDGER_NOW=2026-11-25T12:00:00Z " + shell_quote(FMSLEDGER_BINARY) +
                          " --db " + shell_quote(db_.string()) + " --actor tester";
    for (const auto& arg : args) command += " " + shell_quote(arg);
    if (input != nullptr) {
      const auto in_path = dir / "stdin.txt";
      write_all(in_path, *input);
      command += " <" + shell_quote(in_path.string());
    }
    command += " >" + shell_quote(out_path.string()) + " 2>" + shell_quote(err_path.string());
    const int status = std::system(command.c_str());
    CliRun result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_all(out_path);
    result.err = read_all(err_path);
    return result;
  }

  std::filesystem::path db_;
};

inline std::string example_path(const std::string& relative) {
  return std::string(FMSLEDGER_SOURCE_DIR) + "/examples/" + relative;
}

}  // namespace fms::testing
