// Reference-data loader: turns the JSON tables compiled into the binary (refdata/*.json) and an
// optional run-time override file into one fms::ReferenceData.
//
// How it works:
//  1. Each file is parsed strictly (see refdata/README.md for the shape): unknown fields,
//     duplicate JSON keys, wrong types, JSON numbers with a fraction, codes of the wrong form,
//     duplicate codes, unsorted or duplicate effective dates are errors. Every error names the
//     file and the JSON Pointer of the offending value, e.g.
//       "override.json: /delivery_term_codes/0/confidence: must be one of ..."
//     and syntax errors as "override.json:3:17: <what is wrong>".
//  2. The built-in files are merged: each table lives in exactly one file and every file
//     states the same "version".
//  3. The override (any subset of tables) is applied on top: an entry replaces the built-in
//     entry with the same code or is added; a dated row replaces the row with the same
//     effective_from (and group, for thresholds) or is added, and the table is kept sorted.
//     Nothing can be removed.
//  4. Cross-table rules are checked on the result (every Type of Assistance source code
//     exists, every customer's notification group has thresholds), naming the file and JSON
//     Pointer the offending entry came from.
// Built-in problems are build defects (ErrorKind::internal); override problems are the
// user's input (ErrorKind::invalid_input); an unreadable override file is ErrorKind::io.
#include "refdata/loader.h"

#include "core/json_pointer.h"
#include "refdata/json_fields.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "refdata/embedded.h"

