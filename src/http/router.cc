#include "http/router.h"

#include <algorithm>

namespace fms::http {
namespace {

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches path segments against a pattern; -1 when they do not match, otherwise the number of
// literal segments (more literal segments is a more specific match).
int match_pattern(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                  std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return -1;
  int literals = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (path[i].empty()) return -1;
      if (params != nullptr) {
        (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = std::string(path[i]);
      }
    } else if (pattern[i] == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return literals;
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

void Router::add(Route route) {
  std::vector<std::string> segments;
  for (const std::string_view segment : split_path(route.pattern)) segments.emplace_back(segment);
  patterns_.push_back(std::move(segments));
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view raw_path) const {
  RouteMatch best;
  std::vector<std::string> segments;
  for (const std::string_view raw : split_path(raw_path)) {
    auto decoded = percent_decode(raw, false);
    if (!decoded) return best;
    segments.push_back(std::move(*decoded));
  }
  int best_literals = -1;
  std::size_t best_index = 0;
  // HEAD is answered by the GET route, without the body (http/server.cc).
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  for (std::size_t index = 0; index < routes_.size(); ++index) {
    const Route& route = routes_[index];
    const int literals = match_pattern(patterns_[index], segments, nullptr);
    if (literals < 0) continue;
    if (route.method != wanted) {
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), route.method) ==
          best.allowed_methods.end()) {
        best.allowed_methods.push_back(route.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best_literals = literals;
      best.route = &route;
      best_index = index;
    }
  }
  if (best.route != nullptr) {
    best.params.clear();
    match_pattern(patterns_[best_index], segments, &best.params);
    best.allowed_methods.clear();
  } else if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), "GET") !=
             best.allowed_methods.end()) {
    best.allowed_methods.push_back("HEAD");
  }
  return best;
}

}  // namespace fms::http
