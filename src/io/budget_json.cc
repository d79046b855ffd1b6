// Budget documents in JSON (see budget_json.h). Reading walks the known structure and keeps
// going after a problem, so the whole list is reported at once; the cross-entry rules of
// core/budget.h run only when every field could be read.
#include "io/budget_json.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "core/case_id.h"
#include "core/json_pointer.h"
#include "io/loa_json.h"
#include "io/strict_json.h"

namespace fms::io {
namespace {

using Json = nlohmann::json;
using json_pointer::child;

std::string index(const std::string& pointer, std::size_t i) {
  return pointer + "/" + std::to_string(i);
}

class Reader {
 public:
  Reader(std::string source, const ReferenceData& reference)
      : source_(std::move(source)), reference_(reference) {}

  void problem(const std::string& pointer, std::string message) {
    problems_.push_back({pointer, std::move(message)});
  }
  [[nodiscard]] bool clean() const { return problems_.empty(); }

  Error error() const {
    std::string message;
    const std::size_t shown = std::min(problems_.size(), kMaxReportedProblems);
    for (std::size_t i = 0; i < shown; ++i) {
      if (i > 0) message += "\n";
      message += source_ + ": " + (problems_[i].pointer.empty() ? "/" : problems_[i].pointer) +
                 ": " + problems_[i].message;
    }
    if (problems_.size() > shown) {
      message += "\n... and " + std::to_string(problems_.size() - shown) + " more";
    }
    return Error::invalid(message);
  }

  // An object with only `allowed` members, of which `required` must be present.
  bool object(const Json& value, const std::string& pointer,
              std::initializer_list<std::string_view> allowed,
              std::initializer_list<std::string_view> required) {
    if (!value.is_object()) {
      problem(pointer, std::string("must be an object, got ") + value.type_name());
      return false;
    }
    for (const auto& [key, member] : value.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        problem(child(pointer, key), "unknown field \"" + key + "\"");
      }
    }
    bool complete = true;
    for (const std::string_view name : required) {
      if (!value.contains(name)) {
        problem(child(pointer, name), "required field is missing");
        complete = false;
      }
    }
    return complete;
  }

  std::optional<std::string> text(const Json& object, const std::string& pointer,
                                  std::string_view name, std::size_t max_bytes) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;  // `object` reported a missing required one
    const std::string at = child(pointer, name);
    if (!it->is_string()) {
      problem(at, std::string("must be a string, got ") + it->type_name());
      return std::nullopt;
    }
    const auto& value = it->get_ref<const std::string&>();
    if (value.empty() || value.size() > max_bytes) {
      problem(at, "must be 1 to " + std::to_string(max_bytes) + " bytes, got " +
                      std::to_string(value.size()));
      return std::nullopt;
    }
    return value;
  }

  std::optional<CivilDate> date(const Json& object, const std::string& pointer,
                                std::string_view name) {
    const auto value = text(object, pointer, name, 10);
    if (!value) return std::nullopt;
    auto parsed = CivilDate::parse(*value);
    if (!parsed) {
      problem(child(pointer, name), parsed.error().message);
      return std::nullopt;
    }
    return *parsed;
  }

  // "JFY2025": budgets are kept per Japanese fiscal year.
  std::optional<FiscalYear> year(const Json& value, const std::string& at) {
    if (!value.is_string()) {
      problem(at, std::string("must be a string like \"JFY2025\", got ") + value.type_name());
      return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    constexpr std::string_view kPrefix = "JFY";
    int number = 0;
    bool digits = text.size() == kPrefix.size() + 4 && text.starts_with(kPrefix);
    for (std::size_t i = kPrefix.size(); digits && i < text.size(); ++i) {
      digits = text[i] >= '0' && text[i] <= '9';
      number = number * 10 + (text[i] - '0');
    }
    if (!digits || number < 1950 || number > 2200) {
      problem(at, "\"" + text + "\" is not a Japanese fiscal year like \"JFY2025\" (1950-2200)");
      return std::nullopt;
    }
    return FiscalYear{FiscalCalendar::japan, number};
  }
  std::optional<FiscalYear> year(const Json& object, const std::string& pointer,
                                 std::string_view name) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    return year(*it, child(pointer, name));
  }

  // A yen amount as a decimal string ("JPY 254,000,000,000" or "254000000000").
  std::optional<Money> yen(const Json& object, const std::string& pointer, std::string_view name) {
    const auto value = text(object, pointer, name, 64);
    if (!value) return std::nullopt;
    auto parsed = Money::parse(*value, Currency::jpy());
    if (!parsed) {
      problem(
          child(pointer, name),
          "\"" + *value + "\" is not a yen amount (budgets are in JPY): " + parsed.error().message);
      return std::nullopt;
    }
    return *parsed;
  }

