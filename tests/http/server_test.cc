// The HTTP server on its own (http/server.h): limits, keep-alive, 100-continue, the connection
// limit and graceful shutdown, against a real loopback socket.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>

#include "cli/cli_harness.h"
#include "http_client.h"

namespace fms::http {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class RunningServer {
 public:
  RunningServer(ServerConfig config, Handler handler) {
    config.port = 0;
    auto created =
        Server::create(config, std::move(handler),
                       [this](const Request&, const Response& response, std::chrono::microseconds) {
                         observed_statuses.push_back(response.status);
                       });
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    server = std::move(*created);
    thread = std::thread([this] { server->run(); });
  }
  ~RunningServer() {
    server->stop();
    if (thread.joinable()) thread.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  unsigned short port() const { return server->port(); }

  std::unique_ptr<Server> server;
  std::thread thread;
  std::vector<int> observed_statuses;  // written by the server thread; read after a reply
};

Response echo(const Request& request) {
  Response response;
  response.content_type = "text/plain";
  response.body = request.method + " " + request.path + " " + std::to_string(request.body.size());
  return response;
}

// Sends raw bytes on a fresh connection and returns everything read until the peer closes or
// `until` appears.
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         const std::string& until = {}) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(socket, net::buffer(bytes));
  std::string received;
  boost::system::error_code ec;
  if (!until.empty()) {
    net::read_until(socket, net::dynamic_buffer(received), until, ec);
    return received;
  }
  char chunk[4096];
  while (true) {
    const std::size_t n = socket.read_some(net::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

TEST(HttpServer, AnswersAndKeepsTheConnectionAlive) {
  RunningServer running({}, echo);
  const std::string two_requests =
      "GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string received = raw_exchange(running.port(), two_requests);
  EXPECT_NE(received.find("GET /one 0"), std::string::npos) << received;
  EXPECT_NE(received.find("GET /two 0"), std::string::npos) << received;
  EXPECT_EQ(running.observed_statuses, (std::vector<int>{200, 200}));
}

TEST(HttpServer, DecodesThePathAndKeepsTheQuery) {
  RunningServer running({}, [](const Request& request) {
    Response response;
    response.body =
        request.path + "|" + request.query + "|" + request.query_param("q").value_or("-");
    return response;
  });
  testing::HttpClient client(running.port());
  const auto reply = client.get("/api/cases/JA%2DP%2DTWK?q=a+b%21&x=1");
  EXPECT_EQ(reply.body, "/api/cases/JA-P-TWK|q=a+b%21&x=1|a b!");
}

TEST(HttpServer, RefusesABodyOverTheLimitWithoutReadingIt) {
  ServerConfig config;
  config.limits.body_bytes_max = 1000;
  std::atomic<int> handled{0};
  RunningServer running(config, [&handled](const Request& request) {
    ++handled;
    return echo(request);
  });
  testing::HttpClient client(running.port());
  const auto reply =
      client.send("POST", "/api/imports/receipts", std::string(1001, 'x'), "text/csv");
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  EXPECT_EQ(reply.json().at("status"), 413);
  EXPECT_NE(reply.json().at("detail").get<std::string>().find("1000 bytes"), std::string::npos);
  EXPECT_EQ(handled.load(), 0);
  EXPECT_EQ(client.send("POST", "/x", std::string(1000, 'x'), "text/csv").status, 200);
  EXPECT_EQ(handled.load(), 1);
}

TEST(HttpServer, RefusesHeadersOverTheLimit) {
  ServerConfig config;
  config.limits.header_bytes_max = 2048;
  RunningServer running(config, echo);
  testing::HttpClient client(running.port());
  const auto reply = client.get("/x", {{"X-Padding", std::string(3000, 'a')}});
  EXPECT_EQ(reply.status, 431);
  EXPECT_EQ(reply.json().at("title"), "Request Header Fields Too Large");
}

TEST(HttpServer, AnswersAMalformedRequestWith400AndCloses) {
  RunningServer running({}, echo);
  const std::string received = raw_exchange(running.port(), "NOT A REQUEST\r\n\r\n");
  EXPECT_EQ(received.rfind("HTTP/1.1 400", 0), 0U) << received;
  EXPECT_NE(received.find("application/problem+json"), std::string::npos);
}

TEST(HttpServer, SendsContinueBeforeReadingAnExpectedBody) {
  RunningServer running({}, echo);
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  net::write(socket,
             net::buffer(std::string("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                     "Expect: 100-continue\r\nConnection: close\r\n\r\n")));
  std::string received;
  net::read_until(socket, net::dynamic_buffer(received), "\r\n\r\n");
  EXPECT_EQ(received.rfind("HTTP/1.1 100 Continue", 0), 0U) << received;
  net::write(socket, net::buffer(std::string("hello")));
  boost::system::error_code ec;
  net::read(socket, net::dynamic_buffer(received), ec);
  EXPECT_NE(received.find("POST /upload 5"), std::string::npos) << received;
}

TEST(HttpServer, AnswersBeyondTheConnectionLimitWith503) {
  ServerConfig config;
  config.limits.connections_max = 1;
  RunningServer running(config, echo);
  net::io_context ioc;
  tcp::socket held(ioc);
  held.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  // The held connection is served (so it counts) before the second one arrives.
  net::write(held, net::buffer(std::string("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::string first;
  net::read_until(held, net::dynamic_buffer(first), "GET /held 0");
  const std::string refused = raw_exchange(running.port(), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0U) << refused;
  EXPECT_NE(refused.find("connection limit"), std::string::npos);
}

TEST(HttpServer, StopFinishesTheRequestInFlightAndClosesIdleConnections) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  RunningServer running({}, [&](const Request& request) {
    if (request.path == "/slow") {
      entered.set_value();
      released.wait();
    }
    return echo(request);
  });
  // An idle keep-alive connection: it must be closed by the shutdown, not waited for.
  net::io_context ioc;
  tcp::socket idle(ioc);
  idle.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  net::write(idle, net::buffer(std::string("GET /first HTTP/1.1\r\nHost: x\r\n\r\n")));
  std::string idle_received;
  net::read_until(idle, net::dynamic_buffer(idle_received), "GET /first 0");

  auto slow = std::async(std::launch::async, [&] {
    return raw_exchange(running.port(), "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  });
  entered.get_future().wait();
  running.server->stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release.set_value();
  const std::string answered = slow.get();
  EXPECT_EQ(answered.rfind("HTTP/1.1 200", 0), 0U) << answered;
  EXPECT_NE(answered.find("Connection: close"), std::string::npos) << answered;
  EXPECT_NE(answered.find("GET /slow 0"), std::string::npos);
  const unsigned short port = running.port();
  running.thread.join();  // run() returns: every connection closed
  boost::system::error_code ec;
  char byte = 0;
  idle.read_some(net::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec) << "the idle connection was closed by the shutdown";
  // Nobody listens any more.
  tcp::socket late(ioc);
  late.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  EXPECT_TRUE(ec);
}

}  // namespace
}  // namespace fms::http

namespace fms::http {
namespace {

namespace ssl = boost::asio::ssl;

// A self-signed certificate for 127.0.0.1, made with the openssl command (scripts/bootstrap).
struct SelfSigned {
  testing::TempDir dir;
  std::string certificate = (dir.path() / "server.pem").string();
  std::string key = (dir.path() / "server.key").string();
  SelfSigned() {
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key +
        " -out " + certificate + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << "openssl could not make a certificate";
  }
};

TEST(HttpServer, ServesHttpsWithTheGivenCertificateAndRefusesPlainHttpThere) {
  SelfSigned files;
  ServerConfig config;
  config.tls = TlsFiles{files.certificate, files.key};
  RunningServer running(config, [](const Request& request) {
    Response response;
    response.body = request.secure ? "secure" : "plain";
    return response;
  });
  net::io_context ioc;
  ssl::context context(ssl::context::tls_client);
  context.set_verify_mode(ssl::verify_none);  // self-signed; the test checks the channel, not trust
  boost::beast::ssl_stream<boost::beast::tcp_stream> stream(ioc, context);
  boost::beast::get_lowest_layer(stream).connect(
      tcp::endpoint(net::ip::make_address("127.0.0.1"), running.port()));
  stream.handshake(ssl::stream_base::client);
  namespace bhttp = boost::beast::http;
  bhttp::request<bhttp::string_body> request{bhttp::verb::get, "/x", 11};
  request.set(bhttp::field::host, "127.0.0.1");
  bhttp::write(stream, request);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response);
  EXPECT_EQ(response.result_int(), 200U);
  EXPECT_EQ(response.body(), "secure");
  // Plain HTTP on the TLS port gets no HTTP answer.
  const std::string plain = raw_exchange(running.port(), "GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(plain.find("HTTP/1.1 200"), std::string::npos);
}

TEST(HttpServer, RefusesToStartWithAMissingCertificate) {
  ServerConfig config;
  config.port = 0;
  config.tls = TlsFiles{"/nonexistent/server.pem", "/nonexistent/server.key"};
  auto created = Server::create(config, echo, {});
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.error().text(Spelling::option).find("--tls-cert /nonexistent/server.pem"),
            std::string::npos)
      << created.error().message;
}

}  // namespace
}  // namespace fms::http
