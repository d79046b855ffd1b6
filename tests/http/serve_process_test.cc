// `fmsledger serve` as shipped, attacked as an anonymous client would: bytes that are not UTF-8
// where text is expected, a slow client holding connections, large bodies before sign-in, HEAD,
// and invented methods. The process must answer each and keep serving everyone else.
#include "serve_process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "http_client.h"

namespace fms::testing {
namespace {

using namespace std::chrono_literals;

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
  return std::stoi(answer.substr(9, 3));
}

TEST(ServeProcess, TextThatIsNotUtf8IsA400AndTheServerLivesOn) {
  ServeProcess server;
  ASSERT_NE(server.port(), 0);
  for (const std::string target :
       {"/%FF", "/api/%FF", "/api/cases/%FF%FE", "/api/documents?source=%FF",
        "/api/reports/status?as_of=%C0%AF", "/healthz?x=%00"}) {
    RawConnection raw(server.port());
    raw.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string answer = raw.read_all();
    EXPECT_EQ(status_of(answer), 400) << target << "\n" << answer;
    ASSERT_TRUE(server.alive()) << target << "\n" << server.log();
  }
  // Invalid UTF-8 inside a JSON body (to sign-in, which any client may call).
  RawConnection body(server.port());
  const std::string json = "{\"user\":\"\xff\xfe\",\"password\":\"x\"}";
  body.send(
      "POST /api/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(json.size()) + "\r\n\r\n" + json);
  EXPECT_EQ(status_of(body.read_all()), 400);
  ASSERT_TRUE(server.alive()) << server.log();
  EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 200);
  EXPECT_EQ(server.log().find("terminate"), std::string::npos) << server.log();
}

TEST(ServeProcess, ASlowClientCannotTakeTheServerFromOthers) {
  ServeProcess server({"--header-timeout", "2", "--max-connections-per-client", "16"});
  ASSERT_NE(server.port(), 0);
  // One client (its own address) opens far more connections than it may and trickles a request
  // line it never finishes.
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 40; ++i) {
    held.push_back(std::make_unique<RawConnection>(server.port(), "127.0.0.2"));
    held.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  }
  // Everyone else is served at once.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  // Beyond its limit, its connections were answered 503 and closed.
  int refused = 0;
  for (auto& connection : held) {
    if (status_of(connection->read_all(200ms)) == 503) ++refused;
  }
  EXPECT_EQ(refused, 40 - 16);
  // The ones it holds are closed once the header deadline passes, though it keeps trickling.
  for (auto& connection : held) connection->send("X-Slow: 1\r\n");
  int closed = 0;
  for (auto& connection : held) {
    if (connection->closed_by_peer(4s)) ++closed;
  }
  EXPECT_EQ(closed, 40);
  EXPECT_TRUE(server.alive());
}

TEST(ServeProcess, NoLargeBodyIsReadBeforeSignIn) {
  ServeProcess server;
  ASSERT_NE(server.port(), 0);
  // Sign-in takes a small body: a larger one is refused from its Content-Length, unread.
  RawConnection sign_in(server.port());
  sign_in.send(
      "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 8388608\r\n\r\n[[[[[[[[");
  EXPECT_EQ(status_of(sign_in.read_all(3000ms)), 413);
  // A route that needs sign-in answers 401 before any of the body is read.
  RawConnection import(server.port());
  import.send(
      "POST /api/imports/receipts HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
      "Content-Length: 60000000\r\n\r\n");
  const std::string refused = import.read_all(3000ms);
  EXPECT_EQ(status_of(refused), 401) << refused;
  // Deep nesting within the small limit is refused before it is parsed.
  HttpClient client(server.port());
  const auto deep =
      client.send("POST", "/api/session", std::string(10000, '['), "application/json");
  EXPECT_EQ(deep.status, 400) << deep.body;
  EXPECT_NE(deep.body.find("nested deeper than"), std::string::npos);
  EXPECT_TRUE(server.alive());
}

TEST(ServeProcess, HeadAnswersTheHeadersOfGetAndInventedMethodsAddNoMetrics) {
  ServeProcess server;
  ASSERT_NE(server.port(), 0);
  RawConnection raw(server.port());
  raw.send(
      "HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string answers = raw.read_all();
  ASSERT_EQ(status_of(answers), 200) << answers;
  const std::size_t second = answers.find("HTTP/1.1 ", 1);
  ASSERT_NE(second, std::string::npos) << answers;
  const std::string head = answers.substr(0, second);
  EXPECT_NE(head.find("Content-Length: "), std::string::npos) << head;
  EXPECT_EQ(head.substr(head.find("\r\n\r\n") + 4), "") << "HEAD carries no body";
  EXPECT_EQ(status_of(answers.substr(second)), 200) << answers;

  for (int i = 0; i < 50; ++i) {
    RawConnection invented(server.port());
    invented.send("FOO" + std::to_string(i) +
                  " /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    (void)invented.read_all(2000ms);
  }
  const std::string metrics = HttpClient(server.port()).get("/metrics").body;
  EXPECT_EQ(metrics.find("FOO"), std::string::npos);
  EXPECT_NE(metrics.find("method=\"other\""), std::string::npos);
}

}  // namespace
}  // namespace fms::testing
