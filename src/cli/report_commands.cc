// `fmsledger report ...`: the programme office's and the auditor's reports, each as a table
// (default), --json or --csv.
#include <iostream>

#include "cli/session.h"
#include "report/closure_report.h"
#include "report/discrepancy_report.h"
#include "report/exceptions_report.h"
#include "report/sheet_text.h"
#include "report/status_report.h"

namespace fms::cli {
namespace {

// The options every report shares.
struct ReportOptions {
  std::string as_of;
  std::string case_id;
  bool csv = false;
  std::string xlsx;
};

void add_output_options(CLI::App* command, ReportOptions& report_options) {
  command->add_flag("--csv", report_options.csv, "CSV output (RFC 4180, header row)");
  command->add_option("--xlsx", report_options.xlsx, "Also write the report's table as .xlsx");
}

void add_common_options(CLI::App* command, ReportOptions& report_options) {
  command->add_option("--as-of", report_options.as_of, "Report as of this date (default today)");
  command->add_option("--case", report_options.case_id, "Only this case");
  add_output_options(command, report_options);
}

Result<CivilDate> as_of_date(const ReportOptions& report_options, const ledger::Ledger& ledger) {
  if (report_options.as_of.empty()) return ledger.today();
  return parse_date_option(report_options.as_of, "--as-of");
}

// The --case filter, if given, as the ledger writes case identifiers.
Result<std::optional<std::string>> case_filter(const ReportOptions& report_options,
                                               const ledger::Ledger& ledger) {
  if (report_options.case_id.empty()) return std::optional<std::string>();
  auto case_id = ledger.normalise_case_id(report_options.case_id);
  if (!case_id.ok()) return case_id.error().at_field("case");
  return std::optional<std::string>(std::move(*case_id));
}

// Opens the session, builds the reconciliation view as of the report date and runs `render`
// with it and the --case filter.
template <class Render>
int with_view(const Options& options, const ReportOptions& report_options, Render render) {
  return with_session(options, false, [&](Session& session) {
    auto case_id = case_filter(report_options, *session.ledger);
    if (!case_id.ok()) return fail(case_id.error());
    auto as_of = as_of_date(report_options, *session.ledger);
    if (!as_of.ok()) return fail(as_of.error());
    auto view = session.ledger->reconciliation_view(*as_of);
    if (!view.ok()) return fail(view.error());
    return render(*view, *case_id);
  });
}

// Writes the report's sheet to --xlsx when asked, then prints it in the format asked for:
// --json (global), --csv or a table.
template <class Report, class Text, class ToJson, class Sheet>
int print_report(const Options& options, const ReportOptions& report_options, const Report& built,
                 Text text, ToJson to_json, Sheet sheet) {
  if (!report_options.xlsx.empty()) {
    const Status written = report::write_xlsx(report_options.xlsx, {sheet(built)});
    if (!written.ok()) return fail(written.error().at_field("xlsx"));
    std::cerr << "Wrote " << report_options.xlsx << "\n";
  }
  if (options.json) {
    print_json(to_json(built));
  } else if (report_options.csv) {
    std::cout << report::sheet_csv(sheet(built));
  } else {
    std::cout << text(built);
  }
  return 0;
}

}  // namespace

void add_report_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  auto* report_cmd =
      app.add_subcommand("report", "Reports: discrepancies, status, closure, exceptions, sdr");
  report_cmd->require_subcommand(1);
  report_cmd->fallthrough();

  static ReportOptions discrepancies_options;
  static std::string discrepancies_type;
  auto* discrepancies = report_cmd->add_subcommand(
      "discrepancies",
      "Every discrepancy between seller and buyer records, aged, with next action");
  add_common_options(discrepancies, discrepancies_options);
  discrepancies->add_option("--type", discrepancies_type, "Only this type, e.g. quantity-short");
  discrepancies->callback(run([&] {
    report::DiscrepancyFilter filter;
    if (!discrepancies_type.empty()) {
      auto type = recon::discrepancy_type_from_string(discrepancies_type);
      if (!type.ok()) return fail(type.error().at_field("type"));
      filter.type = *type;
    }
    return with_session(options, false, [&](Session& session) {
      auto case_id = case_filter(discrepancies_options, *session.ledger);
      if (!case_id.ok()) return fail(case_id.error());
      filter.case_id = *case_id;
      auto as_of = as_of_date(discrepancies_options, *session.ledger);
      if (!as_of.ok()) return fail(as_of.error());
      auto view = session.ledger->reconciliation_view(*as_of);
      if (!view.ok()) return fail(view.error());
      if (filter.case_id) {
        store::CaseFilter one;
        one.case_id = filter.case_id;
        auto recorded = session.store->list_cases(one);
        if (!recorded.ok()) return fail(recorded.error());
        if (recorded->empty()) {
          return fail(Error::not_found("case " + *filter.case_id + " is not recorded"));
        }
      }
      const auto built = report::discrepancy_report(*view, filter);
      return print_report(options, discrepancies_options, built, report::discrepancy_text,
                          report::discrepancy_json, report::discrepancy_sheet);
    });
  }));

  static ReportOptions status_options;
  auto* status = report_cmd->add_subcommand(
      "status", "Case financial status: ordered, delivered, billed, paid, advance held");
  add_common_options(status, status_options);
  status->callback(run([&] {
    return with_view(
        options, status_options,
        [&](const ledger::ReconciliationView& view, const std::optional<std::string>& case_id) {
          auto built = report::status_report(view, case_id);
          if (!built.ok()) return fail(built.error());
          return print_report(options, status_options, *built, report::status_text,
                              report::status_json, report::status_sheet);
        });
  }));

  static ReportOptions closure_options;
  auto* closure = report_cmd->add_subcommand(
      "closure", "Closure readiness: each case's checklist, ok or blocked with the reason");
  add_common_options(closure, closure_options);
  closure->callback(run([&] {
    return with_view(
        options, closure_options,
        [&](const ledger::ReconciliationView& view, const std::optional<std::string>& case_id) {
          auto built = report::closure_report(view, case_id);
          if (!built.ok()) return fail(built.error());
          return print_report(options, closure_options, *built, report::closure_text,
                              report::closure_json, report::closure_sheet);
        });
  }));

  static ReportOptions exceptions_options;
  static bool exceptions_detail = false;
  auto* exceptions = report_cmd->add_subcommand(
      "exceptions", "The Board of Audit's exception groups: cases and USD per group");
  exceptions->add_option("--as-of", exceptions_options.as_of,
                         "Report as of this date (default today)");
  add_output_options(exceptions, exceptions_options);
  exceptions->add_flag("--detail", exceptions_detail, "List the cases of each group");
  exceptions->callback(run([&] {
    return with_view(options, exceptions_options,
                     [&](const ledger::ReconciliationView& view,
                         const std::optional<std::string>& /* no --case */) {
                       const auto built = report::exceptions_report(view, exceptions_detail);
                       return print_report(options, exceptions_options, built,
                                           report::exceptions_text, report::exceptions_json,
                                           report::exceptions_sheet);
                     });
  }));
}

}  // namespace fms::cli
