// The web UI's built files (web/dist), served at "/": the page shell and its assets hold no case
// data, so they need no sign-in; everything the page shows comes from the API. A path that is
// not a file is answered with index.html, so the page's own links (/cases/JA-P-TWK) survive a
// reload. Paths are resolved inside the root only: "..", absolute paths and symbolic links
// leading outside it are not found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/message.h"

namespace fms::http {

inline constexpr std::size_t kMaxStaticFileBytes = 16 * 1024 * 1024;

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  // The answer for a GET of `path`; nullopt when the root has no index.html either.
  [[nodiscard]] std::optional<Response> serve(const std::string& path) const;

 private:
  std::filesystem::path root_;
};

std::string content_type_for(const std::filesystem::path& file);

}  // namespace fms::http
