// Reference data the browser shows as it is: Japanese fiscal years with their era names
// (令和7年度 / JFY2025), from the era table of the reference data (core/japanese_era.h).
#include <charconv>

#include "core/fiscal_year.h"
#include "core/japanese_era.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"

namespace fms::http {
namespace {

// The widest span one request may ask for: a century of fiscal years.
constexpr int kMaxFiscalYearsPerRequest = 100;
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;

Answer<int> year_query(const Request& request, const std::string& name) {
  const std::optional<std::string> text = request.query_param(name);
  if (!text) return problem(400, "query parameter \"" + name + "\" is required, e.g. 2025");
  int year = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), year);
  if (error != std::errc() || end != text->data() + text->size() || year < kFirstYear ||
      year > kLastYear) {
    return problem(
        400, "query parameter \"" + name + "\": \"" + *text + "\" is not a year from 1900 to 2199");
  }
  return year;
}

OrderedJson fiscal_year_json(const ReferenceData& reference, int jfy) {
  const FiscalYear year{FiscalCalendar::japan, jfy};
  const Result<JapaneseFiscalYearName> name =
      japanese_fiscal_year_name(reference.japanese_eras, jfy);
  return OrderedJson{{"jfy", jfy},
                     {"label", year.label()},
                     {"japanese", name.ok() ? OrderedJson(name->japanese) : OrderedJson(nullptr)},
                     {"romaji", name.ok() ? OrderedJson(name->romaji) : OrderedJson(nullptr)},
                     {"first_day", year.first_day().to_string()},
                     {"last_day", year.last_day().to_string()}};
}

// ?from=2019&to=2031: each Japanese fiscal year of the span, named both ways; null where the
// era table does not reach.
Reply japanese_fiscal_years(Call& call) {
  if (auto refused = check_query(call.request, {"from", "to"})) return *refused;
  FMS_ASSIGN_OR_RETURN(const int from, year_query(call.request, "from"));
  FMS_ASSIGN_OR_RETURN(const int to, year_query(call.request, "to"));
  if (to < from) return problem(400, "query parameter \"to\" is before \"from\"");
  if (to - from + 1 > kMaxFiscalYearsPerRequest) {
    return problem(400, "at most 100 fiscal years in one request; ask for a shorter span");
  }
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    const ReferenceData& reference = reader.database().reference();
    OrderedJson years = OrderedJson::array();
    for (int jfy = from; jfy <= to; ++jfy) years.push_back(fiscal_year_json(reference, jfy));
    return json_response(200, OrderedJson{{"fiscal_years", std::move(years)}});
  });
}

}  // namespace

void add_reference_routes(Router& router) {
  router.add(
      {"GET", "/api/fiscal-years", Permission::read, Scope::portfolio, japanese_fiscal_years});
}

}  // namespace fms::http
