// `fmsledger sdr ...`: raise and follow Supply Discrepancy Reports (create from a discrepancy,
// submit, answer, reconsider, contest, close, list, show), and `fmsledger report sdr`.
// Commands that write print what they recorded; warnings (deadline close or passed, claim below
// the minimum) go to stderr and, with --json, into the output as "warnings".
#include <cctype>
#include <iostream>

#include "cli/session.h"
#include "core/money.h"
#include "ledger/sdr_book.h"
#include "query/reports.h"
#include "report/sdr_report.h"
#include "report/sheet_text.h"

namespace fms::cli {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The options of `sdr list` and `report sdr`.
struct ListOptions {
  std::string as_of;
  std::string case_id;
  std::string status;
  bool open_only = false;
  bool csv = false;
  std::string xlsx;
};

void add_list_options(CLI::App* command, ListOptions& list) {
  command->add_option("--as-of", list.as_of,
                      "Each SDR as it stood on this date, deadlines seen from it (default today)");
  command->add_option("--case", list.case_id, "Only this case");
  command->add_option("--status", list.status,
                      "Only this status: draft, submitted, answered, closed");
  command->add_flag("--open", list.open_only, "Only SDRs not yet closed");
  command->add_flag("--csv", list.csv, "CSV output (RFC 4180, header row)");
  command->add_option("--xlsx", list.xlsx, "Also write the list as .xlsx");
}

int run_list(const Options& options, const ListOptions& list) {
  report::SdrFilter filter;
  if (!list.case_id.empty()) filter.case_id = upper(list.case_id);
  filter.open_only = list.open_only;
  if (!list.status.empty()) {
    auto status = sdr_status_from_string(list.status);
    if (!status.ok()) return fail(status.error().at_field("status"));
    filter.status = *status;
  }
  return with_session(options, false, [&](Session& session) {
    CivilDate as_of = session.ledger->today();
    if (!list.as_of.empty()) {
      auto date = parse_date_option(list.as_of, "--as-of");
      if (!date.ok()) return fail(date.error());
      as_of = *date;
    }
    auto scope = ledger::Scope::host_operator(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto read = query::sdrs(session.reader(), *scope, as_of, filter);
    if (!read.ok()) return fail(read.error());
    const report::SdrReport& built = *read;
    if (!list.xlsx.empty()) {
      const Status written = report::write_xlsx(list.xlsx, {report::sdr_sheet(built)});
      if (!written.ok()) return fail(written.error().at_field("xlsx"));
      std::cerr << "Wrote " << list.xlsx << "\n";
    }
    if (options.json) {
      print_json(report::sdr_json(built));
    } else if (list.csv) {
      std::cout << report::sheet_csv(report::sdr_sheet(built));
    } else {
      std::cout << report::sdr_text(built);
    }
    return 0;
  });
}

// Prints what a writing command recorded; the exit code.
int print_outcome(const Options& options, const Result<ledger::SdrOutcome>& outcome) {
  if (!outcome.ok()) return fail(outcome.error());
  std::vector<std::string> warnings;
  for (const std::string& warning : outcome->warnings) {
    warnings.push_back(spell_mentions(warning, Spelling::option));
    std::cerr << "fmsledger: warning: " << warnings.back() << "\n";
  }
  if (options.json) {
    print_json({{"message", outcome->message},
                {"warnings", warnings},
                {"sdr", report::sdr_detail_json(outcome->sdr)}});
  } else {
    std::cout << outcome->message << "\n";
  }
  return 0;
}

// A command acting on one SDR on one date: NUMBER --date DATE.
struct StepOptions {
  std::string number;
  std::string date;
};

void add_step_options(CLI::App* command, StepOptions& step) {
  command->add_option("number", step.number, "SDR number, e.g. A0001-JA-TWK/001")->required();
  command->add_option("--date", step.date, "Date of the step (YYYY-MM-DD)")->required();
}

}  // namespace

void add_sdr_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  auto* sdr =
      app.add_subcommand("sdr", "Supply Discrepancy Reports (SF 364) raised on discrepancies");
  sdr->require_subcommand(1);
  sdr->fallthrough();

  static std::string create_case;
  static std::string create_type;
  static std::string create_document;
  static std::string create_line;
  static std::string create_office = "A";
  static std::vector<std::string> create_codes;
  static std::string create_as_of;
  static std::string create_reason;
  auto* create = sdr->add_subcommand(
      "create", "Draft an SDR for one discrepancy (see `report discrepancies`)");
  create->add_option("--case", create_case, "Case of the discrepancy, e.g. JA-P-TWK")->required();
  create->add_option("--type", create_type, "Discrepancy type, e.g. quantity-short")->required();
  create
      ->add_option("--document", create_document,
                   "The discrepancy's first document, e.g. \"delivery JAP5123A0002\"")
      ->required();
  auto* line_option =
      create->add_option("--line", create_line, "Line, when the document spans several");
  create->add_option("--office", create_office, "Originating office letter (default A)");
  create->add_option("--codes", create_codes, "SF 364 discrepancy codes, up to 3 (default by type)")
      ->delimiter(',');
  create->add_option("--as-of", create_as_of,
                     "Find the discrepancy as of this date (default today)");
  create->add_option("--reason", create_reason, "What the SDR claims and why")->required();
  create->callback(run([&options, line_option] {
    ledger::SdrCreateRequest request;
    auto type = recon::discrepancy_type_from_string(create_type);
    if (!type.ok()) return fail(type.error().at_field("type"));
    request.type = *type;
    auto office = parse_sdr_office(create_office);
    if (!office.ok()) return fail(office.error().at_field("office"));
    request.office = *office;
    if (!create_as_of.empty()) {
      auto date = parse_date_option(create_as_of, "--as-of");
      if (!date.ok()) return fail(date.error());
      request.as_of = *date;
    }
    if (line_option->count() > 0) request.line = create_line;
    request.case_id = create_case;
    request.document = create_document;
    request.codes = create_codes;
    request.reason = create_reason;
    return with_session(options, false, [&](Session& session) {
      ledger::SdrBook book(*session.ledger, *session.store);
      return print_outcome(options, book.create(request, options.actor));
    });
  }));

