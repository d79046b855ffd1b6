// Runs an external program from a test with a time limit: its own process group (so a program
// that starts helpers, as LibreOffice does, is killed whole on time-out), an environment the test
// chooses, and its output captured to a file for the failure message. No shell is involved.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fms::test_support {

struct ProcessRun {
  bool started = false;
  bool timed_out = false;
  int exit_code = -1;  // -1 unless the program exited normally
  std::string output;  // stdout and stderr, interleaved
};

// The full path of `program` found on PATH, if it is there and executable.
inline std::optional<std::filesystem::path> find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::stringstream directories(path);
  std::string directory;
  while (std::getline(directories, directory, ':')) {
    if (directory.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(directory) / program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// This process's environment with `removed` variables dropped and `set` ones ("NAME=value")
// added or replaced.
inline std::vector<std::string> environment_with(const std::vector<std::string>& removed,
                                                 const std::vector<std::string>& set) {
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  std::vector<std::string> result;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text(*entry);
    bool drop = false;
    for (const auto& name : removed) drop = drop || name_of(text) == name;
    for (const auto& replacement : set) drop = drop || name_of(text) == name_of(replacement);
    if (!drop) result.push_back(text);
  }
  result.insert(result.end(), set.begin(), set.end());
  return result;
}

// Runs `argv` (argv[0] a full path) with `environment`, writing its output to `log_path`, and
// kills its process group if it is still running after `limit`.
inline ProcessRun run_with_time_limit(const std::vector<std::string>& argv,
                                      const std::vector<std::string>& environment,
                                      const std::filesystem::path& log_path,
                                      std::chrono::seconds limit) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (const auto& entry : environment) env.push_back(const_cast<char*>(entry.c_str()));
  env.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);

  ProcessRun run;
  pid_t pid = 0;
  const int spawn_error =
      posix_spawn(&pid, args[0], &actions, &attributes, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawn_error != 0) {
    run.output = "cannot start " + argv[0] + ": " + std::strerror(spawn_error);
    return run;
  }
  run.started = true;

  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      run.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!run.timed_out && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  // Helpers the program left behind in its group go too.
  kill(-pid, SIGKILL);

  std::ifstream log(log_path, std::ios::binary);
  std::ostringstream text;
  text << log.rdbuf();
  run.output = text.str();
  return run;
}

}  // namespace fms::test_support
