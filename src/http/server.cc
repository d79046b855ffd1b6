#include "http/server.h"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "http/problem.h"

namespace fms::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// What the server needs to drain a connection without knowing its stream type.
class Drainable {
 public:
  virtual ~Drainable() = default;
  virtual void drain() = 0;
};

std::string_view view(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Says on standard error that something failed on a server thread; the server goes on.
void report_failure(const std::string& what) noexcept {
  try {
    const std::string line = "fmsledger: a server thread caught a failure: " + what + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
  } catch (...) {
    std::fputs("fmsledger: a server thread caught a failure\n", stderr);
  }
}

}  // namespace

struct Server::Impl {
  ServerConfig config;
  Handler handler;
  Observer observer;
  Admission admission;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::strand<net::io_context::executor_type> control;  // serialises stop, signals and the deadline
  net::signal_set signals;
  net::steady_timer drain_deadline;
  std::optional<ssl::context> tls;
  unsigned short port = 0;  // bound port, kept: the acceptor closes at shutdown
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> connections{0};

  std::mutex clients_mutex;                    // guards clients
  std::map<std::string, std::size_t> clients;  // open connections by client address

  std::mutex registry_mutex;  // guards registry and next_id
  std::map<std::uint64_t, std::weak_ptr<Drainable>> registry;
  std::uint64_t next_id = 0;

  Impl(const ServerConfig& c, Handler h, Observer o, Admission a)
      : config(c),
        handler(std::move(h)),
        observer(std::move(o)),
        admission(std::move(a)),
        ioc(static_cast<int>(std::max(1U, c.threads))),
        acceptor(net::make_strand(ioc)),
        control(net::make_strand(ioc)),
        signals(control),
        drain_deadline(control) {}

  std::uint64_t enrol(const std::shared_ptr<Drainable>& connection) {
    const std::lock_guard lock(registry_mutex);
    registry.emplace(++next_id, connection);
    return next_id;
  }
  void leave(std::uint64_t id) {
    const std::lock_guard lock(registry_mutex);
    registry.erase(id);
  }
  // Counts a connection from `remote`; false (nothing counted) when it has its limit already.
  bool client_arrived(const std::string& remote) {
    const std::lock_guard lock(clients_mutex);
    std::size_t& open = clients[remote];
    if (open >= config.limits.connections_per_client_max) {
      if (open == 0) clients.erase(remote);
      return false;
    }
    ++open;
    return true;
  }
  void client_left(const std::string& remote) {
    const std::lock_guard lock(clients_mutex);
    const auto it = clients.find(remote);
    if (it != clients.end() && --it->second == 0) clients.erase(it);
  }
  void accept();
  void begin_stop();
  void connection_closed();
  void finish_drain_if_done();
};

namespace {

// One client connection over a plain or a TLS stream.
template <class Stream>
class Connection : public Drainable, public std::enable_shared_from_this<Connection<Stream>> {
 public:
  Connection(Server::Impl& server, Stream stream, std::string remote)
      : server_(server), stream_(std::move(stream)), remote_(std::move(remote)) {}
  ~Connection() override {
    server_.leave(id_);
    server_.client_left(remote_);
    server_.connection_closed();
  }

