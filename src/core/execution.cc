// Execution-record vocabulary: document kinds, the yen rate and problem reports.
#include "core/execution.h"

#include <array>
#include <limits>

namespace fms {
namespace {

constexpr std::array<std::pair<ExecutionKind, std::string_view>, 4> kKindNames{{
    {ExecutionKind::delivery_listing, "delivery-listing"},
    {ExecutionKind::receipts, "receipts"},
    {ExecutionKind::bill, "bill"},
    {ExecutionKind::payments, "payments"},
}};

__extension__ using Int128 = __int128;

constexpr std::int64_t kRateScale = 10'000;
constexpr std::int64_t kMaxRateTenThousandths = 100'000 * kRateScale;  // 100,000 yen per dollar

}  // namespace

std::string_view to_string(ExecutionKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

Result<ExecutionKind> execution_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kKindNames) {
    if (name == text) return k;
  }
  return Error::invalid("unknown execution document kind \"" + std::string(text) +
                        "\" (expected delivery-listing, receipts, bill or payments)");
}

std::string YenRate::to_string() const {
  std::string fraction = std::to_string(ten_thousandths % kRateScale);
  fraction.insert(0, 4 - fraction.size(), '0');
  return std::to_string(ten_thousandths / kRateScale) + "." + fraction;
}

Result<YenRate> YenRate::parse(std::string_view text) {
  const auto bad = [&] {
    return Error::invalid("\"" + std::string(text) +
                          "\" is not a yen-per-dollar rate such as 151.25 (up to 4 decimals)");
  };
  if (text.empty()) return bad();
  std::int64_t whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    if (text[i] < '0' || text[i] > '9' || i >= 6) return bad();
    whole = whole * 10 + (text[i] - '0');
  }
  if (i == 0) return bad();
  std::int64_t fraction = 0;
  int digits = 0;
  if (i < text.size()) {
    ++i;  // the '.'
    if (i == text.size()) return bad();
    for (; i < text.size(); ++i, ++digits) {
      if (text[i] < '0' || text[i] > '9' || digits >= 4) return bad();
      fraction = fraction * 10 + (text[i] - '0');
    }
  }
  for (; digits < 4; ++digits) fraction *= 10;
  const std::int64_t value = whole * kRateScale + fraction;
  if (value <= 0 || value > kMaxRateTenThousandths) return bad();
  return YenRate{value};
}

Result<Money> usd_equivalent(const Money& yen, const YenRate& rate) {
  if (!(yen.currency() == Currency::jpy())) {
    return Error::invalid("a rate converts yen amounts, not " + std::string(yen.currency().code()));
  }
  if (rate.ten_thousandths <= 0) return Error::invalid("the yen rate must be positive");
  // cents = yen * 100 / (rate / 10^4) = yen * 10^6 / rate_ten_thousandths, rounded half away
  // from zero; 128-bit so no yen amount the Money type holds can overflow.
  const Int128 numerator = static_cast<Int128>(yen.minor_units()) * 1'000'000;
  const Int128 magnitude = numerator < 0 ? -numerator : numerator;
  Int128 cents = (2 * magnitude + rate.ten_thousandths) / (2 * rate.ten_thousandths);
  if (numerator < 0) cents = -cents;
  if (cents > std::numeric_limits<std::int64_t>::max() ||
      cents < std::numeric_limits<std::int64_t>::min()) {
    return Error::invalid("the USD equivalent does not fit in a money amount");
  }
  return Money(static_cast<std::int64_t>(cents), Currency::usd());
}

std::string describe_problems(std::string_view source, const std::vector<RowProblem>& problems,
                              std::size_t total_problems) {
  std::string message;
  std::size_t shown = 0;
  for (const auto& p : problems) {
    if (shown == kMaxReportedProblems) break;
    if (!message.empty()) message += '\n';
    message += std::string(source) + ":" + std::to_string(p.line) + ": field \"" + p.field +
               "\": " + p.message;
    ++shown;
  }
  if (total_problems > shown) {
    message += "\n" + std::string(source) + ": ... and " + std::to_string(total_problems - shown) +
               " more problems; nothing was imported";
  }
  return message;
}

}  // namespace fms
