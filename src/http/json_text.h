// JSON as the server writes it. Serialising never throws: a string that is not UTF-8 (only a
// client can have sent one, in a path, a query or a header; the ledger refuses such text
// where it enters) is written with U+FFFD in place of each bad byte. An exception on a server
// thread would end the process, so nothing the server writes may raise one.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace fms::http {

inline std::string json_text(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}
inline std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace fms::http