  void start() {
    id_ = server_.enrol(this->shared_from_this());
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->handshake(); });
  }

  void drain() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->idle_) self->lowest().socket().cancel();
    });
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void handshake() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      read_header();
    } else {
      lowest().expires_after(server_.config.limits.request_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (!ec) self->read_header();
                              });
    }
  }

  // Waits up to idle_timeout for a request to begin, then gives its line and headers
  // header_timeout to arrive: a client cannot hold a connection by trickling them.
  void read_header() {
    if (server_.draining.load() && buffer_.size() == 0) return close();
    if (buffer_.size() != 0) return read_rest_of_header();
    idle_ = true;
    lowest().expires_after(server_.config.limits.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = this->shared_from_this()](
                                                       beast::error_code ec, std::size_t bytes) {
      self->buffer_.commit(bytes);
      if (ec) return self->close();
      self->read_rest_of_header();
    });
  }

  void read_rest_of_header() {
    idle_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.config.limits.header_bytes_max));
    parser_->body_limit(server_.config.limits.body_bytes_max);
    lowest().expires_after(server_.config.limits.header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               self->on_header(ec);
                             });
  }

  void on_header(beast::error_code ec) {
    idle_ = false;
    started_ = Clock::now();
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == beast::error::timeout) {
      return close();
    }
    if (ec == bhttp::error::body_limit) {
      // The parser compares Content-Length with the limit as soon as it has the headers.
      return refuse(413, "the request body exceeds the limit of " +
                             std::to_string(server_.config.limits.body_bytes_max) + " bytes");
    }
    if (ec == bhttp::error::header_limit) {
      return refuse(431, "the request line and headers exceed " +
                             std::to_string(server_.config.limits.header_bytes_max) + " bytes");
    }
    if (ec) return refuse(400, "the request could not be parsed: " + ec.message());
    const auto& header = parser_->get();
    body_limit_ = server_.config.limits.body_bytes_max;
    // Admission bounds what is read before the caller is known. A request without a body has
    // nothing left to read: the handler's own check answers it, and the caller is identified
    // once, not twice.
    const auto declared = parser_->content_length();
    const bool has_body = parser_->chunked() || (declared && *declared > 0);
    if (server_.admission && has_body) {
      auto admitted = admit(header);
      if (auto* answer = std::get_if<Response>(&admitted)) return refuse_with(std::move(*answer));
      if (const auto limit = std::get<std::optional<std::size_t>>(admitted)) {
        body_limit_ = std::min(body_limit_, *limit);
      }
      parser_->body_limit(body_limit_);
    }
    if (const auto length = parser_->content_length(); length && *length > body_limit_) {
      return refuse(413, "the request body of " + std::to_string(*length) +
                             " bytes exceeds the limit of " + std::to_string(body_limit_) +
                             " bytes for this request");
    }
    lowest().expires_after(server_.config.limits.request_timeout);
    if (lower(view(header[bhttp::field::expect])) == "100-continue") {
      continue_.emplace(bhttp::status::continue_, header.version());
      bhttp::async_write(stream_, *continue_,
                         [self = this->shared_from_this()](beast::error_code wec, std::size_t) {
                           if (wec) return self->close();
                           self->read_body();
                         });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_body(ec);
                      });
  }

  void on_body(beast::error_code ec) {
    if (ec == beast::error::timeout || ec == net::error::operation_aborted) return close();
    if (ec == bhttp::error::body_limit) {
      return refuse(413, "the request body exceeds the limit of " + std::to_string(body_limit_) +
                             " bytes for this request");
    }
    if (ec) return refuse(400, "the request could not be parsed: " + ec.message());
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    request_ = to_request(message);
    Response response;
    if (!request_.path.empty()) {
      try {
        response = server_.handler(request_);
      } catch (const std::exception& e) {
        response = problem(500, "the server could not complete the request; see its log");
        response.log_error = std::string("exception: ") + e.what();
      } catch (...) {
        response = problem(500, "the server could not complete the request; see its log");
        response.log_error = "exception of unknown type";
      }
    } else {
      response = problem(400, "the request target is not a valid origin-form path");
    }
    send(std::move(response), message.version());
  }

  Request to_request(bhttp::request<bhttp::string_body>& message) {
    Request request;
    request.method = std::string(view(message.method_string()));
    set_target(request, std::string(view(message.target())));
    for (const auto& field : message) {
      request.headers.push_back(
          Header{lower(view(field.name_string())), std::string(view(field.value()))});
    }
    request.body = std::move(message.body());
    request.remote = remote_;
    request.secure = !std::is_same_v<Stream, beast::tcp_stream>;
    return request;
  }

  // The admission's verdict on the request line and headers, which must not throw.
  std::variant<std::optional<std::size_t>, Response> admit(
      const bhttp::request<bhttp::string_body>& header) {
    try {
      bhttp::request<bhttp::string_body> head{header.base()};
      return server_.admission(to_request(head));
    } catch (...) {
      report_failure("the request admission");
      Response failed = problem(500, "the server could not complete the request; see its log");
      return failed;
    }
  }

  // Answers a request the server could not read whole, then closes the connection: the rest of
  // the stream cannot be trusted to start at a request boundary.
  void refuse(int status, const std::string& detail) { refuse_with(problem(status, detail)); }

  void refuse_with(Response response) {
    keep_alive_ = false;
    if (request_.method.empty() && parser_) {
      const auto& header = parser_->get();
      request_.method = std::string(view(header.method_string()));
      request_.target = std::string(view(header.target()));
      request_.path = request_.target.substr(0, request_.target.find('?'));
      request_.remote = remote_;
    }
    send(std::move(response), 11);
  }

  void send(Response response, unsigned version) {
    if (server_.draining.load()) keep_alive_ = false;
    if (server_.observer) {
      // Logging and counting must never cost the answer, nor the process.
      try {
        server_.observer(
            request_, response,
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_));
      } catch (...) {
        report_failure("the request observer");
      }
    }
    lowest().expires_after(server_.config.limits.request_timeout);
    if (request_.method == "HEAD") {
      // The headers a GET would have, Content-Length included, and no body (RFC 9110 9.3.2).
      head_response_.emplace(static_cast<bhttp::status>(response.status), version);
      auto& out = *head_response_;
      fill_headers(out, response);
      out.content_length(response.body.size());
      bhttp::async_write(stream_, out,
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                           self->on_write(ec);
                         });
      return;
    }
    response_.emplace(static_cast<bhttp::status>(response.status), version);
    auto& out = *response_;
    fill_headers(out, response);
    out.body() = std::move(response.body);
    out.prepare_payload();
    bhttp::async_write(stream_, out,
                       [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                         self->on_write(ec);
                       });
  }

  template <class Message>
  void fill_headers(Message& out, const Response& response) {
    out.set(bhttp::field::server, "fmsledger");
    if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
    for (const Header& header : response.headers) out.insert(header.name, header.value);
    out.keep_alive(keep_alive_);
  }

  void on_write(beast::error_code ec) {
    response_.reset();
    head_response_.reset();
    request_ = Request{};
    if (ec || !keep_alive_) return close();
    read_header();
  }

  void close() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    } else {
      lowest().expires_after(std::chrono::seconds(5));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    }
  }

  Server::Impl& server_;
  Stream stream_;
  std::string remote_;
  std::uint64_t id_ = 0;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::optional<bhttp::response<bhttp::empty_body>> head_response_;
  Request request_;
  bool keep_alive_ = true;
  std::size_t body_limit_ = 0;  // of the request being read
  bool idle_ = true;  // waiting for a request that has not begun; touched on the strand only
  Clock::time_point started_ = Clock::now();
};

