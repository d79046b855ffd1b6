// The OpenAPI document served at /api/openapi.json describes exactly the routes the server has:
// every route is documented with its method, and every documented operation is a route.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "http/embedded_api_files.h"

namespace fms::testing {
namespace {

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  ApiServer server;
  const auto reply = server.client().get("/api/openapi.json");
  ASSERT_EQ(reply.status, 200);
  const auto document = reply.json();
  EXPECT_EQ(document.at("openapi"), "3.1.0");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : document.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert({upper, path});
      EXPECT_TRUE(operation.contains("operationId")) << upper << " " << path;
      EXPECT_TRUE(operation.contains("responses")) << upper << " " << path;
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const http::Route& route : server.api().router().routes()) {
    routed.insert({route.method, route.pattern});
    EXPECT_EQ(documented.count({route.method, route.pattern}), 1U)
        << route.method << " " << route.pattern << " is a route the document does not describe";
  }
  for (const auto& key : documented) {
    EXPECT_EQ(routed.count(key), 1U)
        << key.first << " " << key.second << " is documented but the server has no such route";
  }
}

TEST(OpenApi, EachOperationStatesThePermissionItsRouteChecks) {
  ApiServer server;
  const auto document = nlohmann::json::parse(http::openapi_document());
  for (const http::Route& route : server.api().router().routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& operation = document.at("paths").at(route.pattern).at(method);
    EXPECT_EQ(operation.at("x-fmsledger-permission"),
              std::string(ledger::to_string(route.permission)))
        << route.method << " " << route.pattern;
    // Path parameters are declared with the names the route uses.
    std::set<std::string> declared;
    for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
      if (parameter.at("in") == "path") declared.insert(parameter.at("name"));
    }
    std::set<std::string> in_pattern;
    for (const auto segment : http::split_path(route.pattern)) {
      if (segment.size() > 2 && segment.front() == '{') {
        in_pattern.insert(std::string(segment.substr(1, segment.size() - 2)));
      }
    }
    EXPECT_EQ(declared, in_pattern) << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace fms::testing