  // {"pair": "USD/JPY", "rate": "137"} or the same two fields inside a larger object.
  std::optional<ExchangeRate> rate(const Json& object, const std::string& pointer) {
    const auto pair = text(object, pointer, "pair", 16);
    const auto value = text(object, pointer, "rate", 32);
    if (!pair || !value) return std::nullopt;
    if (*pair != "USD/JPY") {
      problem(child(pointer, "pair"),
              "\"" + *pair + "\" is not a supported pair here (budgets convert USD/JPY)");
      return std::nullopt;
    }
    auto parsed = ExchangeRate::parse(*value, Currency::usd(), Currency::jpy());
    if (!parsed) {
      problem(child(pointer, "rate"), parsed.error().message);
      return std::nullopt;
    }
    return *parsed;
  }

  std::optional<bool> boolean(const Json& object, const std::string& pointer,
                              std::string_view name) {
    const auto it = object.find(name);
    if (it == object.end()) return std::nullopt;
    if (!it->is_boolean()) {
      problem(child(pointer, name), std::string("must be true or false, got ") + it->type_name());
      return std::nullopt;
    }
    return it->get<bool>();
  }

  // The array `name` (possibly absent: then empty), at most `max_items` long.
  const Json* array(const Json& object, const std::string& pointer, std::string_view name,
                    std::size_t max_items) {
    const auto it = object.find(name);
    if (it == object.end()) return nullptr;
    if (!it->is_array()) {
      problem(child(pointer, name), std::string("must be an array, got ") + it->type_name());
      return nullptr;
    }
    if (it->size() > max_items) {
      problem(child(pointer, name), "at most " + std::to_string(max_items) + " entries, got " +
                                        std::to_string(it->size()));
      return nullptr;
    }
    return &*it;
  }

  std::vector<std::string> cases(const Json& object, const std::string& pointer) {
    std::vector<std::string> out;
    const Json* list = array(object, pointer, "cases", kMaxCasesPerBudgetEntry);
    if (list == nullptr) return out;
    const std::string at = child(pointer, "cases");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Json& value = (*list)[i];
      if (!value.is_string()) {
        problem(index(at, i),
                std::string("must be a case identifier string, got ") + value.type_name());
        continue;
      }
      // Case identifiers are written in capitals; accept them in any case, as the CLI does.
      std::string text = value.get_ref<const std::string&>();
      for (char& c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      auto id = CaseId::parse(text, reference_);
      if (!id) {
        problem(index(at, i), id.error().message);
        continue;
      }
      const std::string normalised = id->to_string();
      if (std::find(out.begin(), out.end(), normalised) != out.end()) {
        problem(index(at, i), normalised + " is listed twice");
        continue;
      }
      out.push_back(normalised);
    }
    return out;
  }

  [[nodiscard]] const std::vector<BudgetProblem>& problems() const { return problems_; }

 private:
  std::string source_;
  const ReferenceData& reference_;
  std::vector<BudgetProblem> problems_;
};

void read_rates(Reader& reader, const Json& root, BudgetDocument& out) {
  const Json* list = reader.array(root, "", "budget_rates", kMaxBudgetEntries);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = index("/budget_rates", i);
    const Json& entry = (*list)[i];
    if (!reader.object(entry, at, {"fiscal_year", "pair", "rate", "source"},
                       {"fiscal_year", "pair", "rate", "source"})) {
      continue;
    }
    const auto year = reader.year(entry, at, "fiscal_year");
    const auto rate = reader.rate(entry, at);
    const auto source = reader.text(entry, at, "source", kMaxRateSourceBytes);
    if (year && rate && source) out.budget_rates.push_back({*year, *rate, *source});
  }
}

void read_appropriations(Reader& reader, const Json& root, BudgetDocument& out) {
  const Json* list = reader.array(root, "", "appropriations", kMaxBudgetEntries);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = index("/appropriations", i);
    const Json& entry = (*list)[i];
    if (!reader.object(
            entry, at, {"id", "fiscal_year", "programme", "category", "amount", "policy", "cases"},
            {"id", "fiscal_year", "programme", "category", "amount", "policy", "cases"})) {
      continue;
    }
    Appropriation line;
    const auto id = reader.text(entry, at, "id", kMaxBudgetIdBytes);
    const auto year = reader.year(entry, at, "fiscal_year");
    const auto programme = reader.text(entry, at, "programme", kMaxBudgetTextBytes);
    const auto category = reader.text(entry, at, "category", kMaxBudgetTextBytes);
    const auto amount = reader.yen(entry, at, "amount");
    const auto policy_text = reader.text(entry, at, "policy", 8);
    std::optional<OverrunPolicy> policy;
    if (policy_text) {
      auto parsed = overrun_policy_from_string(*policy_text);
      if (parsed) {
        policy = *parsed;
      } else {
        reader.problem(at + "/policy", parsed.error().message);
      }
    }
    line.cases = reader.cases(entry, at);
    if (!(id && year && programme && category && amount && policy)) continue;
    line.id = *id;
    line.fiscal_year = *year;
    line.programme = *programme;
    line.category = *category;
    line.amount = *amount;
    line.policy = *policy;
    out.appropriations.push_back(std::move(line));
  }
}