void refuse_busy(tcp::socket& socket) {
  static const std::string answer =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
      "Connection: close\r\nRetry-After: 1\r\nContent-Length: 123\r\n\r\n";
  const std::string body =
      R"({"type":"about:blank","title":"Service Unavailable","status":503,"detail":"the server has reached its connection limit"})";
  std::string text = answer;
  text.replace(text.find("123"), 3, std::to_string(body.size()));
  text += body;
  beast::error_code ignored;
  net::write(socket, net::buffer(text), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
}

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec) {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      const auto endpoint = socket.remote_endpoint(ignored);
      const std::string remote = ignored ? std::string() : endpoint.address().to_string();
      if (connections.fetch_add(1) >= config.limits.connections_max) {
        connections.fetch_sub(1);
        refuse_busy(socket);
      } else if (!client_arrived(remote)) {
        connections.fetch_sub(1);
        refuse_busy(socket);
      } else if (tls) {
        std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(
            *this, beast::ssl_stream<beast::tcp_stream>(std::move(socket), *tls), remote)
            ->start();
      } else {
        std::make_shared<Connection<beast::tcp_stream>>(*this, beast::tcp_stream(std::move(socket)),
                                                        remote)
            ->start();
      }
    }
    accept();
  });
}

void Server::Impl::begin_stop() {
  if (draining.exchange(true)) return;
  net::post(control, [this] {
    net::post(acceptor.get_executor(), [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
    });
    beast::error_code ignored;
    signals.cancel(ignored);
    std::vector<std::shared_ptr<Drainable>> live;
    {
      const std::lock_guard lock(registry_mutex);
      for (auto& [id, weak] : registry) {
        if (auto connection = weak.lock()) live.push_back(std::move(connection));
      }
    }
    for (auto& connection : live) connection->drain();
    drain_deadline.expires_after(config.limits.drain_timeout);
    drain_deadline.async_wait([this](beast::error_code ec) {
      if (!ec) ioc.stop();  // connections still open at the deadline are abandoned
    });
    finish_drain_if_done();
  });
}

