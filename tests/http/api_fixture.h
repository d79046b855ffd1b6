// A real fmsledger API server on an ephemeral loopback port, over a temporary SQLite database
// holding the demo portfolio (Japan's cases, organisations JMOD and KRDAPA, the demo users), for
// tests that speak HTTP to it with a real client.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "cli/cli_harness.h"
#include "demo/demo.h"
#include "http/api.h"
#include "http/server.h"
#include "http_client.h"
#include "ledger/access/access_ledger.h"
#include "ledger/database.h"
#include "refdata/loader.h"
#include "store/sqlite/sqlite_store.h"

namespace fms::testing {

inline const std::string kDemoPassword(fms::demo::kDemoPassword);

class ApiServer {
 public:
  explicit ApiServer(http::ApiOptions options = {}, http::ServerConfig config = {}) {
    auto reference = refdata::load_builtin();
    EXPECT_TRUE(reference.ok());
    reference_ = std::make_unique<ReferenceData>(std::move(*reference));
    auto store = store::open_sqlite_store((dir_.path() / "api.db").string());
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    store_ = std::move(*store);
    auto clock = ledger::Clock::fixed("2026-11-25T12:00:00Z");
    database_ = std::make_unique<ledger::Database>(*store_, *reference_, *clock,
                                                   ledger::PasswordCost::minimum());
    auto demo = fms::demo::load_demo(*database_, "demo");
    EXPECT_TRUE(demo.ok()) << (demo.ok() ? "" : demo.error().message);
    // As `fmsledger serve` does: readers on connections of their own.
    if (!options.open_database) {
      options.open_database = [this, clock = *clock, path = (dir_.path() / "api.db").string()]() {
        return ledger::Database::open(path, {.create_if_missing = false}, *reference_, clock,
                                      ledger::PasswordCost::minimum());
      };
    }
    api_ = std::make_unique<http::Api>(*database_, std::move(options));
    config.port = 0;
    auto server = http::Server::create(
        config, [this](const http::Request& request) { return api_->handle(request); },
        [this](const http::Request& request, const http::Response& response,
               std::chrono::microseconds elapsed) { api_->observe(request, response, elapsed); },
        [this](const http::Request& head) { return api_->admit(head); });
    EXPECT_TRUE(server.ok()) << (server.ok() ? "" : server.error().message);
    server_ = std::move(*server);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~ApiServer() {
    server_->stop();
    thread_.join();
  }
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  [[nodiscard]] unsigned short port() const { return server_->port(); }
  [[nodiscard]] HttpClient client() const { return HttpClient(port()); }
  http::Api& api() { return *api_; }
  ledger::AccessLedger& access() { return database_->access(); }
  ledger::Database& database() { return *database_; }
  store::Store& store() { return *store_; }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // Every event in the log: a request that must change nothing leaves this unchanged.
  std::vector<store::EventRecord> events() {
    auto all = store_->read_events({});
    EXPECT_TRUE(all.ok());
    return all.ok() ? *all : std::vector<store::EventRecord>{};
  }
  // The events outside the audit stream: what a refused request must not add to.
  std::size_t recorded_outside_audit() {
    std::size_t count = 0;
    for (const auto& event : events()) {
      if (event.case_id != store::kAuditStream) ++count;
    }
    return count;
  }
  // An API token for `user`, issued directly in the ledger.
  std::string token_for(const std::string& user) {
    auto issued = access().issue_token(user, "test", std::nullopt, "admin");
    EXPECT_TRUE(issued.ok()) << (issued.ok() ? "" : issued.error().message);
    api_->access_book(true);
    return issued.ok() ? issued->token : std::string();
  }

 private:
  TempDir dir_;
  std::unique_ptr<ReferenceData> reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ledger::Database> database_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace fms::testing
