// `fmsledger report ...`: the programme office's and the auditor's reports, each as a table
// (default), --json or --csv. Each is read through the read side (query/reader.h) as the host.
#include <iostream>

#include "cli/session.h"
#include "query/reports.h"
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

// The options of the reports of this file.
struct ReportCommandOptions {
  ReportOptions discrepancies;
  std::string discrepancy_type;
  ReportOptions status;
  ReportOptions closure;
  ReportOptions exceptions;
  bool exceptions_detail = false;
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

// What a report command reads: as of when, which case, and as whom.
struct ReportRequest {
  CivilDate as_of;
  std::optional<std::string> case_id;  // as the ledger writes it
  ledger::Scope scope;
};

Result<ReportRequest> read_request(const Options& options, const ReportOptions& report_options,
                                   const query::Reader& reader) {
  std::optional<std::string> case_id;
  if (!report_options.case_id.empty()) {
    auto normalised = reader.normalise_case_id(report_options.case_id);
    if (!normalised.ok()) return normalised.error().at_field("case");
    case_id = std::move(*normalised);
  }
  CivilDate as_of = reader.today();
  if (!report_options.as_of.empty()) {
    FMS_ASSIGN_OR_RETURN(as_of, parse_date_option(report_options.as_of, "--as-of"));
  }
  FMS_ASSIGN_OR_RETURN(ledger::Scope scope, ledger::Scope::host_operator(options.actor));
  return ReportRequest{as_of, std::move(case_id), std::move(scope)};
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

// Opens the session, reads the request and runs `read` with the reader and the request; the
// report it returns is printed as print_report prints it.
template <class Read, class Text, class ToJson, class Sheet>
int run_report(const Options& options, const ReportOptions& report_options, Read read, Text text,
               ToJson to_json, Sheet sheet) {
  return with_session(options, false, [&](Session& session) {
    query::Reader reader = session.reader();
    auto request = read_request(options, report_options, reader);
    if (!request.ok()) return fail(request.error());
    auto built = read(reader, *request);
    if (!built.ok()) return fail(built.error());
    return print_report(options, report_options, *built, text, to_json, sheet);
  });
}

void add_discrepancies(const CommandContext& context, CLI::App* report_cmd,
                       ReportCommandOptions& o) {
  auto* command = report_cmd->add_subcommand(
      "discrepancies",
      "Every discrepancy between seller and buyer records, aged, with next action");
  add_common_options(command, o.discrepancies);
  command->add_option("--type", o.discrepancy_type, "Only this type, e.g. quantity-short");
  command->callback(context.run([&options = context.options, &o] {
    report::DiscrepancyFilter filter;
    if (!o.discrepancy_type.empty()) {
      auto type = recon::discrepancy_type_from_string(o.discrepancy_type);
      if (!type.ok()) return fail(type.error().at_field("type"));
      filter.type = *type;
    }
    return run_report(
        options, o.discrepancies,
        [&](query::Reader& reader, const ReportRequest& request) {
          filter.case_id = request.case_id;
          return query::discrepancies(reader, request.scope, request.as_of, filter);
        },
        report::discrepancy_text, report::discrepancy_json, report::discrepancy_sheet);
  }));
}

void add_status(const CommandContext& context, CLI::App* report_cmd, ReportCommandOptions& o) {
  auto* command = report_cmd->add_subcommand(
      "status", "Case financial status: ordered, delivered, billed, paid, advance held");
  add_common_options(command, o.status);
  command->callback(context.run([&options = context.options, &o] {
    return run_report(
        options, o.status,
        [](query::Reader& reader, const ReportRequest& request) {
          return query::status(reader, request.scope, request.as_of, request.case_id);
        },
        report::status_text, report::status_json, report::status_sheet);
  }));
}

void add_closure(const CommandContext& context, CLI::App* report_cmd, ReportCommandOptions& o) {
  auto* command = report_cmd->add_subcommand(
      "closure", "Closure readiness: each case's checklist, ok or blocked with the reason");
  add_common_options(command, o.closure);
  command->callback(context.run([&options = context.options, &o] {
    return run_report(
        options, o.closure,
        [](query::Reader& reader, const ReportRequest& request) {
          return query::closure(reader, request.scope, request.as_of, request.case_id);
        },
        report::closure_text, report::closure_json, report::closure_sheet);
  }));
}

void add_exceptions(const CommandContext& context, CLI::App* report_cmd, ReportCommandOptions& o) {
  auto* command = report_cmd->add_subcommand(
      "exceptions", "The Board of Audit's exception groups: cases and USD per group");
  command->add_option("--as-of", o.exceptions.as_of, "Report as of this date (default today)");
  add_output_options(command, o.exceptions);
  command->add_flag("--detail", o.exceptions_detail, "List the cases of each group");
  command->callback(context.run([&options = context.options, &o] {
    return run_report(
        options, o.exceptions,
        [&](query::Reader& reader, const ReportRequest& request) {
          return query::exceptions(reader, request.scope, request.as_of, o.exceptions_detail);
        },
        report::exceptions_text, report::exceptions_json, report::exceptions_sheet);
  }));
}

}  // namespace

void add_report_commands(CommandContext context) {
  auto& o = context.keep<ReportCommandOptions>();
  auto* report_cmd = context.app.add_subcommand(
      "report", "Reports: discrepancies, status, closure, exceptions, sdr");
  report_cmd->require_subcommand(1);
  report_cmd->fallthrough();
  add_discrepancies(context, report_cmd, o);
  add_status(context, report_cmd, o);
  add_closure(context, report_cmd, o);
  add_exceptions(context, report_cmd, o);
}

}  // namespace fms::cli
