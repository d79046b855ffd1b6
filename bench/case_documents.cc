// Basic LOAs of the benchmark cases: spare and repair parts, per-unit lines, a cost summary and
// a quarterly payment schedule that add up, the admin surcharge rate in force at acceptance,
// and a 36(b) notification reference whenever the case's value calls for one.
#include "case_documents.h"

#include <array>
#include <string_view>

#include "core/case_id.h"
#include "core/loa_rules.h"
#include "core/notification.h"
#include "io/loa_json.h"

namespace fms::bench {
namespace {

struct Item {
  std::string_view generic_code;
  std::string_view masl;
  std::string_view description;
  std::string_view unit_of_issue;
};

// Spare and repair parts the lines buy, chosen by line number; MASL numbers are invented.
constexpr std::array<Item, 8> kItems{{
    {"R9A", "1560-01-400-0001", "Airframe structural repair parts", "EA"},
    {"ASP", "5895-01-400-0002", "Radar receiver-transmitter spares", "EA"},
    {"C5B", "1680-01-400-0003", "Hydraulic actuator repair kit", "KT"},
    {"J2K", "5998-01-400-0004", "Circuit card assemblies", "EA"},
    {"N7M", "4320-01-400-0005", "Fuel pump overhaul set", "SE"},
    {"P3X", "6130-01-400-0006", "Power supply modules", "EA"},
    {"T4D", "5330-01-400-0007", "Seals and gaskets", "BX"},
    {"W8G", "2915-01-400-0008", "Engine fuel control spares", "PR"},
}};

struct Assistance {
  std::string_view type_of_assistance;
  std::string_view source_of_supply;
};
constexpr std::array<Assistance, 3> kAssistance{{{"3", "S"}, {"5", "P"}, {"4", "X"}}};

constexpr std::string_view kPurchaser =
    "Government of Japan, Ministry of Defense (Acquisition, Technology and Logistics Agency)";
constexpr int kOfferPeriodDays = 85;
constexpr int kAvailabilityFromMonths = 6;
constexpr std::int64_t kPackingCratingHandlingPerMille = 35;
constexpr std::int64_t kDepositDivisor = 4;  // a quarter of the total with acceptance
constexpr std::size_t kInstallments = 8;
constexpr int kNotificationDaysBeforeOffer = 60;
constexpr std::int64_t kNotifiedValueRoundingCents = 1'000'000'00;  // whole millions

Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}

// Months from `from` to `to`, counting calendar months only.
int months_between(const CivilDate& from, const CivilDate& to) {
  return (to.year() - from.year()) * 12 + static_cast<int>(to.month()) -
         static_cast<int>(from.month());
}

// The first quarterly billing day (15 Mar/Jun/Sep/Dec) strictly after `date`.
CivilDate next_billing_day(const CivilDate& date) {
  CivilDate candidate = CivilDate::from_ymd(date.year(), date.month(), 15);
  while (!(date < candidate) || candidate.month() % 3 != 0) candidate = candidate.plus_months(1);
  return candidate;
}

LoaLine make_line(const Portfolio& portfolio, const BenchCase& bench_case, const BenchLine& line,
                  std::size_t local_index, std::int64_t surcharge_basis_points) {
  const Item& item = kItems[local_index % kItems.size()];
  const Assistance& assistance = kAssistance[local_index % kAssistance.size()];
  LoaLine out;
  out.number = line.number;
  out.generic_code = item.generic_code;
  out.masl = item.masl;
  out.description = item.description;
  out.pricing = LinePricing::per_unit;
  out.quantity =
      line.delivered_quantity +
      std::max<std::int64_t>(1, line.delivered_quantity * kLineQuantityMarginPercent / 100);
  out.unit_of_issue = item.unit_of_issue;
  out.unit_cost = usd(line.unit_cost_cents);
  out.total = usd(line.unit_cost_cents * out.quantity);
  out.type_of_assistance = assistance.type_of_assistance;
  out.source_of_supply = assistance.source_of_supply;
  out.offer_release_code = "A";
  out.delivery_term_code = line.delivery_term_code;
  out.availability_months_from = kAvailabilityFromMonths;
  out.availability_months_to = months_between(bench_case.acceptance, portfolio.as_of) +
                               kAvailabilityMonthsAfterAsOf + static_cast<int>(local_index % 12);
  out.admin_surcharge_basis_points = surcharge_basis_points;
  out.note_references = {"1"};
  return out;
}

void add_costs(LoaVersion& version, std::int64_t surcharge_basis_points) {
  std::int64_t net = 0;
  for (const LoaLine& line : version.lines) net += line.total.minor_units();
  const std::int64_t packing = net * kPackingCratingHandlingPerMille / 1000;
  const std::int64_t surcharge = net * surcharge_basis_points / 10'000;
  const std::int64_t total = net + packing + surcharge;
  version.cost_summary = {usd(net), usd(packing), usd(0), usd(surcharge), usd(0), usd(total)};

  const std::int64_t deposit = total / kDepositDivisor;
  const std::int64_t rest = total - deposit;
  const auto installments = static_cast<std::int64_t>(kInstallments);
  version.payment_schedule.initial_deposit = usd(deposit);
  CivilDate due = next_billing_day(*version.acceptance_date);
  for (std::size_t i = 0; i < kInstallments; ++i) {
    const std::int64_t amount = i + 1 == kInstallments
                                    ? rest - rest / installments * (installments - 1)
                                    : rest / installments;
    version.payment_schedule.installments.push_back({due, usd(amount)});
    due = due.plus_months(3);
  }
}

Status add_notification_if_required(LoaVersion& version, const BenchCase& bench_case,
                                    const ReferenceData& reference) {
  FMS_ASSIGN_OR_RETURN(NotificationCheck check, check_notification(version, reference));
  if (!check.required) return Status::Ok();
  const std::int64_t total = version.cost_summary.total.minor_units();
  const std::int64_t notified =
      (total / kNotifiedValueRoundingCents + 1) * kNotifiedValueRoundingCents;
  version.notification = NotificationReference{
      "BM-" + bench_case.document_prefix.substr(3),
      bench_case.offer.plus_days(-kNotificationDaysBeforeOffer), usd(notified), usd(0)};
  return Status::Ok();
}

Status validate(const LoaVersion& version, const std::string& source,
                const ReferenceData& reference) {
  const std::vector<RuleViolation> violations = check_version(version, reference);
  if (!violations.empty()) {
    std::string message = source + ": the generated Basic LOA breaks the LOA rules:";
    for (const RuleViolation& v : violations) message += "\n  " + v.location + ": " + v.message;
    return Error::internal(message);
  }
  // What `case import` will do with the file.
  auto parsed = io::parse_loa_version(io::serialize_loa_version(version), source, reference);
  if (!parsed.ok()) return parsed.error();
  return Status::Ok();
}

}  // namespace

