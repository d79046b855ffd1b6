// Parsing of the generator's command line: four options, strict numbers, explicit limits.
#include "generator_options.h"

#include <charconv>
#include <optional>
#include <string_view>

namespace fms::bench {
namespace {

template <class Integer>
Result<Integer> parse_integer(const std::string& option, const std::string& text) {
  Integer value{};
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) {
    return Error::invalid(option + ": \"" + text + "\" is not a whole number");
  }
  return value;
}

}  // namespace

Result<GeneratorOptions> parse_generator_options(const std::vector<std::string>& arguments) {
  GeneratorOptions options;
  std::optional<std::string> out;
  std::optional<std::string> deliveries;
  std::optional<std::string> seed;
  std::string as_of = kDefaultAsOf;
  for (std::size_t i = 0; i < arguments.size(); i += 2) {
    const std::string& name = arguments[i];
    if (i + 1 == arguments.size()) return Error::invalid(name + ": a value is required");
    const std::string& value = arguments[i + 1];
    if (name == "--out") {
      out = value;
    } else if (name == "--deliveries") {
      deliveries = value;
    } else if (name == "--seed") {
      seed = value;
    } else if (name == "--as-of") {
      as_of = value;
    } else {
      return Error::invalid("unknown option \"" + name +
                            "\"; usage: --out DIR --deliveries N --seed S [--as-of YYYY-MM-DD]");
    }
  }
  if (!out || out->empty()) return Error::invalid("--out: the output directory is required");
  if (!deliveries) return Error::invalid("--deliveries: the number of delivery rows is required");
  if (!seed) return Error::invalid("--seed: the seed is required");
  options.out_dir = *out;
  FMS_ASSIGN_OR_RETURN(options.deliveries,
                       parse_integer<std::int64_t>("--deliveries", *deliveries));
  if (options.deliveries < kMinDeliveries || options.deliveries > kMaxDeliveries) {
    return Error::invalid("--deliveries: " + *deliveries + " is outside " +
                          std::to_string(kMinDeliveries) + " to " + std::to_string(kMaxDeliveries));
  }
  FMS_ASSIGN_OR_RETURN(options.seed, parse_integer<std::uint64_t>("--seed", *seed));
  auto date = CivilDate::parse(as_of);
  if (!date.ok()) return date.error().at("--as-of");
  options.as_of = *date;
  const CivilDate earliest = CivilDate::parse(kEarliestAsOf).value();
  const CivilDate latest = CivilDate::parse(kLatestAsOf).value();
  if (options.as_of < earliest || latest < options.as_of) {
    return Error::invalid("--as-of: " + as_of + " is outside " + kEarliestAsOf + " to " +
                          kLatestAsOf);
  }
  return options;
}

}  // namespace fms::bench
