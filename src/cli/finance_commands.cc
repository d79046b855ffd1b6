// `fmsledger budget ...` and the money-over-time reports: `report forecast|exposure|envelope`
// and `report workbook`, each as a table (default), --json, --csv or an .xlsx workbook.
#include <iostream>

#include "base/file_bytes.h"
#include "base/short_hash.h"
#include "cli/session.h"
#include "io/budget_json.h"
#include "query/finance.h"
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

// The options of `budget import|show` and of the money reports.
struct FinanceCommandOptions {
  std::string import_path;
  std::string import_organisation;
  std::string show_as_of;
  std::string show_organisation;
  FinanceOptions forecast;
  FinanceOptions exposure;
  FinanceOptions envelope;
  FinanceOptions workbook;
};

std::optional<std::string> given(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

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

// What a money report reads, as the host (whose access book names each case's organisation).
Result<query::FinanceQuery> read_query(const FinanceOptions& finance_options,
                                       const query::Reader& reader) {
  query::FinanceQuery query{reader.today(), std::nullopt, given(finance_options.organisation)};
  if (!finance_options.as_of.empty()) {
    FMS_ASSIGN_OR_RETURN(query.as_of, parse_date_option(finance_options.as_of, "--as-of"));
  }
  if (!finance_options.case_id.empty()) {
    auto case_id = reader.normalise_case_id(finance_options.case_id);
    if (!case_id.ok()) return case_id.error().at_field("case");
    query.case_id = std::move(*case_id);
  }
  return query;
}

Status write_workbook(const std::string& path, const std::vector<report::XlsxSheet>& sheets) {
  const Status written = report::write_xlsx(path, sheets);
  if (!written.ok()) return written.error().at_field("xlsx");
  std::cerr << "Wrote " << path << " (" << sheets.size() << " sheets)\n";
  return Status::Ok();
}

// Runs `body` with the reader, the query and the host's scope of a money report.
template <class Body>
int with_finance_query(const Options& options, const FinanceOptions& finance_options, Body body) {
  return with_session(options, false, [&](Session& session) {
    query::Reader reader = session.reader();
    auto query = read_query(finance_options, reader);
    if (!query.ok()) return fail(query.error());
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    return body(reader, *query, *scope);
  });
}

// One money report, printed in the format asked for and written to --xlsx when asked.
int run_report(const Options& options, const FinanceOptions& finance_options,
               query::FinanceReportKind kind) {
  return with_finance_query(options, finance_options,
                            [&](const query::Reader& reader, const query::FinanceQuery& query,
                                const ledger::Scope& scope) {
                              auto built = query::finance_report(reader, scope, kind, query);
                              if (!built.ok()) return fail(built.error());
                              if (!finance_options.xlsx.empty()) {
                                const Status written =
                                    write_workbook(finance_options.xlsx, built->sheets);
                                if (!written.ok()) return fail(written.error());
                              }
                              if (options.json) {
                                print_json(report::finance_json(*built));
                              } else if (finance_options.csv) {
                                std::cout << report::sheet_csv(built->sheets.front());
                              } else {
                                std::cout << report::finance_text(*built);
                              }
                              return 0;
                            });
}

int run_workbook(const Options& options, const FinanceOptions& finance_options) {
  return with_finance_query(options, finance_options,
                            [&](const query::Reader& reader, const query::FinanceQuery& query,
                                const ledger::Scope& scope) {
                              auto sheets = query::finance_workbook(reader, scope, query);
                              if (!sheets.ok()) return fail(sheets.error());
                              const Status written = write_workbook(finance_options.xlsx, *sheets);
                              return written.ok() ? 0 : fail(written.error());
                            });
}

int run_budget_import(const Options& options, const FinanceCommandOptions& o) {
  return with_session(options, false, [&](Session& session) {
    auto file = base::FileBytes::read(o.import_path, io::kMaxBudgetDocumentBytes);
    if (!file.ok()) return fail(file.error());
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    ledger::BudgetImportOptions import_options;
    import_options.organisation = given(o.import_organisation);
    auto outcome =
        session.database->money().import_budget(file->text(), o.import_path, import_options, *scope);
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
}

void print_budget(const ledger::BudgetInForce& in_force) {
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

int run_budget_show(const Options& options, const FinanceCommandOptions& o) {
  return with_session(options, false, [&](Session& session) {
    auto as_of = o.show_as_of.empty() ? Result<CivilDate>(session.database->today())
                                      : parse_date_option(o.show_as_of, "--as-of");
    if (!as_of.ok()) return fail(as_of.error());
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto budget_in_force =
        query::budget_in_force(session.reader(), *scope, *as_of, given(o.show_organisation));
    if (!budget_in_force.ok()) return fail(budget_in_force.error());
    if (!*budget_in_force) {
      return fail(Error::not_found("no budget document is in force on " + as_of->to_string() +
                                   " (fmsledger budget import FILE)"));
    }
    if (options.json) {
      print_json(report::budget_in_force_json(**budget_in_force));
    } else {
      print_budget(**budget_in_force);
    }
    return 0;
  });
}

void add_budget_commands(const CommandContext& context, FinanceCommandOptions& o) {
  auto* budget = context.app.add_subcommand(
      "budget", "Budget book: budget rates, appropriations, obligation authority, envelopes");
  budget->require_subcommand(1);
  budget->fallthrough();

  auto* import_command = budget->add_subcommand(
      "import", "Record a budget document (docs/formats/budget.md); the same content is a no-op");
  import_command->add_option("FILE", o.import_path, "Budget document (fmsledger.budget/1 JSON)")
      ->required();
  import_command->add_option("--organisation", o.import_organisation,
                             "Whose book it is (default: the organisation of its cases)");
  import_command->callback(
      context.run([&options = context.options, &o] { return run_budget_import(options, o); }));

  auto* show = budget->add_subcommand("show", "The budget document in force on a date");
  show->add_option("--as-of", o.show_as_of, "Date (default today)");
  show->add_option("--organisation", o.show_organisation,
                   "This organisation's book (default: the latest of any)");
  show->callback(
      context.run([&options = context.options, &o] { return run_budget_show(options, o); }));
}

void add_money_report(const CommandContext& context, const char* name, const char* help,
                      FinanceOptions& finance_options, query::FinanceReportKind kind) {
  auto* command = context.app.get_subcommand("report")->add_subcommand(name, help);
  add_options(command, finance_options);
  command->callback(context.run([&options = context.options, &finance_options, kind] {
    return run_report(options, finance_options, kind);
  }));
}

void add_workbook(const CommandContext& context, FinanceOptions& finance_options) {
  auto* command = context.app.get_subcommand("report")->add_subcommand(
      "workbook", "The forecast, exposure and envelope reports in one .xlsx workbook");
  command->add_option("--as-of", finance_options.as_of, "Report as of this date (default today)");
  command->add_option("--xlsx", finance_options.xlsx, "Workbook to write")->required();
  command->callback(context.run([&options = context.options, &finance_options] {
    return run_workbook(options, finance_options);
  }));
}

}  // namespace

void add_finance_commands(CommandContext context) {
  auto& o = context.keep<FinanceCommandOptions>();
  add_budget_commands(context, o);
  add_money_report(context, "forecast",
                   "Payments per Japanese fiscal quarter in USD and in yen at budget and current "
                   "rate",
                   o.forecast, query::FinanceReportKind::forecast);
  add_money_report(context, "exposure",
                   "Exchange-rate exposure per Japanese fiscal year: current minus budget rate",
                   o.exposure, query::FinanceReportKind::exposure);
  add_money_report(context, "envelope",
                   "Programme envelopes and obligation authorities: consumed and remaining",
                   o.envelope, query::FinanceReportKind::envelope);
  add_workbook(context, o.workbook);
}

}  // namespace fms::cli