void Server::Impl::connection_closed() {
  if (connections.fetch_sub(1) == 1 && draining.load()) {
    net::post(control, [this] { finish_drain_if_done(); });
  }
}

// On the control strand: once no connection is left, nothing but the deadline keeps run() busy.
void Server::Impl::finish_drain_if_done() {
  if (connections.load() == 0) drain_deadline.cancel();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(const ServerConfig& config, Handler handler,
                                               Observer observer, Admission admission) {
  auto impl =
      std::make_unique<Impl>(config, std::move(handler), std::move(observer), std::move(admission));
  beast::error_code ec;
  const auto address = net::ip::make_address(config.host, ec);
  if (ec) return Error::invalid("\"" + config.host + "\" is not an IP address").at_field("listen");
  if (config.tls) {
    impl->tls.emplace(ssl::context::tls_server);
    impl->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                           ssl::context::no_tlsv1_1);
    impl->tls->use_certificate_chain_file(config.tls->certificate_chain, ec);
    if (ec) {
      return Error::invalid(mention("tls_cert") + " " + config.tls->certificate_chain + ": " +
                            ec.message())
          .concerning("tls_cert");
    }
    impl->tls->use_private_key_file(config.tls->private_key, ssl::context::pem, ec);
    if (ec) {
      return Error::invalid(mention("tls_key") + " " + config.tls->private_key + ": " +
                            ec.message())
          .concerning("tls_key");
    }
  }
  const tcp::endpoint endpoint{address, config.port};
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::io("cannot listen on " + config.host + ":" + std::to_string(config.port) + ": " +
                     ec.message());
  }
  impl->port = impl->acceptor.local_endpoint(ec).port();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

unsigned short Server::port() const {
  return impl_->port;
}

void Server::run() {
  impl_->accept();
  const unsigned threads = std::max(1U, impl_->config.threads);
  // A handler that throws unwinds out of run(); the thread goes back to running the others
  // (Asio's advice), so one bad request can never end the process.
  const auto serve = [this] {
    while (true) {
      try {
        impl_->ioc.run();
        return;
      } catch (const std::exception& e) {
        report_failure(e.what());
      } catch (...) {
        report_failure("an exception of unknown type");
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(serve);
  serve();
  for (auto& thread : pool) thread.join();
}

void Server::stop() {
  impl_->begin_stop();
}

void Server::stop_on_signals() {
  impl_->signals.add(SIGTERM);
  impl_->signals.add(SIGINT);
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_stop();
  });
}

}  // namespace fms::http
