// The HTTP server behind `fmsledger serve`, on Boost.Beast (docs/architecture.md says why Beast
// and not cpp-httplib: a connection does not hold a thread, so keep-alive clients beyond the
// thread count are still served).
//
// One io_context is run by a few threads; each connection has a strand, reads a request within
// the limits below, hands it to the handler (on the connection's thread: handlers are short or
// say why not) and writes the answer, keeping the connection alive while the client wants it.
// Requests the server refuses itself (too large, too slow, malformed) are answered with a
// problem document and also reach the observer, so they are logged and counted like the rest.
//
// Graceful shutdown: stop() (or SIGTERM/SIGINT after stop_on_signals) closes the listening
// socket, closes idle connections, lets every request in flight finish and answers it with
// "Connection: close"; run() returns when the last connection has closed, or after
// drain_timeout at the latest.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "base/result.h"
#include "http/message.h"

namespace fms::http {

struct ServerLimits {
  std::size_t header_bytes_max = 16 * 1024;       // request line and headers
  std::size_t body_bytes_max = 64 * 1024 * 1024;  // request body (a CSV import)
  std::chrono::seconds request_timeout{60};       // to receive one request's body
  std::chrono::seconds idle_timeout{30};          // keep-alive wait for the next request
  std::chrono::seconds header_timeout{10};        // from a request's first byte to its last header
  std::size_t connections_max = 512;              // more are answered 503 and closed
  // Open connections from one client address; more are answered 503 and closed, so one slow
  // or greedy client cannot take the server from the others.
  std::size_t connections_per_client_max = 32;
  std::chrono::seconds drain_timeout{30};  // shutdown waits this long at most
};

struct TlsFiles {
  std::string certificate_chain;  // PEM
  std::string private_key;        // PEM
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (tests), see Server::port()
  unsigned threads = 2;
  ServerLimits limits;
  std::optional<TlsFiles> tls;
};

using Handler = std::function<Response(const Request&)>;
// Called once per answered request with its duration; must be thread-safe.
using Observer =
    std::function<void(const Request&, const Response&, std::chrono::microseconds elapsed)>;

// Looks at a request's line and headers before its body is read: the largest body to read for
// it (nullopt: limits.body_bytes_max), or the answer to give at once, without reading the body
// (the connection is then closed). So an anonymous client can make the server read only a small
// body, and only a caller who presents a valid session or token can send a large one. Asked
// only of requests that carry a body (Content-Length above 0, or chunked).
using Admission = std::function<std::variant<std::optional<std::size_t>, Response>(const Request&)>;

class Server {
 public:
  // Binds the listening socket (so port() is known) without serving yet.
  static Result<std::unique_ptr<Server>> create(const ServerConfig& config, Handler handler,
                                                Observer observer, Admission admission = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] unsigned short port() const;
  // Serves on config.threads threads until stopped and drained.
  void run();
  // Begins the graceful shutdown; safe from any thread.
  void stop();
  // SIGTERM and SIGINT call stop().
  void stop_on_signals();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fms::http
