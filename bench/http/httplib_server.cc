// cpp-httplib candidate for `fmsledger serve`: one route, fixed case summary.
//
//   httplib_server PORT [WORKERS=2] [KEEPALIVE_MAX_COUNT=100000] [TCP_NODELAY=1]
//
// cpp-httplib serves each connection on one pool thread for the whole life of
// the connection (blocking reads, keep-alive included), so WORKERS is also the
// number of connections served at once.  TCP_NODELAY is off by default in
// cpp-httplib 0.11; it writes the response head and body in separate send()
// calls, so with Nagle on each keep-alive request waits on the client's
// delayed ACK (~40 ms on Linux).  SIGINT/SIGTERM stop it gracefully.
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "case_body.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PORT [WORKERS] [KEEPALIVE_MAX_COUNT] [TCP_NODELAY]\n", argv[0]);
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const std::size_t workers = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2;
  const std::size_t keep_alive_max = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 100000;
  const bool no_delay = argc > 4 ? std::atoi(argv[4]) != 0 : true;

  // Signals are taken by a dedicated thread; Server::stop is not signal-safe.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  server.set_tcp_nodelay(no_delay);
  server.set_keep_alive_max_count(keep_alive_max);
  server.set_keep_alive_timeout(5);
  server.set_payload_max_length(64 * 1024);

  const std::string body(kCaseBody);
  server.Get(std::string(kCasePath), [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");
  });

  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  stopper.detach();

  std::fprintf(stderr, "httplib_server on 127.0.0.1:%d, %zu workers, keep-alive max %zu, nodelay %d\n",
               port, workers, keep_alive_max, no_delay ? 1 : 0);
  const bool ok = server.listen("127.0.0.1", port);
  return ok ? 0 : 1;
}
