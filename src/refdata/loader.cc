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

#include "core/json_pointer.h"
#include "refdata/embedded.h"
#include "refdata/file_tables.h"
#include "refdata/json_fields.h"

namespace fms::refdata {
namespace {

using json_pointer::child;
using nlohmann::json;

// Reference data is small; an override file far larger is a mistake, not data.
constexpr std::size_t kMaxOverrideFileBytes = std::size_t{1024} * 1024;

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
  CodeTable<StatementColumn> dd645_columns;
  std::vector<Located<JapaneseEra>> japanese_eras;
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

bool row_less(const JapaneseEra& a, const JapaneseEra& b) {
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
  apply_codes(merged.dd645_columns, file.dd645_columns);
  apply_rows(merged.japanese_eras, file.japanese_eras);
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
  FMS_TRY(claim_table(merged, source, "dd645_columns", file.dd645_columns.has_value()));
  FMS_TRY(claim_table(merged, source, "japanese_eras", file.japanese_eras.has_value()));
  apply(merged, file);
  return Status::Ok();
}

// ---- Cross-table checks and the final value ------------------------------------------------

Status check_complete(const Merged& merged) {
  for (const std::string_view table : table_names()) {
    if (merged.table_owner.find(std::string(table)) == merged.table_owner.end()) {
      return Error::internal("built-in reference data has no table \"" + std::string(table) +
                             "\"; add it to a file under refdata/ and rebuild");
    }
  }
  return Status::Ok();
}

// A statement needs a heading for each required field: without one no file could be read.
Status check_statement_map(const Merged& merged) {
  for (const StatementField field : all_statement_fields()) {
    if (!statement_field_required(field)) continue;
    const bool mapped =
        std::any_of(merged.dd645_columns.begin(), merged.dd645_columns.end(),
                    [&](const auto& entry) { return entry.second.value.field == field; });
    if (mapped) continue;
    const Source& owner = merged.table_owner.at("dd645_columns");
    return fail(owner, "/dd645_columns",
                "no heading maps to the required field \"" +
                    std::string(statement_field_name(field)) + "\"; a DD 645 could not be read");
  }
  return Status::Ok();
}

// Each era names later fiscal years than the one before it, or a year would have two names.
Status check_era_order(const Merged& merged) {
  const auto& eras = merged.japanese_eras;
  for (std::size_t i = 1; i < eras.size(); ++i) {
    if (eras[i].value.first_fiscal_year > eras[i - 1].value.first_fiscal_year) continue;
    return fail(eras[i].source, child(eras[i].pointer, "first_fiscal_year"),
                std::to_string(eras[i].value.first_fiscal_year) + " is not after " +
                    std::to_string(eras[i - 1].value.first_fiscal_year) +
                    ", the first fiscal year of " + eras[i - 1].value.romaji + " (" +
                    eras[i - 1].pointer + " of " + eras[i - 1].source.name + ")");
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
  FMS_TRY(check_statement_map(merged));
  FMS_TRY(check_era_order(merged));
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
  data.dd645_columns = strip(merged.dd645_columns);
  data.japanese_eras = strip(merged.japanese_eras);
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
