// `fmsledger budget ...` and the money-over-time reports: `report forecast|exposure|envelope`
// and `report workbook`, each as a table (default), --json, --csv or an .xlsx workbook.
#include <iostream>

#include "base/file_bytes.h"
#include "base/short_hash.h"
#include "cli/session.h"
#include "io/budget_json.h"
#include "report/finance_reports.h"
#include "report/sheet_text.h"

namespace fms::cli {
namespace {

struct FinanceOptions {
  std::string as_of;
  std::string case_id;
  std::string organisation;
  bool csv = false;
  std::string xlsx;
};

void add_options(CLI::App* command, FinanceOptions& finance_options) {
  command->add_option("--as-of", finance_options.as_of, "Report as of this date (default today)");
  command->add_option("--case", finance_options.case_id, "Only this case");
  command->add_option("--organisation", finance_options.organisation,
                      "This organisation's money: its cases, budget book and rates (default: the "
                      "whole portfolio)");
  command->add_flag("--csv", finance_options.csv, "CSV output of the main table (RFC 4180)");
  command->add_option("--xlsx", finance_options.xlsx,
                      "Also write the report's tables as an .xlsx workbook, one sheet each");
}

using Builder =
    std::function<Result<report::FinanceReport>(const ledger::FinanceView&, const Forecast&)>;

// Builds the view and forecast as of the date, then each report, and prints or writes them.
int run_reports(const Options& options, const FinanceOptions& finance_options,
                const std::vector<Builder>& builders, bool print) {
  return with_session(options, false, [&](Session& session) {
    auto as_of = finance_options.as_of.empty()
                     ? Result<CivilDate>(session.ledger->today())
                     : parse_date_option(finance_options.as_of, "--as-of");
    if (!as_of.ok()) return fail(as_of.error());
    auto scope = session.access->host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto view = session.ledger->finance_view(
        *as_of, *scope,
        finance_options.organisation.empty()
            ? std::nullopt
            : std::optional<std::string>(finance_options.organisation));
    if (!view.ok()) return fail(view.error());
    if (!finance_options.case_id.empty()) {
      auto case_id = session.ledger->normalise_case_id(finance_options.case_id);
      if (!case_id.ok()) return fail(case_id.error().at_field("case"));
      if (view->cases.count(*case_id) == 0) {
        return fail(Error::not_found("--case: no case " + *case_id + " is recorded"));
      }
      std::erase_if(view->cases, [&](const auto& entry) { return entry.first != *case_id; });
    }
    auto forecast = view->forecast();
    if (!forecast.ok()) return fail(forecast.error());
    std::vector<report::FinanceReport> reports;
    for (const Builder& build : builders) {
      auto built = build(*view, *forecast);
      if (!built.ok()) return fail(built.error());
      reports.push_back(std::move(*built));
    }
    if (!finance_options.xlsx.empty()) {
      std::vector<report::XlsxSheet> sheets;
      for (const auto& built : reports) {
        sheets.insert(sheets.end(), built.sheets.begin(), built.sheets.end());
      }
      const Status written = report::write_xlsx(finance_options.xlsx, sheets);
      if (!written.ok()) return fail(written.error().at_field("xlsx"));
      std::cerr << "Wrote " << finance_options.xlsx << " (" << sheets.size() << " sheets)\n";
    }
    if (!print) return 0;
    if (options.json) {
      if (reports.size() == 1) {
        print_json(report::finance_json(reports.front()));
      } else {
        report::Json all = report::Json::array();
        for (const auto& built : reports) all.push_back(report::finance_json(built));
        print_json(all);
      }
    } else if (finance_options.csv) {
      std::cout << report::sheet_csv(reports.front().sheets.front());
    } else {
      for (const auto& built : reports) std::cout << report::finance_text(built);
    }
    return 0;
  });
}

Result<report::FinanceReport> build_forecast(const ledger::FinanceView& view,
                                             const Forecast& forecast) {
  return report::forecast_report(view, forecast);
}
Result<report::FinanceReport> build_exposure(const ledger::FinanceView& view,
                                             const Forecast& forecast) {
  return report::exposure_report(view, forecast);
}
Result<report::FinanceReport> build_envelope(const ledger::FinanceView& view,
                                             const Forecast& forecast) {
  return report::envelope_report(view, forecast);
}

}  // namespace

void add_finance_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };

  auto* budget = app.add_subcommand(
      "budget", "Budget book: budget rates, appropriations, obligation authority, envelopes");
  budget->require_subcommand(1);
  budget->fallthrough();

  static std::string import_path;
  static std::string import_organisation;
  auto* import_command = budget->add_subcommand(
      "import", "Record a budget document (docs/formats/budget.md); the same content is a no-op");
  import_command->add_option("FILE", import_path, "Budget document (fmsledger.budget/1 JSON)")
      ->required();
  import_command->add_option("--organisation", import_organisation,
                             "Whose book it is (default: the organisation of its cases)");
  import_command->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      auto file = base::FileBytes::read(import_path, io::kMaxBudgetDocumentBytes);
      if (!file.ok()) return fail(file.error());
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      ledger::BudgetImportOptions import_options;
      if (!import_organisation.empty()) import_options.organisation = import_organisation;
      auto outcome =
          session.ledger->import_budget(file->text(), import_path, import_options, *scope);
      if (!outcome.ok()) return fail(outcome.error());
      if (options.json) {
        print_json({{"recorded", outcome->recorded},
                    {"content_hash", outcome->content_hash},
                    {"effective_date", outcome->effective_date.to_string()},
                    {"message", outcome->message}});
      } else {
        std::cout << outcome->message << "\n";
      }
      return 0;
    });
  }));

  static std::string show_as_of;
  static std::string show_organisation;
  auto* show = budget->add_subcommand("show", "The budget document in force on a date");
  show->add_option("--as-of", show_as_of, "Date (default today)");
  show->add_option("--organisation", show_organisation,
                   "This organisation's book (default: the latest of any)");
  show->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      auto as_of = show_as_of.empty() ? Result<CivilDate>(session.ledger->today())
                                      : parse_date_option(show_as_of, "--as-of");
      if (!as_of.ok()) return fail(as_of.error());
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto budget_in_force = session.ledger->budget_in_force(
          *as_of, *scope,
          show_organisation.empty() ? std::nullopt : std::optional<std::string>(show_organisation));
      if (!budget_in_force.ok()) return fail(budget_in_force.error());
      if (!*budget_in_force) {
        return fail(Error::not_found("no budget document is in force on " + as_of->to_string() +
                                     " (fmsledger budget import FILE)"));
      }
      const auto& in_force = **budget_in_force;
      if (options.json) {
        print_json(report::budget_in_force_json(in_force));
      } else {
        std::cout << "Budget document " << base::short_hash(in_force.record.content_hash) << " ("
                  << in_force.record.source << "), in force from "
                  << in_force.document.effective_date.to_string() << ", recorded "
                  << in_force.record.recorded_at << " by " << in_force.record.actor << "\n"
                  << in_force.document.title << "\n"
                  << in_force.document.provenance << "\n";
        for (const report::XlsxSheet& sheet : report::budget_sheets(in_force.document)) {
          std::cout << "\n"
                    << sheet.name << "\n"
                    << (sheet.rows.empty() ? std::string("None.\n") : report::sheet_text(sheet));
        }
      }
      return 0;
    });
  }));

  CLI::App* report_cmd = app.get_subcommand("report");
  static FinanceOptions forecast_options;
  auto* forecast = report_cmd->add_subcommand(
      "forecast",
      "Payments per Japanese fiscal quarter in USD and in yen at budget and current rate");
  add_options(forecast, forecast_options);
  forecast->callback(
      run([&] { return run_reports(options, forecast_options, {build_forecast}, true); }));

  static FinanceOptions exposure_options;
  auto* exposure = report_cmd->add_subcommand(
      "exposure", "Exchange-rate exposure per Japanese fiscal year: current minus budget rate");
  add_options(exposure, exposure_options);
  exposure->callback(
      run([&] { return run_reports(options, exposure_options, {build_exposure}, true); }));

  static FinanceOptions envelope_options;
  auto* envelope = report_cmd->add_subcommand(
      "envelope", "Programme envelopes and obligation authorities: consumed and remaining");
  add_options(envelope, envelope_options);
  envelope->callback(
      run([&] { return run_reports(options, envelope_options, {build_envelope}, true); }));

  static FinanceOptions workbook_options;
  auto* workbook = report_cmd->add_subcommand(
      "workbook", "The forecast, exposure and envelope reports in one .xlsx workbook");
  workbook->add_option("--as-of", workbook_options.as_of, "Report as of this date (default today)");
  workbook->add_option("--xlsx", workbook_options.xlsx, "Workbook to write")->required();
  workbook->callback(run([&] {
    return run_reports(options, workbook_options, {build_forecast, build_exposure, build_envelope},
                       false);
  }));
}

}  // namespace fms::cli
