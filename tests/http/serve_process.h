// A real `fmsledger serve` process over a fresh demo database, on an ephemeral loopback port, for
// the tests that must hold against the program as shipped: a request that would end the process,
// a slow client, what travels on the wire. The process is stopped with SIGTERM at the end.
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_harness.h"
#include "support/subprocess.h"

extern char** environ;

namespace fms::testing {

class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& serve_options = {}) {
    db_ = (dir_.path() / "serve.db").string();
    const auto demo = test_support::run_with_time_limit(
        {FMSLEDGER_BINARY, "--db", db_, "demo"}, test_support::environment_with({}, {}),
        dir_.path() / "demo.log", std::chrono::seconds(300));
    EXPECT_EQ(demo.exit_code, 0) << demo.output;
    std::vector<std::string> argv{FMSLEDGER_BINARY, "--db",     db_,
                                  "serve",          "--listen", "127.0.0.1:0"};
    argv.insert(argv.end(), serve_options.begin(), serve_options.end());
    std::vector<char*> args;
    for (auto& arg : argv) args.push_back(arg.data());
    args.push_back(nullptr);
    const std::string out = (dir_.path() / "serve.out").string();
    const std::string err = (dir_.path() / "serve.err").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(spawned, 0);
    // The port is in the first line the server prints.
    const std::regex listening(R"(on http://127\.0\.0\.1:([0-9]+)/)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline && port_ == 0 && alive()) {
      std::ifstream in(out);
      std::stringstream text;
      text << in.rdbuf();
      std::smatch match;
      const std::string printed = text.str();
      if (std::regex_search(printed, match, listening)) {
        port_ = static_cast<unsigned short>(std::stoi(match[1]));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    EXPECT_NE(port_, 0) << "fmsledger serve did not start: " << log();
  }
  ~ServeProcess() {
    if (pid_ > 0 && alive()) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  // Whether the process is still running.
  bool alive() {
    int status = 0;
    return waitpid(pid_, &status, WNOHANG) == 0;
  }
  // What it wrote on standard error (the request log, and any failure).
  [[nodiscard]] std::string log() const {
    std::ifstream in(dir_.path() / "serve.err");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  TempDir dir_;
  std::string db_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// A raw connection, from `source` (a loopback address), for bytes no well-behaved client sends.
class RawConnection {
 public:
  RawConnection(unsigned short port, const std::string& source = "127.0.0.1") : socket_(ioc_) {
    namespace net = boost::asio;
    socket_.open(net::ip::tcp::v4());
    socket_.bind(net::ip::tcp::endpoint(net::ip::make_address(source), 0));
    socket_.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }
  void send(const std::string& bytes) {
    boost::system::error_code ignored;
    boost::asio::write(socket_, boost::asio::buffer(bytes), ignored);
  }
  // Everything until the peer closes or `limit` passes.
  std::string read_all(std::chrono::milliseconds limit = std::chrono::milliseconds(5000)) {
    std::string received;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    socket_.non_blocking(true);
    char chunk[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      boost::system::error_code ec;
      const std::size_t n = socket_.read_some(boost::asio::buffer(chunk), ec);
      received.append(chunk, n);
      if (ec == boost::asio::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      if (ec) break;
    }
    return received;
  }
  // Whether the peer has closed the connection (reads end of file within `limit`).
  bool closed_by_peer(std::chrono::milliseconds limit) {
    socket_.non_blocking(true);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    char chunk[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      boost::system::error_code ec;
      socket_.read_some(boost::asio::buffer(chunk), ec);
      if (ec == boost::asio::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      if (ec) return true;
    }
    return false;
  }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
};

}  // namespace fms::testing
