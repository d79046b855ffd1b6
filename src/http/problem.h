// Errors as RFC 9457 problem details (application/problem+json).
//
// Every error the API returns is one of these: "type" is about:blank (the status says what kind
// of problem it is), "title" the status's reason phrase, "status" the code, and "detail" the same
// located message the CLI prints ("receipts.csv:3: field \"qty\": ..."), with the fields it names
// spelled as JSON pointers ("/late_reason") where the CLI names options ("--late-reason"). An error
// about one field of the request carries it as "pointer" too. An error that lists several
// problems (one per line, as imports report them) also carries them as "errors". Every problem has
// a stable "code" (by status: "invalid-input", "not-found", "conflict", ...; `extra` may name a
// narrower one) for a client to word in its own language.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"
#include "http/message.h"

namespace fms::http {

inline constexpr std::string_view kProblemJson = "application/problem+json";

Response problem(int status, const std::string& detail, nlohmann::json extra = nullptr);
// The status an error of the ledger maps to: invalid input 422, not found 404, conflict 409,
// anything else 500 (whose detail is not shown to the client; it goes to the log).
int status_for(const Error& error);
Response problem_for(const Error& error);

}  // namespace fms::http