namespace fms::refdata {
namespace {

using nlohmann::json;
using json_pointer::child;

// Limits: reference data is small; anything far larger is a mistake, not data.
constexpr std::size_t kMaxOverrideFileBytes = std::size_t{1024} * 1024;
constexpr std::size_t kMaxEntriesPerTable = 2000;
constexpr std::size_t kMaxCodeLength = 40;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxMeaningLength = 500;
constexpr std::size_t kMaxSourceLength = 2000;
constexpr std::size_t kMaxDescriptionLength = 4000;
constexpr std::size_t kMaxVersionLength = 40;
constexpr std::int64_t kMaxThresholdUsd = 1'000'000'000'000'000;  // USD 10^15: cents fit int64
constexpr std::int64_t kMaxBasisPoints = 10'000;                  // 100%
constexpr std::int64_t kMaxDays = 3'660;                          // ten years

// ---- Domain fields --------------------------------------------------------------------------

Result<std::string> confidence_field(const Source& source, const json& object,
                                     const std::string& pointer) {
  FMS_ASSIGN_OR_RETURN(std::string text,
                       string_field(source, object, pointer, "confidence", kMaxNameLength));
  if (text != "confirmed" && text != "secondary" && text != "unverified") {
    return fail(source, child(pointer, "confidence"),
                "\"" + text + "\" must be one of \"confirmed\", \"secondary\", \"unverified\"");
  }
  return text;
}

// ---- Code tables -----------------------------------------------------------------------------

// The form a code of one table must have.
struct CodeForm {
  std::size_t length_min;
  std::size_t length_max;
  const char* description;  // for the error message
  bool (*char_ok)(char);
  bool kebab;  // lower-case words joined by single '-'
};

bool upper_alpha(char c) {
  return c >= 'A' && c <= 'Z';
}
bool upper_alnum(char c) {
  return upper_alpha(c) || (c >= '0' && c <= '9');
}
bool lower_alpha_or_dash(char c) {
  return (c >= 'a' && c <= 'z') || c == '-';
}
bool snake_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
bool version_char(char c) {
  return upper_alnum(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_';
}

bool matches(const CodeForm& form, const std::string& code) {
  if (code.size() < form.length_min || code.size() > form.length_max) return false;
  if (!std::all_of(code.begin(), code.end(), form.char_ok)) return false;
  if (form.kebab) {
    if (code.front() == '-' || code.back() == '-') return false;
    if (code.find("--") != std::string::npos) return false;
  }
  return true;
}

constexpr CodeForm kCustomerCode{2, 2, "2 characters A-Z or 0-9", upper_alnum, false};
constexpr CodeForm kAgencyCode{1, 1, "1 capital letter A-Z", upper_alpha, false};
constexpr CodeForm kOneCharCode{1, 1, "1 character A-Z or 0-9", upper_alnum, false};
constexpr CodeForm kUnitCode{2, 2, "2 capital letters A-Z", upper_alpha, false};
constexpr CodeForm kKebabCode{1, kMaxCodeLength,
                              "lower-case words joined by '-', e.g. cash-prior-to-delivery",
                              lower_alpha_or_dash, true};
constexpr CodeForm kGroupName{1, kMaxCodeLength, "lower-case letters, digits and '_'", snake_char,
                              false};

Result<std::string> code_field(const Source& source, const json& object, const std::string& pointer,
                               std::string_view name, const CodeForm& form) {
  FMS_ASSIGN_OR_RETURN(std::string code,
                       string_field(source, object, pointer, name, kMaxCodeLength));
  if (!matches(form, code)) {
    return fail(source, child(pointer, name),
                "\"" + code + "\" is not a valid code here; expected " + form.description);
  }
  return code;
}

// An entry together with the place it was read from, for later cross-table errors.
template <class T>
struct Located {
  T value;
  Source source;
  std::string pointer;
};

template <class T>
using CodeTable = std::map<std::string, Located<T>>;

// Reads the array `table_name` of `document` into a code table, calling `read_entry` for each
// element (an object at the given pointer) and rejecting duplicate codes.
template <class T>
Result<std::optional<CodeTable<T>>> read_code_table(
    const Source& source, const json& document, std::string_view table_name,
    const std::function<Result<T>(const json&, const std::string&)>& read_entry) {
  FMS_ASSIGN_OR_RETURN(const json* array, member(source, document, "", table_name, false));
  if (array == nullptr) return std::optional<CodeTable<T>>();
  const std::string pointer = child("", table_name);
  if (!array->is_array()) {
    return fail(source, pointer, "must be an array of entries, got " + type_name(*array));
  }
  if (array->size() > kMaxEntriesPerTable) {
    return fail(source, pointer,
                "has " + std::to_string(array->size()) + " entries; the limit is " +
                    std::to_string(kMaxEntriesPerTable));
  }
  CodeTable<T> table;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string entry_pointer = child(pointer, i);
    FMS_ASSIGN_OR_RETURN(T entry, read_entry((*array)[i], entry_pointer));
    auto [it, inserted] = table.emplace(entry.code, Located<T>{entry, source, entry_pointer});
    if (!inserted) {
      return fail(
          source, child(entry_pointer, "code"),
          "duplicate code \"" + entry.code + "\"; already defined at " + it->second.pointer);
    }
  }
  return std::optional<CodeTable<T>>(std::move(table));
}

std::function<Result<CodeEntry>(const json&, const std::string&)> code_entry_reader(
    const Source& source, const CodeForm& form) {
  return [&source, &form](const json& value, const std::string& pointer) -> Result<CodeEntry> {
    FMS_TRY(check_object(source, value, pointer, {"code", "meaning", "confidence", "source"}));
    CodeEntry entry;
    FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", form));
    FMS_ASSIGN_OR_RETURN(entry.meaning,
                         string_field(source, value, pointer, "meaning", kMaxMeaningLength));
    FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
    FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
    return entry;
  };
}

Result<CustomerEntry> read_customer(const Source& source, const json& value,
                                    const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"code", "name", "notification_group", "confidence", "source"}));
  CustomerEntry entry;
  FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", kCustomerCode));
  FMS_ASSIGN_OR_RETURN(entry.name, string_field(source, value, pointer, "name", kMaxNameLength));
  FMS_ASSIGN_OR_RETURN(entry.notification_group,
                       code_field(source, value, pointer, "notification_group", kGroupName));
  FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return entry;
}

