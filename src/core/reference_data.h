// Reference data: the code lists, rates, thresholds and deadlines FMS rules depend on.
// They change over time (the admin surcharge went from 3.5% to 3.2% on 2018-06-01), so every
// rate and threshold carries the date it took effect, and look-ups take the date that matters
// (acceptance date for the surcharge, offer date for notification), never "today".
// The values live in refdata/*.json, compiled into the binary, optionally overridden at run time
// (see refdata/loader.h). Unknown codes are errors everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/statement_columns.h"

namespace fms {

// One entry of a code list (Type of Assistance "5", Delivery Term Code "4", customer "JA"...).
struct CodeEntry {
  std::string code;
  std::string meaning;
  std::string confidence;  // "confirmed", "secondary" or "unverified" (see domain reference)
};

// A Security Cooperation customer code (SAMM Table C4.T2A); not ISO 3166.
struct CustomerEntry {
  std::string code;                // "JA"
  std::string name;                // "Japan"
  std::string notification_group;  // "nato_plus5" or "other" (AECA 36(b) thresholds)
  std::string confidence;
};

// Type of Assistance with the Source of Supply codes that may go with it.
struct TypeOfAssistanceEntry {
  std::string code;
  std::string meaning;
  std::vector<std::string> valid_sources;  // empty: no source code applies
  std::string confidence;
};

// A Japanese era (元号) from its first day: 令和 from 2019-05-01, and the first Japanese fiscal
// year (April-March) named in it: JFY2019 is 令和元年度 (core/japanese_era.h).
struct JapaneseEra {
  CivilDate effective_from;   // the era's first day
  std::string name;           // "令和"
  std::string romaji;         // "Reiwa"
  int first_fiscal_year = 0;  // 2019
};

struct SurchargeRate {
  CivilDate effective_from;
  std::int64_t rate_basis_points;  // 320 = 3.20%
};

// AECA 36(b) thresholds for one purchaser group, in whole US dollars.
struct NotificationThresholds {
  CivilDate effective_from;
  std::string group;  // "nato_plus5" or "other"
  std::int64_t mde_usd;
  std::int64_t articles_services_usd;
  std::int64_t design_construction_usd;
  int review_period_days;
};

// The rules reconciliation and SDRs apply (fms-reference.md sections 6.3, 7.2, 8.2). Some values
// are unconfirmed there, hence dated and overridable like every other rule.
struct ReconciliationRules {
  CivilDate effective_from;
  int shipped_not_received_days = 0;     // a shipment unreceived this long is a discrepancy
  int receipt_window_days = 0;           // second matching pass: receipt this long after shipment
  int sdr_submission_days = 0;           // SDR due within this many days of shipment / bill
  int sdr_deadline_warning_days = 0;     // warn when an SDR deadline is this close
  std::int64_t sdr_minimum_cents = 0;    // below this the USG reviews no claim ("for information")
  int value_tolerance_basis_points = 0;  // delivery value vs LOA price before it is a mismatch
  int closure_months_after_ssc = 0;      // closure target after supply/services complete
  // A quarter's DD 645 is missing once this many days passed after the quarter end (issued
  // about 15 days after it, fms-reference.md 6.2).
  int statement_missing_days = 45;
  // Costs to date at or above this share of the case value: an amendment may be needed.
  int case_value_warning_basis_points = 9000;
};

struct ReferenceData {
  std::string version;  // e.g. "2026-11-01", stated in the data files
  std::map<std::string, CustomerEntry> customers;
  std::map<std::string, CodeEntry> implementing_agencies;
  std::map<std::string, TypeOfAssistanceEntry> types_of_assistance;
  std::map<std::string, CodeEntry> sources_of_supply;
  std::map<std::string, CodeEntry> offer_release_codes;
  std::map<std::string, CodeEntry> delivery_term_codes;
  std::map<std::string, CodeEntry> units_of_issue;
  std::map<std::string, CodeEntry> terms_of_sale;
  std::vector<SurchargeRate> admin_surcharge_rates;             // sorted by effective_from
  std::vector<NotificationThresholds> notification_thresholds;  // sorted by effective_from
  int offer_expiration_days_default = 0;                        // OED = offer date + this (85)
  std::vector<ReconciliationRules> reconciliation_rules;        // sorted by effective_from
  // The DD 645 column map, keyed by normalised heading (core/statement_columns.h).
  std::map<std::string, StatementColumn> dd645_columns;
  std::vector<JapaneseEra> japanese_eras;  // sorted by effective_from

  // Look-ups return a clear error naming the list and the unknown code.
  [[nodiscard]] Result<CustomerEntry> customer(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> implementing_agency(const std::string& code) const;
  [[nodiscard]] Result<TypeOfAssistanceEntry> type_of_assistance(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> source_of_supply(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> offer_release_code(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> delivery_term_code(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> unit_of_issue(const std::string& code) const;
  [[nodiscard]] Result<CodeEntry> term_of_sale(const std::string& code) const;
  // The rate in force on `date` (the last entry with effective_from <= date).
  [[nodiscard]] Result<SurchargeRate> admin_surcharge_rate_on(const CivilDate& date) const;
  [[nodiscard]] Result<ReconciliationRules> reconciliation_rules_on(const CivilDate& date) const;
  [[nodiscard]] Result<NotificationThresholds> notification_thresholds_on(
      const std::string& group, const CivilDate& date) const;
};

}  // namespace fms