Result<LoaVersion> basic_loa(const Portfolio& portfolio, std::size_t case_index,
                             const ReferenceData& reference) {
  const BenchCase& bench_case = portfolio.cases[case_index];
  LoaVersion version;
  FMS_ASSIGN_OR_RETURN(version.case_id, CaseId::parse(bench_case.case_id, reference));
  version.kind = DocumentKind::basic;
  version.version = 0;
  version.title = "Spare and repair parts, benchmark case " + bench_case.case_id;
  version.purchaser = kPurchaser;
  version.purpose =
      "Basic LOA: spare and repair parts bought per unit; a synthetic case of the fmsledger "
      "benchmark portfolio.";
  version.terms_of_sale = "cash-prior-to-delivery";
  version.currency = Currency::usd();
  version.offer_date = bench_case.offer;
  version.offer_expiration_date = bench_case.offer.plus_days(kOfferPeriodDays);
  version.acceptance_date = bench_case.acceptance;
  version.effective_date = bench_case.acceptance;
  FMS_ASSIGN_OR_RETURN(SurchargeRate rate,
                       reference.admin_surcharge_rate_on(bench_case.acceptance));
  for (std::uint32_t l = 0; l < bench_case.line_count; ++l) {
    version.lines.push_back(make_line(portfolio, bench_case,
                                      portfolio.lines[bench_case.first_line + l], l,
                                      rate.rate_basis_points));
  }
  version.notes.push_back(
      {"1", "Synthetic data",
       "Quantities, prices and dates are invented for the benchmark; they describe no real case."});
  add_costs(version, rate.rate_basis_points);
  FMS_TRY(add_notification_if_required(version, bench_case, reference));
  version.provenance =
      "illustrative: synthetic benchmark case written by "
      "fmsledger-bench-generate (seed " +
      std::to_string(portfolio.seed) + ", as of " + portfolio.as_of.to_string() + ")";
  FMS_TRY(validate(version, case_document_path(bench_case), reference));
  return version;
}

std::string case_document_path(const BenchCase& bench_case) {
  return "cases/" + bench_case.case_id + ".json";
}

std::vector<std::string> setup_commands(const BenchCase& bench_case) {
  return {
      "case import " + case_document_path(bench_case),
      "case transition " + bench_case.case_id + " accepted --date " +
          bench_case.acceptance.to_string() + " --reason 'LOA signed by the purchaser'",
      "case transition " + bench_case.case_id + " implemented --date " +
          bench_case.implemented.to_string() + " --reason 'case implemented'" +
          " --override 'the benchmark portfolio models no payments, so no deposit'",
  };
}

}  // namespace fms::bench
