// `fmsledger serve`: the REST API (and the web UI's files) on one address, until SIGTERM or
// SIGINT, which stop it gracefully. One JSON log line per request on standard error.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <mutex>

#include "cli/session.h"
#include "http/api.h"
#include "http/server.h"
#include "ledger/access/access_ledger.h"
#include "ledger/access/passwords.h"

namespace fms::cli {
namespace {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 4;
  std::string tls_cert;
  std::string tls_key;
  std::size_t max_body_bytes = http::ServerLimits{}.body_bytes_max;
  std::size_t max_connections = http::ServerLimits{}.connections_max;
  std::size_t max_connections_per_client = http::ServerLimits{}.connections_per_client_max;
  unsigned header_timeout_seconds =
      static_cast<unsigned>(http::ServerLimits{}.header_timeout.count());
  unsigned request_timeout_seconds = 60;
  unsigned session_idle_minutes = 30;
  std::string web_root;
  bool quiet = false;
};

Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Error::invalid("--listen: \"" + text + "\" is not HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const std::string digits = text.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size() || port > 65535) {
    return Error::invalid("--listen: \"" + digits + "\" is not a port number (0 to 65535)");
  }
  return std::pair{host, static_cast<unsigned short>(port)};
}

int serve(const Options& options, const ServeOptions& serve_options) {
  auto listen = parse_listen(serve_options.listen);
  if (!listen.ok()) return fail(listen.error());
  if (serve_options.tls_cert.empty() != serve_options.tls_key.empty()) {
    return fail(Error::invalid("--tls-cert and --tls-key go together"));
  }
  if (serve_options.threads == 0 || serve_options.threads > 64) {
    return fail(Error::invalid("--threads: 1 to 64"));
  }
  return with_session(options, false, [&](Session& session) {
    std::mutex log_mutex;
    http::ApiOptions api_options;
    api_options.sessions.idle = std::chrono::minutes(serve_options.session_idle_minutes);
    api_options.web_root = serve_options.web_root;
    // Readers and the audit stream get connections of their own: a long write (a
    // reconciliation, a large import) holds up no read.
    api_options.open_database = [&session, db = options.db]() {
      return ledger::Database::open(db, {.create_if_missing = false, .busy_timeout_ms = 5000},
                                    *session.reference, session.database->clock(),
                                    ledger::password_cost_from_environment());
    };
    if (!serve_options.quiet) {
      // One write per line: lines of concurrent requests never interleave, and a line is out
      // as soon as its request is answered (standard error is unbuffered).
      api_options.log = [&log_mutex](const std::string& line) {
        const std::string text = line + '\n';
        const std::lock_guard lock(log_mutex);
        std::fwrite(text.data(), 1, text.size(), stderr);
      };
    }
    http::Api api(*session.database, api_options);

    http::ServerConfig config;
    config.host = listen->first;
    config.port = listen->second;
    config.threads = serve_options.threads;
    config.limits.body_bytes_max = serve_options.max_body_bytes;
    config.limits.connections_max = serve_options.max_connections;
    config.limits.connections_per_client_max = serve_options.max_connections_per_client;
    config.limits.header_timeout = std::chrono::seconds(serve_options.header_timeout_seconds);
    config.limits.request_timeout = std::chrono::seconds(serve_options.request_timeout_seconds);
    if (!serve_options.tls_cert.empty()) {
      config.tls = http::TlsFiles{serve_options.tls_cert, serve_options.tls_key};
    }
    auto server = http::Server::create(
        config, [&api](const http::Request& request) { return api.handle(request); },
        [&api](const http::Request& request, const http::Response& response,
               std::chrono::microseconds elapsed) { api.observe(request, response, elapsed); },
        [&api](const http::Request& head) { return api.admit(head); });
    if (!server.ok()) return fail(server.error());
    (*server)->stop_on_signals();
    const std::string scheme = config.tls ? "https" : "http";
    std::cout << "fmsledger serving " << options.db << " on " << scheme << "://"
              << (config.host.find(':') != std::string::npos ? "[" + config.host + "]"
                                                             : config.host)
              << ":" << (*server)->port() << "/ (API under /api, description at /api/openapi.json)"
              << std::endl;
    (*server)->run();
    std::cout << "fmsledger stopped: every request in flight was answered" << std::endl;
    return 0;
  });
}

}  // namespace

void add_serve_command(CommandContext context) {
  auto& serve_options = context.keep<ServeOptions>();
  auto* command = context.app.add_subcommand(
      "serve", "Serve the REST API (docs/api.md) until SIGTERM or SIGINT");
  command->add_option("--listen", serve_options.listen,
                      "HOST:PORT to listen on (port 0: any free)");
  command->add_option("--threads", serve_options.threads, "Server threads");
  command->add_option("--tls-cert", serve_options.tls_cert, "PEM certificate chain: serve HTTPS");
  command->add_option("--tls-key", serve_options.tls_key, "PEM private key of --tls-cert");
  command->add_option("--max-body-bytes", serve_options.max_body_bytes,
                      "Largest request body accepted (an import's CSV)");
  command->add_option("--max-connections", serve_options.max_connections,
                      "Open connections at most; more are answered 503");
  command->add_option("--request-timeout", serve_options.request_timeout_seconds,
                      "Seconds to receive one request");
  command->add_option("--max-connections-per-client", serve_options.max_connections_per_client,
                      "Open connections from one client address at most; more are answered 503");
  command->add_option("--header-timeout", serve_options.header_timeout_seconds,
                      "Seconds from a request's first byte to its last header");
  command->add_option("--session-idle-minutes", serve_options.session_idle_minutes,
                      "A signed-in session ends after this long without a request");
  command->add_option("--web-root", serve_options.web_root,
                      "The web UI's built files (web/dist), served at /");
  command->add_flag("--quiet", serve_options.quiet, "No request log");
  Options& options = context.options;
  command->callback(
      context.run([&options, &serve_options] { return serve(options, serve_options); }));
}

}  // namespace fms::cli
