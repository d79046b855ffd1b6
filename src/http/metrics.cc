#include "http/metrics.h"

#include <fmt/format.h>

#include <array>

namespace fms::http {
namespace {

// Label values are route patterns and fixed words; escape anyway, as the format requires.
std::string label(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// A client chooses its method; a series per method it invents would grow /metrics without
// bound. Labels come from a fixed set.
const std::string& method_label(const std::string& method) {
  static const std::array<std::string, 8> kKnown{"GET",   "HEAD",   "POST",    "PUT",
                                                 "PATCH", "DELETE", "OPTIONS", "other"};
  for (const std::string& known : kKnown) {
    if (known == method) return known;
  }
  return kKnown.back();
}

}  // namespace

void Metrics::request(const std::string& method, const std::string& route, int status,
                      std::chrono::microseconds elapsed) {
  const std::lock_guard lock(mutex_);
  ++requests_[{method_label(method), route, status}];
  Histogram& histogram = durations_[route];
  const double seconds = static_cast<double>(elapsed.count()) / 1e6;
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum_microseconds += elapsed.count();
  if (status >= 500) {
    ++server_errors_;
  } else if (status >= 400) {
    ++client_errors_;
  }
}

void Metrics::import(const std::string& kind, const std::string& outcome) {
  const std::lock_guard lock(mutex_);
  ++imports_[{kind, outcome}];
}

void Metrics::login(const std::string& outcome) {
  const std::lock_guard lock(mutex_);
  ++logins_[outcome];
}

std::string Metrics::exposition() const {
  const std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP fmsledger_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE fmsledger_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format(
        "fmsledger_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
        label(method), label(route), status, count);
  }
  out +=
      "# HELP fmsledger_http_request_duration_seconds Time from a request's headers to its "
      "answer.\n";
  out += "# TYPE fmsledger_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format(
          "fmsledger_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
          label(route), kBucketsSeconds[i], histogram.buckets[i]);
    }
    out += fmt::format(
        "fmsledger_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
        label(route), histogram.count);
    out += fmt::format("fmsledger_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n",
                       label(route), static_cast<double>(histogram.sum_microseconds) / 1e6);
    out += fmt::format("fmsledger_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       label(route), histogram.count);
  }
  out +=
      "# HELP fmsledger_http_errors_total Requests answered with a 4xx (client) or 5xx (server) "
      "status.\n";
  out += "# TYPE fmsledger_http_errors_total counter\n";
  out += fmt::format("fmsledger_http_errors_total{{class=\"client\"}} {}\n", client_errors_);
  out += fmt::format("fmsledger_http_errors_total{{class=\"server\"}} {}\n", server_errors_);
  out += "# HELP fmsledger_imports_total Documents submitted for import, by kind and outcome.\n";
  out += "# TYPE fmsledger_imports_total counter\n";
  for (const auto& [key, count] : imports_) {
    out += fmt::format("fmsledger_imports_total{{kind=\"{}\",outcome=\"{}\"}} {}\n",
                       label(key.first), label(key.second), count);
  }
  out += "# HELP fmsledger_logins_total Sign-in attempts, by outcome.\n";
  out += "# TYPE fmsledger_logins_total counter\n";
  for (const char* outcome : {"success", "failure", "throttled"}) {
    const auto it = logins_.find(outcome);
    out += fmt::format("fmsledger_logins_total{{outcome=\"{}\"}} {}\n", outcome,
                       it == logins_.end() ? 0 : it->second);
  }
  return out;
}

}  // namespace fms::http