  static StepOptions submit_step;
  static std::string submit_late_reason;
  auto* submit = sdr->add_subcommand("submit", "Send a draft SDR to the implementing agency");
  add_step_options(submit, submit_step);
  auto* late_option = submit->add_option("--late-reason", submit_late_reason,
                                         "Required after the deadline: why it is late");
  submit->callback(run([&options, late_option] {
    auto date = parse_date_option(submit_step.date, "--date");
    if (!date.ok()) return fail(date.error());
    std::optional<std::string> late_reason;
    if (late_option->count() > 0) late_reason = submit_late_reason;
    return with_session(options, false, [&](Session& session) {
      ledger::SdrBook book(*session.ledger, *session.store);
      return print_outcome(options,
                           book.submit(submit_step.number, *date, late_reason, options.actor));
    });
  }));

  static StepOptions answer_step;
  static std::string answer_resolution;
  static std::string answer_credit;
  static std::string answer_reply_code;
  static std::string answer_note;
  auto* answer = sdr->add_subcommand("answer", "Record the implementing agency's answer");
  add_step_options(answer, answer_step);
  answer->add_option("--resolution", answer_resolution, "credit, replacement or rejected")
      ->required();
  auto* credit_option =
      answer->add_option("--credit", answer_credit, "USD credited by this answer (with credit)");
  auto* reply_option = answer->add_option("--reply-code", answer_reply_code,
                                          "The agency's reply (disposition) code");
  answer->add_option("--note", answer_note, "Anything worth keeping from the answer");
  answer->callback(run([&options, credit_option, reply_option] {
    ledger::SdrAnswer request;
    auto date = parse_date_option(answer_step.date, "--date");
    if (!date.ok()) return fail(date.error());
    request.date = *date;
    auto resolution = sdr_resolution_from_string(answer_resolution);
    if (!resolution.ok()) return fail(resolution.error().at_field("resolution"));
    request.resolution = *resolution;
    if (credit_option->count() > 0) {
      auto credit = Money::parse(answer_credit, Currency::usd());
      if (!credit.ok()) return fail(credit.error().at_field("credit"));
      request.credit_usd_cents = credit->minor_units();
    }
    if (reply_option->count() > 0) request.reply_code = answer_reply_code;
    request.note = answer_note;
    return with_session(options, false, [&](Session& session) {
      ledger::SdrBook book(*session.ledger, *session.store);
      return print_outcome(options, book.answer(answer_step.number, request, options.actor));
    });
  }));

  // reconsider, contest and close take the same options: NUMBER --date --reason.
  struct ReasonCommand {
    const char* name;
    const char* help;
    const char* reason_help;
  };
  static StepOptions reason_steps[3];
  static std::string reasons[3];
  const ReasonCommand reason_commands[3] = {
      {"reconsider", "Ask for reconsideration of a rejection or partial credit (suffix R)",
       "Why the answer should be reconsidered"},
      {"contest", "Contest the reconsideration decision (suffix C)",
       "Why the decision is contested"},
      {"close", "Close an answered SDR, or withdraw a draft", "Why it is closed"},
  };
  for (std::size_t i = 0; i < 3; ++i) {
    auto* command = sdr->add_subcommand(reason_commands[i].name, reason_commands[i].help);
    add_step_options(command, reason_steps[i]);
    command->add_option("--reason", reasons[i], reason_commands[i].reason_help)->required();
    command->callback(run([&options, i] {
      auto date = parse_date_option(reason_steps[i].date, "--date");
      if (!date.ok()) return fail(date.error());
      return with_session(options, false, [&](Session& session) {
        ledger::SdrBook book(*session.ledger, *session.store);
        const std::string& number = reason_steps[i].number;
        switch (i) {
          case 0:
            return print_outcome(options,
                                 book.reconsider(number, *date, reasons[i], options.actor));
          case 1:
            return print_outcome(options, book.contest(number, *date, reasons[i], options.actor));
          default:
            return print_outcome(options, book.close(number, *date, reasons[i], options.actor));
        }
      });
    }));
  }

  static ListOptions list_options;
  auto* list = sdr->add_subcommand("list", "Every SDR with its status, amounts and deadline");
  add_list_options(list, list_options);
  list->callback(run([&options] { return run_list(options, list_options); }));

  static std::string show_number;
  auto* show = sdr->add_subcommand("show", "One SDR in full, with its history");
  show->add_option("number", show_number, "SDR number, e.g. A0001-JA-TWK/001")->required();
  show->callback(run([&options] {
    return with_session(options, false, [&](Session& session) {
      auto scope = ledger::Scope::host_operator(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto found = query::sdr(session.reader(), *scope, show_number);
      if (!found.ok()) return fail(found.error());
      if (options.json) {
        print_json(report::sdr_detail_json(*found));
      } else {
        std::cout << report::sdr_detail_text(*found);
      }
      return 0;
    });
  }));

  static ListOptions report_options;
  auto* report_sdr = app.get_subcommand("report")->add_subcommand(
      "sdr", "Supply Discrepancy Reports: status, claimed and credited, deadlines");
  add_list_options(report_sdr, report_options);
  report_sdr->callback(run([&options] { return run_list(options, report_options); }));
}

}  // namespace fms::cli
