// Routes anyone may call: liveness, metrics and the API's own description.
#include "http/api.h"
#include "http/embedded_api_files.h"
#include "http/problem.h"
#include "http/responses.h"

namespace fms::http {

std::string_view openapi_document() {
  for (const auto& file : embedded::embedded_files()) {
    if (file.name == "openapi.json") return file.content;
  }
  return "{}";
}

void add_system_routes(Router& router) {
  router.add({"GET", "/healthz", Permission::anyone, Scope::none, [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                // The store answers: a cheap read proves the database is reachable.
                const Status answered =
                    call.api.with_reader([](ledger::Database& database) { return database.ping(); });
                if (!answered.ok()) {
                  Response down = problem(503, "the database cannot be read");
                  down.log_error = answered.error().text(Spelling::pointer);
                  return down;
                }
                return json_response(200, OrderedJson{{"status", "ok"}});
              }});
  router.add({"GET", "/metrics", Permission::anyone, Scope::none, [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                return text_response(200, "text/plain; version=0.0.4; charset=utf-8",
                                     call.api.metrics().exposition());
              }});
  router.add({"GET", "/api/openapi.json", Permission::anyone, Scope::none, [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                return text_response(200, "application/json", std::string(openapi_document()));
              }});
}

}  // namespace fms::http