void read_authorities(Reader& reader, const Json& root, BudgetDocument& out) {
  const Json* list = reader.array(root, "", "obligation_authorities", kMaxBudgetEntries);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = index("/obligation_authorities", i);
    const Json& entry = (*list)[i];
    if (!reader.object(entry, at,
                       {"id", "title", "contract_year", "payment_years", "ceiling",
                        "long_term_designation", "cases"},
                       {"id", "title", "contract_year", "payment_years", "ceiling", "cases"})) {
      continue;
    }
    ObligationAuthority authority;
    const auto id = reader.text(entry, at, "id", kMaxBudgetIdBytes);
    const auto title = reader.text(entry, at, "title", kMaxBudgetTextBytes);
    const auto contract_year = reader.year(entry, at, "contract_year");
    const auto ceiling = reader.yen(entry, at, "ceiling");
    const auto long_term = reader.boolean(entry, at, "long_term_designation");
    bool years_ok = true;
    if (const Json* years = reader.array(entry, at, "payment_years", kMaxLongTermAuthorityYears)) {
      for (std::size_t y = 0; y < years->size(); ++y) {
        const auto year = reader.year((*years)[y], index(at + "/payment_years", y));
        if (year) {
          authority.payment_years.push_back(*year);
        } else {
          years_ok = false;
        }
      }
    } else {
      years_ok = false;
    }
    authority.cases = reader.cases(entry, at);
    if (!(id && title && contract_year && ceiling && years_ok)) continue;
    authority.id = *id;
    authority.title = *title;
    authority.contract_year = *contract_year;
    authority.ceiling = *ceiling;
    authority.long_term_designation = long_term.value_or(false);
    out.authorities.push_back(std::move(authority));
  }
}

void read_envelopes(Reader& reader, const Json& root, BudgetDocument& out) {
  const Json* list = reader.array(root, "", "envelopes", kMaxBudgetEntries);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string at = index("/envelopes", i);
    const Json& entry = (*list)[i];
    if (!reader.object(entry, at,
                       {"id", "name", "first_year", "last_year", "total", "assumed_rate", "shares"},
                       {"id", "name", "first_year", "last_year", "total", "assumed_rate"})) {
      // A yen total without the rate it was costed at cannot be compared with dollars.
      continue;
    }
    const auto id = reader.text(entry, at, "id", kMaxBudgetIdBytes);
    const auto name = reader.text(entry, at, "name", kMaxBudgetTextBytes);
    const auto first = reader.year(entry, at, "first_year");
    const auto last = reader.year(entry, at, "last_year");
    const auto total = reader.yen(entry, at, "total");
    std::optional<ExchangeRate> assumed;
    const Json& rate = entry.at("assumed_rate");
    if (reader.object(rate, at + "/assumed_rate", {"pair", "rate"}, {"pair", "rate"})) {
      assumed = reader.rate(rate, at + "/assumed_rate");
    }
    std::vector<EnvelopeShare> shares;
    bool shares_ok = true;
    if (const Json* share_list = reader.array(entry, at, "shares", kMaxBudgetEntries)) {
      for (std::size_t s = 0; s < share_list->size(); ++s) {
        const std::string share_at = index(at + "/shares", s);
        const Json& share = (*share_list)[s];
        if (!reader.object(share, share_at, {"id", "name", "amount", "cases"},
                           {"id", "name", "amount", "cases"})) {
          shares_ok = false;
          continue;
        }
        const auto share_id = reader.text(share, share_at, "id", kMaxBudgetIdBytes);
        const auto share_name = reader.text(share, share_at, "name", kMaxBudgetTextBytes);
        const auto amount = reader.yen(share, share_at, "amount");
        auto cases = reader.cases(share, share_at);
        if (share_id && share_name && amount) {
          shares.push_back({*share_id, *share_name, *amount, std::move(cases)});
        } else {
          shares_ok = false;
        }
      }
    }
    if (!(id && name && first && last && total && assumed && shares_ok)) continue;
    out.envelopes.push_back({*id, *name, *first, *last, *total, *assumed, std::move(shares)});
  }
}

}  // namespace