Result<TypeOfAssistanceEntry> read_type_of_assistance(const Source& source, const json& value,
                                                      const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"code", "meaning", "valid_sources", "confidence", "source"}));
  TypeOfAssistanceEntry entry;
  FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", kOneCharCode));
  FMS_ASSIGN_OR_RETURN(entry.meaning,
                       string_field(source, value, pointer, "meaning", kMaxMeaningLength));
  FMS_ASSIGN_OR_RETURN(const json* sources, member(source, value, pointer, "valid_sources", true));
  const std::string sources_pointer = child(pointer, "valid_sources");
  if (!sources->is_array()) {
    return fail(source, sources_pointer,
                "must be an array of Source of Supply codes (empty when none applies), got " +
                    type_name(*sources));
  }
  for (std::size_t i = 0; i < sources->size(); ++i) {
    const std::string item_pointer = child(sources_pointer, i);
    FMS_ASSIGN_OR_RETURN(std::string code,
                         string_value(source, (*sources)[i], item_pointer, kMaxCodeLength));
    if (!matches(kOneCharCode, code)) {
      return fail(
          source, item_pointer,
          "\"" + code + "\" is not a valid code here; expected " + kOneCharCode.description);
    }
    if (std::find(entry.valid_sources.begin(), entry.valid_sources.end(), code) !=
        entry.valid_sources.end()) {
      return fail(source, item_pointer, "Source of Supply \"" + code + "\" is listed twice");
    }
    entry.valid_sources.push_back(code);
  }
  FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return entry;
}

// ---- Dated tables ----------------------------------------------------------------------------

Result<SurchargeRate> read_surcharge_rate(const Source& source, const json& value,
                                          const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"effective_from", "rate_basis_points", "confidence", "source"}));
  SurchargeRate rate;
  FMS_ASSIGN_OR_RETURN(rate.effective_from, date_field(source, value, pointer, "effective_from"));
  FMS_ASSIGN_OR_RETURN(
      rate.rate_basis_points,
      integer_field(source, value, pointer, "rate_basis_points", 0, kMaxBasisPoints));
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return rate;
}

Result<NotificationThresholds> read_thresholds(const Source& source, const json& value,
                                               const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"effective_from", "group", "mde_usd", "articles_services_usd",
                        "design_construction_usd", "review_period_days", "confidence", "source"}));
  NotificationThresholds row;
  FMS_ASSIGN_OR_RETURN(row.effective_from, date_field(source, value, pointer, "effective_from"));
  FMS_ASSIGN_OR_RETURN(row.group, code_field(source, value, pointer, "group", kGroupName));
  FMS_ASSIGN_OR_RETURN(row.mde_usd,
                       integer_field(source, value, pointer, "mde_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(
      row.articles_services_usd,
      integer_field(source, value, pointer, "articles_services_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(
      row.design_construction_usd,
      integer_field(source, value, pointer, "design_construction_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(std::int64_t days,
                       integer_field(source, value, pointer, "review_period_days", 1, kMaxDays));
  row.review_period_days = static_cast<int>(days);
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return row;
}

Result<ReconciliationRules> read_reconciliation_rules(const Source& source, const json& value,
                                                      const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"effective_from", "shipped_not_received_days", "receipt_window_days",
                        "sdr_submission_days", "sdr_deadline_warning_days", "sdr_minimum_usd",
                        "value_tolerance_basis_points", "closure_months_after_ssc", "confidence",
                        "source"}));
  ReconciliationRules rules;
  FMS_ASSIGN_OR_RETURN(rules.effective_from, date_field(source, value, pointer, "effective_from"));
  const auto days = [&](std::string_view name) -> Result<int> {
    FMS_ASSIGN_OR_RETURN(std::int64_t n, integer_field(source, value, pointer, name, 1, kMaxDays));
    return static_cast<int>(n);
  };
  FMS_ASSIGN_OR_RETURN(rules.shipped_not_received_days, days("shipped_not_received_days"));
  FMS_ASSIGN_OR_RETURN(rules.receipt_window_days, days("receipt_window_days"));
  FMS_ASSIGN_OR_RETURN(rules.sdr_submission_days, days("sdr_submission_days"));
  FMS_ASSIGN_OR_RETURN(rules.sdr_deadline_warning_days, days("sdr_deadline_warning_days"));
  FMS_ASSIGN_OR_RETURN(std::int64_t minimum_usd,
                       integer_field(source, value, pointer, "sdr_minimum_usd", 0, kMaxThresholdUsd));
  rules.sdr_minimum_cents = minimum_usd * 100;
  FMS_ASSIGN_OR_RETURN(std::int64_t tolerance,
                       integer_field(source, value, pointer, "value_tolerance_basis_points", 0,
                                     kMaxBasisPoints));
  rules.value_tolerance_basis_points = static_cast<int>(tolerance);
  FMS_ASSIGN_OR_RETURN(std::int64_t months, integer_field(source, value, pointer,
                                                          "closure_months_after_ssc", 0, 120));
  rules.closure_months_after_ssc = static_cast<int>(months);
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return rules;
}

