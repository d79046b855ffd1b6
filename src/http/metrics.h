// Counters and latency histograms for /metrics, in the Prometheus text exposition format
// (version 0.0.4). Labels are route patterns, never raw paths, so a label's values stay few
// and carry no case data.
//
//   fmsledger_http_requests_total{method,route,status}
//   fmsledger_http_request_duration_seconds{route}     histogram
//   fmsledger_http_errors_total{class="client"|"server"}
//   fmsledger_imports_total{kind,outcome="recorded"|"unchanged"|"refused"}
//   fmsledger_logins_total{outcome="success"|"failure"|"locked"}
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace fms::http {

class Metrics {
 public:
  void request(const std::string& method, const std::string& route, int status,
               std::chrono::microseconds elapsed);
  void import(const std::string& kind, const std::string& outcome);
  void login(const std::string& outcome);
  [[nodiscard]] std::string exposition() const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBucketsSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                          0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
    std::uint64_t count = 0;
    std::int64_t sum_microseconds = 0;
  };

  mutable std::mutex mutex_;  // guards everything below
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
  std::uint64_t client_errors_ = 0;
  std::uint64_t server_errors_ = 0;
  std::map<std::pair<std::string, std::string>, std::uint64_t> imports_;
  std::map<std::string, std::uint64_t> logins_;
};

}  // namespace fms::http