Result<BudgetDocument> budget_document_from_json(const Json& document, const std::string& source,
                                                 const ReferenceData& reference) {
  Reader reader(source, reference);
  BudgetDocument out;
  if (!reader.object(document, "",
                     {"format", "effective_date", "title", "provenance", "budget_rates",
                      "appropriations", "obligation_authorities", "envelopes"},
                     {"format", "effective_date", "title", "provenance"})) {
    return reader.error();
  }
  if (const auto format = reader.text(document, "", "format", 64);
      format && *format != kBudgetFormat) {
    reader.problem("/format", "\"" + *format + "\" is not " + std::string(kBudgetFormat));
  }
  const auto effective = reader.date(document, "", "effective_date");
  const auto title = reader.text(document, "", "title", kMaxBudgetTextBytes);
  const auto provenance = reader.text(document, "", "provenance", kMaxBudgetTextBytes);
  read_rates(reader, document, out);
  read_appropriations(reader, document, out);
  read_authorities(reader, document, out);
  read_envelopes(reader, document, out);
  if (!reader.clean()) return reader.error();
  out.effective_date = *effective;
  out.title = *title;
  out.provenance = *provenance;
  for (BudgetProblem& rule : check_budget(out)) reader.problem(rule.pointer, rule.message);
  if (!reader.clean()) return reader.error();
  return out;
}

Result<BudgetDocument> parse_budget_document(std::string_view json_text, const std::string& source,
                                             const ReferenceData& reference) {
  if (json_text.size() > kMaxBudgetDocumentBytes) {
    return Error::invalid(source + ": " + std::to_string(json_text.size()) +
                          " bytes; a budget document is at most " +
                          std::to_string(kMaxBudgetDocumentBytes) + " bytes");
  }
  FMS_ASSIGN_OR_RETURN(StrictJson parsed, parse_strict_json(json_text, source));
  if (!parsed.duplicate_keys.empty()) {
    std::string message;
    for (const DuplicateKey& duplicate : parsed.duplicate_keys) {
      if (!message.empty()) message += "\n";
      message += source + ": " + duplicate.pointer + ": " + duplicate.message;
    }
    return Error::invalid(message);
  }
  return budget_document_from_json(parsed.value, source, reference);
}

namespace {

nlohmann::ordered_json rate_json(const ExchangeRate& rate) {
  return {{"pair", rate.pair()}, {"rate", rate.to_string()}};
}

}  // namespace

nlohmann::ordered_json to_json(const BudgetDocument& document) {
  using Ordered = nlohmann::ordered_json;
  Ordered out;
  out["format"] = kBudgetFormat;
  out["effective_date"] = document.effective_date.to_string();
  out["title"] = document.title;
  out["provenance"] = document.provenance;
  Ordered rates = Ordered::array();
  for (const BudgetRate& entry : document.budget_rates) {
    rates.push_back({{"fiscal_year", entry.fiscal_year.label()},
                     {"pair", entry.rate.pair()},
                     {"rate", entry.rate.to_string()},
                     {"source", entry.source}});
  }
  out["budget_rates"] = std::move(rates);
  Ordered lines = Ordered::array();
  for (const Appropriation& line : document.appropriations) {
    lines.push_back({{"id", line.id},
                     {"fiscal_year", line.fiscal_year.label()},
                     {"programme", line.programme},
                     {"category", line.category},
                     {"amount", line.amount.to_plain_string()},
                     {"policy", to_string(line.policy)},
                     {"cases", line.cases}});
  }
  out["appropriations"] = std::move(lines);
  Ordered authorities = Ordered::array();
  for (const ObligationAuthority& authority : document.authorities) {
    Ordered years = Ordered::array();
    for (const FiscalYear& year : authority.payment_years) years.push_back(year.label());
    authorities.push_back({{"id", authority.id},
                           {"title", authority.title},
                           {"contract_year", authority.contract_year.label()},
                           {"payment_years", std::move(years)},
                           {"ceiling", authority.ceiling.to_plain_string()},
                           {"long_term_designation", authority.long_term_designation},
                           {"cases", authority.cases}});
  }
  out["obligation_authorities"] = std::move(authorities);
  Ordered envelopes = Ordered::array();
  for (const Envelope& envelope : document.envelopes) {
    Ordered shares = Ordered::array();
    for (const EnvelopeShare& share : envelope.shares) {
      shares.push_back({{"id", share.id},
                        {"name", share.name},
                        {"amount", share.amount.to_plain_string()},
                        {"cases", share.cases}});
    }
    envelopes.push_back({{"id", envelope.id},
                         {"name", envelope.name},
                         {"first_year", envelope.first_year.label()},
                         {"last_year", envelope.last_year.label()},
                         {"total", envelope.total.to_plain_string()},
                         {"assumed_rate", rate_json(envelope.assumed_rate)},
                         {"shares", std::move(shares)}});
  }
  out["envelopes"] = std::move(envelopes);
  return out;
}

std::string serialize_budget_document(const BudgetDocument& document) {
  return to_json(document).dump(2) + "\n";
}

}  // namespace fms::io