// The key a dated row is replaced by: its date, and for thresholds its group.
std::string row_key(const SurchargeRate& rate) {
  return rate.effective_from.to_string();
}
std::string row_key(const NotificationThresholds& row) {
  return row.group + " " + row.effective_from.to_string();
}
std::string row_key(const ReconciliationRules& rules) {
  return rules.effective_from.to_string();
}
std::string describe_key(const ReconciliationRules& rules) {
  return "effective_from " + rules.effective_from.to_string();
}
std::string describe_key(const SurchargeRate& rate) {
  return "effective_from " + rate.effective_from.to_string();
}
std::string describe_key(const NotificationThresholds& row) {
  return "group \"" + row.group + "\" with effective_from " + row.effective_from.to_string();
}

// Reads a dated table: rows in order of effective_from (equal dates allowed only for rows of
// different groups), no two rows with the same key.
template <class Row>
Result<std::optional<std::vector<Located<Row>>>> read_dated_table(
    const Source& source, const json& document, std::string_view table_name,
    Result<Row> (*read_row)(const Source&, const json&, const std::string&)) {
  FMS_ASSIGN_OR_RETURN(const json* array, member(source, document, "", table_name, false));
  if (array == nullptr) return std::optional<std::vector<Located<Row>>>();
  const std::string pointer = child("", table_name);
  if (!array->is_array()) {
    return fail(source, pointer, "must be an array of dated rows, got " + type_name(*array));
  }
  if (array->size() > kMaxEntriesPerTable) {
    return fail(source, pointer,
                "has " + std::to_string(array->size()) + " rows; the limit is " +
                    std::to_string(kMaxEntriesPerTable));
  }
  std::vector<Located<Row>> rows;
  std::map<std::string, std::string> seen;  // key -> pointer
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string row_pointer = child(pointer, i);
    FMS_ASSIGN_OR_RETURN(Row row, read_row(source, (*array)[i], row_pointer));
    auto [it, inserted] = seen.emplace(row_key(row), row_pointer);
    if (!inserted) {
      return fail(source, child(row_pointer, "effective_from"),
                  "duplicate row for " + describe_key(row) + "; already defined at " + it->second);
    }
    if (!rows.empty() && row.effective_from < rows.back().value.effective_from) {
      return fail(source, child(row_pointer, "effective_from"),
                  row.effective_from.to_string() + " is earlier than the row before it (" +
                      rows.back().value.effective_from.to_string() +
                      "); rows must be in order of effective_from");
    }
    rows.push_back(Located<Row>{row, source, row_pointer});
  }
  return std::optional<std::vector<Located<Row>>>(std::move(rows));
}

// ---- One file --------------------------------------------------------------------------------

