// A small real HTTP/1.1 client for the server tests (Boost.Beast, synchronous): each request on
// a fresh loopback connection unless a test holds a Connection itself. It remembers the session
// cookie a sign-in sets, as a browser would, and sends it back.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fms::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body); }
  [[nodiscard]] std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// A Beast response as the tests read it: status, lower-case header names, body.
inline HttpReply to_reply(
    const boost::beast::http::response<boost::beast::http::string_body>& response) {
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string().data(), field.name_string().size());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value().data(), field.value().size());
  }
  reply.body = response.body();
  return reply;
}

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}
  // Connects from `source`, another loopback address ("127.0.0.2"): a client the server tells
  // apart from the others by its address.
  HttpClient(unsigned short port, std::string source) : port_(port), source_(std::move(source)) {}

  HttpReply send(const std::string& method, const std::string& target, const std::string& body = {},
                 const std::string& content_type = {}, const HeaderList& headers = {}) {
    namespace beast = boost::beast;
    namespace bhttp = boost::beast::http;
    boost::asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    if (source_) {
      stream.socket().open(boost::asio::ip::tcp::v4());
      stream.socket().bind(
          boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address(*source_), 0));
    }
    stream.connect(
        boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
    bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
    request.set(bhttp::field::host, "127.0.0.1");
    if (!content_type.empty()) request.set(bhttp::field::content_type, content_type);
    if (session_) request.set(bhttp::field::cookie, "fmsledger_session=" + *session_);
    if (csrf_ && method != "GET") request.set("X-CSRF-Token", *csrf_);
    if (bearer_) request.set(bhttp::field::authorization, "Bearer " + *bearer_);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    bhttp::write(stream, request);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(1ULL << 30);
    bhttp::read(stream, buffer, parser);
    auto response = parser.release();
    HttpReply reply = to_reply(response);
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    remember_cookie(reply);
    return reply;
  }

  HttpReply get(const std::string& target, const HeaderList& headers = {}) {
    return send("GET", target, {}, {}, headers);
  }
  HttpReply post_json(const std::string& target, const nlohmann::json& body,
                      const HeaderList& headers = {}) {
    return send("POST", target, body.dump(), "application/json", headers);
  }

  // Signs in; keeps the cookie and the CSRF token for later requests.
  HttpReply sign_in(const std::string& user, const std::string& password) {
    HttpReply reply = post_json("/api/session", {{"user", user}, {"password", password}});
    if (reply.status == 201) csrf_ = reply.json().at("csrf_token").get<std::string>();
    return reply;
  }
  void use_token(const std::string& token) { bearer_ = token; }
  void forget_csrf() { csrf_.reset(); }
  void set_csrf(const std::string& token) { csrf_ = token; }
  void forget_session() {
    session_.reset();
    csrf_.reset();
  }
  [[nodiscard]] std::optional<std::string> session() const { return session_; }

 private:
  void remember_cookie(const HttpReply& reply) {
    const std::string cookie = reply.header("set-cookie");
    const std::string prefix = "fmsledger_session=";
    if (cookie.rfind(prefix, 0) != 0) return;
    const std::string value = cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
    if (value.empty()) {
      session_.reset();
    } else {
      session_ = value;
    }
  }

  unsigned short port_;
  std::optional<std::string> source_;
  std::optional<std::string> session_;
  std::optional<std::string> csrf_;
  std::optional<std::string> bearer_;
};

// One request over TLS, trusting any certificate (the tests' own, self-signed).
inline HttpReply https_send(unsigned short port, const std::string& method,
                            const std::string& target, const std::string& body = {},
                            const std::string& content_type = {}) {
  namespace beast = boost::beast;
  namespace bhttp = boost::beast::http;
  namespace ssl = boost::asio::ssl;
  boost::asio::io_context ioc;
  ssl::context context(ssl::context::tls_client);
  context.set_verify_mode(ssl::verify_none);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, context);
  beast::get_lowest_layer(stream).connect(
      boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  stream.handshake(ssl::stream_base::client);
  bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  if (!content_type.empty()) request.set(bhttp::field::content_type, content_type);
  request.body() = body;
  request.prepare_payload();
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response);
  return to_reply(response);
}

}  // namespace fms::testing
