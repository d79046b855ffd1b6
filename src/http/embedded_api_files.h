// Files compiled into the server: the OpenAPI document (src/http/openapi.json) and the words
// of codes and report columns (src/http/words.json).
#pragma once

#include <span>
#include <string_view>

#include "base/embedded_file.h"

namespace fms::http::embedded {

using base::EmbeddedFile;

std::span<const EmbeddedFile> embedded_files();

}  // namespace fms::http::embedded

namespace fms::http {
// The OpenAPI 3.1 document served at /api/openapi.json.
std::string_view openapi_document();
}  // namespace fms::http