struct FileTables {
  std::string version;
  std::optional<CodeTable<CustomerEntry>> customers;
  std::optional<CodeTable<CodeEntry>> implementing_agencies;
  std::optional<CodeTable<TypeOfAssistanceEntry>> types_of_assistance;
  std::optional<CodeTable<CodeEntry>> sources_of_supply;
  std::optional<CodeTable<CodeEntry>> offer_release_codes;
  std::optional<CodeTable<CodeEntry>> delivery_term_codes;
  std::optional<CodeTable<CodeEntry>> units_of_issue;
  std::optional<CodeTable<CodeEntry>> terms_of_sale;
  std::optional<std::vector<Located<SurchargeRate>>> admin_surcharge_rates;
  std::optional<std::vector<Located<NotificationThresholds>>> notification_thresholds;
  std::optional<Located<int>> offer_expiration_days_default;
  std::optional<std::vector<Located<ReconciliationRules>>> reconciliation_rules;
};

const std::vector<std::string_view>& top_level_fields() {
  static const std::vector<std::string_view> fields = {
      "version",
      "description",
      "customers",
      "implementing_agencies",
      "types_of_assistance",
      "sources_of_supply",
      "offer_release_codes",
      "delivery_term_codes",
      "units_of_issue",
      "terms_of_sale",
      "admin_surcharge_rates",
      "notification_thresholds",
      "offer_expiration_days_default",
      "reconciliation_rules",
  };
  return fields;
}

Result<std::optional<Located<int>>> read_offer_expiration(const Source& source,
                                                          const json& document) {
  FMS_ASSIGN_OR_RETURN(const json* value,
                       member(source, document, "", "offer_expiration_days_default", false));
  if (value == nullptr) return std::optional<Located<int>>();
  const std::string pointer = child("", "offer_expiration_days_default");
  FMS_TRY(check_object(source, *value, pointer, {"value", "confidence", "source"}));
  FMS_ASSIGN_OR_RETURN(std::int64_t days,
                       integer_field(source, *value, pointer, "value", 1, kMaxDays));
  FMS_TRY(confidence_field(source, *value, pointer));
  FMS_TRY(optional_text(source, *value, pointer, "source", kMaxSourceLength));
  return std::optional<Located<int>>(Located<int>{static_cast<int>(days), source, pointer});
}

