#include "http/static_files.h"

#include <fstream>
#include <sstream>

namespace fms::http {
namespace {

std::optional<std::string> read_small_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxStaticFileBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string content_type_for(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::optional<Response> StaticFiles::serve(const std::string& path) const {
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(root_, ec);
  if (ec) return std::nullopt;
  std::filesystem::path file = root;
  bool inside = path.find("..") == std::string::npos && path.find('\0') == std::string::npos;
  if (inside && path.size() > 1) {
    file = std::filesystem::weakly_canonical(root / path.substr(1), ec);
    const auto relative = file.lexically_relative(root);
    inside = !ec && !relative.empty() && *relative.begin() != "..";
  }
  const bool is_file = inside && std::filesystem::is_regular_file(file, ec);
  const std::filesystem::path chosen = is_file ? file : root / "index.html";
  auto body = read_small_file(chosen);
  if (!body) return std::nullopt;
  Response response;
  response.content_type = content_type_for(chosen);
  response.body = std::move(*body);
  // Built assets carry a content hash in their names; the shell must always be fresh.
  const bool hashed_asset = is_file && path.rfind("/assets/", 0) == 0;
  response.with_header("Cache-Control",
                       hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  response.with_header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      "frame-ancestors 'none'");
  return response;
}

}  // namespace fms::http