Result<FileTables> read_file(const Source& source, std::string_view text) {
  FMS_ASSIGN_OR_RETURN(json document, parse_json(source, text));
  FMS_TRY(check_object(source, document, "", top_level_fields()));
  FileTables file;
  FMS_ASSIGN_OR_RETURN(file.version,
                       string_field(source, document, "", "version", kMaxVersionLength));
  if (!std::all_of(file.version.begin(), file.version.end(), version_char)) {
    return fail(source, "/version",
                "\"" + file.version + "\" may only use letters, digits, '.', '-' and '_'");
  }
  FMS_TRY(optional_text(source, document, "", "description", kMaxDescriptionLength));

  auto codes = [&](const CodeForm& form) { return code_entry_reader(source, form); };
  FMS_ASSIGN_OR_RETURN(file.customers, read_code_table<CustomerEntry>(
                                           source, document, "customers",
                                           [&source](const json& v, const std::string& p) {
                                             return read_customer(source, v, p);
                                           }));
  FMS_ASSIGN_OR_RETURN(
      file.implementing_agencies,
      read_code_table<CodeEntry>(source, document, "implementing_agencies", codes(kAgencyCode)));
  FMS_ASSIGN_OR_RETURN(
      file.types_of_assistance,
      read_code_table<TypeOfAssistanceEntry>(source, document, "types_of_assistance",
                                             [&source](const json& v, const std::string& p) {
                                               return read_type_of_assistance(source, v, p);
                                             }));
  FMS_ASSIGN_OR_RETURN(
      file.sources_of_supply,
      read_code_table<CodeEntry>(source, document, "sources_of_supply", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.offer_release_codes,
      read_code_table<CodeEntry>(source, document, "offer_release_codes", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.delivery_term_codes,
      read_code_table<CodeEntry>(source, document, "delivery_term_codes", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.units_of_issue,
      read_code_table<CodeEntry>(source, document, "units_of_issue", codes(kUnitCode)));
  FMS_ASSIGN_OR_RETURN(
      file.terms_of_sale,
      read_code_table<CodeEntry>(source, document, "terms_of_sale", codes(kKebabCode)));
  FMS_ASSIGN_OR_RETURN(file.admin_surcharge_rates,
                       read_dated_table<SurchargeRate>(source, document, "admin_surcharge_rates",
                                                       read_surcharge_rate));
  FMS_ASSIGN_OR_RETURN(file.notification_thresholds,
                       read_dated_table<NotificationThresholds>(
                           source, document, "notification_thresholds", read_thresholds));
  FMS_ASSIGN_OR_RETURN(file.offer_expiration_days_default, read_offer_expiration(source, document));
  FMS_ASSIGN_OR_RETURN(file.reconciliation_rules,
                       read_dated_table<ReconciliationRules>(
                           source, document, "reconciliation_rules", read_reconciliation_rules));
  return file;
}

// ---- Merging ---------------------------------------------------------------------------------

// All tables with provenance; becomes ReferenceData once complete and cross-checked.
struct Merged {
  std::string version;
  std::optional<Source> version_source;
  std::map<std::string, Source> table_owner;  // built-in: which file defines each table
  CodeTable<CustomerEntry> customers;
  CodeTable<CodeEntry> implementing_agencies;
  CodeTable<TypeOfAssistanceEntry> types_of_assistance;
  CodeTable<CodeEntry> sources_of_supply;
  CodeTable<CodeEntry> offer_release_codes;
  CodeTable<CodeEntry> delivery_term_codes;
  CodeTable<CodeEntry> units_of_issue;
  CodeTable<CodeEntry> terms_of_sale;
  std::vector<Located<SurchargeRate>> admin_surcharge_rates;
  std::vector<Located<NotificationThresholds>> notification_thresholds;
  std::optional<Located<int>> offer_expiration_days_default;
  std::vector<Located<ReconciliationRules>> reconciliation_rules;
};

// Built-in: a table may be defined by one file only.
Status claim_table(Merged& merged, const Source& source, std::string_view table, bool present) {
  if (!present) return Status::Ok();
  auto [it, inserted] = merged.table_owner.emplace(std::string(table), source);
  if (!inserted) {
    return fail(source, child("", table),
                "table \"" + std::string(table) + "\" is also defined in " + it->second.name +
                    "; each built-in table must live in one file");
  }
  return Status::Ok();
}

template <class T>
void apply_codes(CodeTable<T>& target, std::optional<CodeTable<T>>& incoming) {
  if (!incoming) return;
  for (auto& [code, entry] : *incoming) target.insert_or_assign(code, std::move(entry));
}

// Order of dated rows: by effective_from, then (thresholds) by group.
bool row_less(const SurchargeRate& a, const SurchargeRate& b) {
  return a.effective_from < b.effective_from;
}

bool row_less(const ReconciliationRules& a, const ReconciliationRules& b) {
  return a.effective_from < b.effective_from;
}

bool row_less(const NotificationThresholds& a, const NotificationThresholds& b) {
  if (a.effective_from != b.effective_from) return a.effective_from < b.effective_from;
  return a.group < b.group;
}

template <class Row>
void apply_rows(std::vector<Located<Row>>& target,
                std::optional<std::vector<Located<Row>>>& incoming) {
  if (!incoming) return;
  for (Located<Row>& row : *incoming) {
    auto same = std::find_if(target.begin(), target.end(), [&row](const Located<Row>& existing) {
      return row_key(existing.value) == row_key(row.value);
    });
    if (same != target.end()) {
      *same = std::move(row);
    } else {
      target.push_back(std::move(row));
    }
  }
  std::stable_sort(target.begin(), target.end(), [](const Located<Row>& a, const Located<Row>& b) {
    return row_less(a.value, b.value);
  });
}

void apply(Merged& merged, FileTables& file) {
  apply_codes(merged.customers, file.customers);
  apply_codes(merged.implementing_agencies, file.implementing_agencies);
  apply_codes(merged.types_of_assistance, file.types_of_assistance);
  apply_codes(merged.sources_of_supply, file.sources_of_supply);
  apply_codes(merged.offer_release_codes, file.offer_release_codes);
  apply_codes(merged.delivery_term_codes, file.delivery_term_codes);
  apply_codes(merged.units_of_issue, file.units_of_issue);
  apply_codes(merged.terms_of_sale, file.terms_of_sale);
  apply_rows(merged.admin_surcharge_rates, file.admin_surcharge_rates);
  apply_rows(merged.notification_thresholds, file.notification_thresholds);
  apply_rows(merged.reconciliation_rules, file.reconciliation_rules);
  if (file.offer_expiration_days_default) {
    merged.offer_expiration_days_default = std::move(file.offer_expiration_days_default);
  }
}

Status add_builtin_file(Merged& merged, const Source& source, FileTables& file) {
  if (merged.version_source && file.version != merged.version) {
    return fail(source, "/version",
                "\"" + file.version + "\" differs from \"" + merged.version + "\" in " +
                    merged.version_source->name +
                    "; all built-in reference files must state the same version");
  }
  merged.version = file.version;
  merged.version_source = source;
  FMS_TRY(claim_table(merged, source, "customers", file.customers.has_value()));
  FMS_TRY(
      claim_table(merged, source, "implementing_agencies", file.implementing_agencies.has_value()));
  FMS_TRY(claim_table(merged, source, "types_of_assistance", file.types_of_assistance.has_value()));
  FMS_TRY(claim_table(merged, source, "sources_of_supply", file.sources_of_supply.has_value()));
  FMS_TRY(claim_table(merged, source, "offer_release_codes", file.offer_release_codes.has_value()));
  FMS_TRY(claim_table(merged, source, "delivery_term_codes", file.delivery_term_codes.has_value()));
  FMS_TRY(claim_table(merged, source, "units_of_issue", file.units_of_issue.has_value()));
  FMS_TRY(claim_table(merged, source, "terms_of_sale", file.terms_of_sale.has_value()));
  FMS_TRY(
      claim_table(merged, source, "admin_surcharge_rates", file.admin_surcharge_rates.has_value()));
  FMS_TRY(claim_table(merged, source, "notification_thresholds",
                      file.notification_thresholds.has_value()));
  FMS_TRY(claim_table(merged, source, "offer_expiration_days_default",
                      file.offer_expiration_days_default.has_value()));
  FMS_TRY(
      claim_table(merged, source, "reconciliation_rules", file.reconciliation_rules.has_value()));
  apply(merged, file);
  return Status::Ok();
}

// ---- Cross-table checks and the final value ------------------------------------------------

Status check_complete(const Merged& merged) {
  const char* tables[] = {"customers",
                          "implementing_agencies",
                          "types_of_assistance",
                          "sources_of_supply",
                          "offer_release_codes",
                          "delivery_term_codes",
                          "units_of_issue",
                          "terms_of_sale",
                          "admin_surcharge_rates",
                          "notification_thresholds",
                          "offer_expiration_days_default",
                          "reconciliation_rules"};
  for (const char* table : tables) {
    if (merged.table_owner.find(table) == merged.table_owner.end()) {
      return Error::internal("built-in reference data has no table \"" + std::string(table) +
                             "\"; add it to a file under refdata/ and rebuild");
    }
  }
  return Status::Ok();
}

Status check_cross_references(const Merged& merged) {
  for (const auto& [code, located] : merged.types_of_assistance) {
    const auto& sources = located.value.valid_sources;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (merged.sources_of_supply.find(sources[i]) == merged.sources_of_supply.end()) {
        std::string known;
        for (const auto& [sc, entry] : merged.sources_of_supply) {
          known += (known.empty() ? "" : ", ") + sc;
        }
        return fail(located.source, child(child(located.pointer, "valid_sources"), i),
                    "Source of Supply \"" + sources[i] + "\" is not a known code; known: " + known);
      }
    }
  }
  std::set<std::string> groups;
  for (const auto& row : merged.notification_thresholds) groups.insert(row.value.group);
  for (const auto& [code, located] : merged.customers) {
    const std::string& group = located.value.notification_group;
    if (groups.find(group) == groups.end()) {
      std::string known;
      for (const std::string& g : groups) known += (known.empty() ? "" : ", ") + g;
      return fail(located.source, child(located.pointer, "notification_group"),
                  "group \"" + group + "\" has no AECA 36(b) thresholds; known groups: " +
                      (known.empty() ? std::string("(none)") : known));
    }
  }
  return Status::Ok();
}

template <class T>
std::map<std::string, T> strip(const CodeTable<T>& table) {
  std::map<std::string, T> out;
  for (const auto& [code, located] : table) out.emplace(code, located.value);
  return out;
}

template <class Row>
std::vector<Row> strip(const std::vector<Located<Row>>& rows) {
  std::vector<Row> out;
  out.reserve(rows.size());
  for (const auto& located : rows) out.push_back(located.value);
  return out;
}

ReferenceData to_reference_data(const Merged& merged, std::string version) {
  ReferenceData data;
  data.version = std::move(version);
  data.customers = strip(merged.customers);
  data.implementing_agencies = strip(merged.implementing_agencies);
  data.types_of_assistance = strip(merged.types_of_assistance);
  data.sources_of_supply = strip(merged.sources_of_supply);
  data.offer_release_codes = strip(merged.offer_release_codes);
  data.delivery_term_codes = strip(merged.delivery_term_codes);
  data.units_of_issue = strip(merged.units_of_issue);
  data.terms_of_sale = strip(merged.terms_of_sale);
  data.admin_surcharge_rates = strip(merged.admin_surcharge_rates);
  data.notification_thresholds = strip(merged.notification_thresholds);
  data.offer_expiration_days_default = merged.offer_expiration_days_default->value;
  data.reconciliation_rules = strip(merged.reconciliation_rules);
  return data;
}

Result<Merged> load_builtin_merged() {
  Merged merged;
  for (const EmbeddedFile& embedded : embedded_files()) {
    const Source source{std::string(embedded.name) + " (built-in)", ErrorKind::internal};
    FMS_ASSIGN_OR_RETURN(FileTables file, read_file(source, embedded.content));
    FMS_TRY(add_builtin_file(merged, source, file));
  }
  FMS_TRY(check_complete(merged));
  return merged;
}

}  // namespace

Result<ReferenceData> load_builtin() {
  FMS_ASSIGN_OR_RETURN(Merged merged, load_builtin_merged());
  FMS_TRY(check_cross_references(merged));
  return to_reference_data(merged, merged.version);
}

Result<ReferenceData> load_with_override(std::string_view override_json,
                                         const std::string& source_name) {
  FMS_ASSIGN_OR_RETURN(Merged merged, load_builtin_merged());
  const Source source{source_name, ErrorKind::invalid_input};
  if (override_json.size() > kMaxOverrideFileBytes) {
    return Error::invalid(source_name + ": reference-data override is " +
                          std::to_string(override_json.size()) + " bytes; the limit is " +
                          std::to_string(kMaxOverrideFileBytes));
  }
  FMS_ASSIGN_OR_RETURN(FileTables file, read_file(source, override_json));
  const std::string version = merged.version + "+" + file.version;
  apply(merged, file);
  FMS_TRY(check_cross_references(merged));
  return to_reference_data(merged, version);
}

Result<ReferenceData> load_with_override_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::io("cannot read reference-data override file \"" + path +
                     "\": " + std::strerror(errno));
  }
  std::string content;
  errno = 0;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (content.size() > kMaxOverrideFileBytes) {
      return Error::invalid("reference-data override file \"" + path + "\" is larger than " +
                            std::to_string(kMaxOverrideFileBytes) + " bytes; refusing it");
    }
  }
  if (in.bad()) {
    const int error_number = errno;
    return Error::io("cannot read reference-data override file \"" + path +
                     "\": " + (error_number != 0 ? std::strerror(error_number) : "read error"));
  }
  return load_with_override(content, path);
}

}  // namespace fms::refdata
