// `fmsledger sdr ...`: raise and follow Supply Discrepancy Reports (create from a discrepancy,
// submit, answer, reconsider, contest, close, list, show), and `fmsledger report sdr`.
// Commands that write print what they recorded; warnings (deadline close or passed, claim below
// the minimum) go to stderr and, with --json, into the output as "warnings".
#include <cctype>
#include <iostream>

#include "cli/session.h"
#include "core/money.h"
#include "ledger/sdr/sdr_book.h"
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
    CivilDate as_of = session.database->today();
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

// reconsider, contest and close take the same options: NUMBER --date --reason.
enum class ReasonStep { reconsider, contest, close };

// The options of the `sdr` commands and of `report sdr`.
struct SdrCommandOptions {
  std::string create_case;
  std::string create_type;
  std::string create_document;
  std::string create_line;
  std::string create_office = "A";
  std::vector<std::string> create_codes;
  std::string create_as_of;
  std::string create_reason;
  CLI::Option* create_line_option = nullptr;
  StepOptions submit;
  std::string submit_late_reason;
  CLI::Option* submit_late_option = nullptr;
  StepOptions answer;
  std::string answer_resolution;
  std::string answer_credit;
  std::string answer_reply_code;
  std::string answer_note;
  CLI::Option* answer_credit_option = nullptr;
  CLI::Option* answer_reply_option = nullptr;
  StepOptions reason_steps[3];
  std::string reasons[3];
  ListOptions list;
  std::string show_number;
  ListOptions report;
};

// Runs `step` with the SDR book of the session and prints what it recorded.
template <class Step>
int record_step(const Options& options, Step step) {
  return with_session(options, false, [&](Session& session) {
    ledger::SdrBook& book = session.database->sdrs();
    return print_outcome(options, step(book));
  });
}

int run_create(const Options& options, const SdrCommandOptions& o) {
  ledger::SdrCreateRequest request;
  auto type = recon::discrepancy_type_from_string(o.create_type);
  if (!type.ok()) return fail(type.error().at_field("type"));
  request.type = *type;
  auto office = parse_sdr_office(o.create_office);
  if (!office.ok()) return fail(office.error().at_field("office"));
  request.office = *office;
  if (!o.create_as_of.empty()) {
    auto date = parse_date_option(o.create_as_of, "--as-of");
    if (!date.ok()) return fail(date.error());
    request.as_of = *date;
  }
  if (o.create_line_option->count() > 0) request.line = o.create_line;
  request.case_id = o.create_case;
  request.document = o.create_document;
  request.codes = o.create_codes;
  request.reason = o.create_reason;
  return record_step(options,
                     [&](ledger::SdrBook& book) { return book.create(request, options.actor); });
}

int run_submit(const Options& options, const SdrCommandOptions& o) {
  auto date = parse_date_option(o.submit.date, "--date");
  if (!date.ok()) return fail(date.error());
  std::optional<std::string> late_reason;
  if (o.submit_late_option->count() > 0) late_reason = o.submit_late_reason;
  return record_step(options, [&](ledger::SdrBook& book) {
    return book.submit(o.submit.number, *date, late_reason, options.actor);
  });
}

int run_answer(const Options& options, const SdrCommandOptions& o) {
  ledger::SdrAnswer request;
  auto date = parse_date_option(o.answer.date, "--date");
  if (!date.ok()) return fail(date.error());
  request.date = *date;
  auto resolution = sdr_resolution_from_string(o.answer_resolution);
  if (!resolution.ok()) return fail(resolution.error().at_field("resolution"));
  request.resolution = *resolution;
  if (o.answer_credit_option->count() > 0) {
    auto credit = Money::parse(o.answer_credit, Currency::usd());
    if (!credit.ok()) return fail(credit.error().at_field("credit"));
    request.credit_usd_cents = credit->minor_units();
  }
  if (o.answer_reply_option->count() > 0) request.reply_code = o.answer_reply_code;
  request.note = o.answer_note;
  return record_step(options, [&](ledger::SdrBook& book) {
    return book.answer(o.answer.number, request, options.actor);
  });
}

int run_reason_step(const Options& options, const SdrCommandOptions& o, ReasonStep step) {
  const auto i = static_cast<std::size_t>(step);
  auto date = parse_date_option(o.reason_steps[i].date, "--date");
  if (!date.ok()) return fail(date.error());
  const std::string& number = o.reason_steps[i].number;
  const std::string& reason = o.reasons[i];
  return record_step(options, [&](ledger::SdrBook& book) {
    switch (step) {
      case ReasonStep::reconsider:
        return book.reconsider(number, *date, reason, options.actor);
      case ReasonStep::contest:
        return book.contest(number, *date, reason, options.actor);
      case ReasonStep::close:
        break;
    }
    return book.close(number, *date, reason, options.actor);
  });
}

int run_show(const Options& options, const SdrCommandOptions& o) {
  return with_session(options, false, [&](Session& session) {
    auto scope = ledger::Scope::host_operator(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto found = query::sdr(session.reader(), *scope, o.show_number);
    if (!found.ok()) return fail(found.error());
    auto answers = query::listing_answers(session.reader(), *found);
    if (!answers.ok()) return fail(answers.error());
    if (options.json) {
      print_json(report::sdr_detail_json(*found, *answers));
    } else {
      std::cout << report::sdr_detail_text(*found, *answers);
    }
    return 0;
  });
}

void add_create(const CommandContext& context, CLI::App* sdr, SdrCommandOptions& o) {
  auto* create = context.command(sdr, "create",
                                 "Draft an SDR for one discrepancy (see `report discrepancies`)", o,
                                 run_create);
  create->add_option("--case", o.create_case, "Case of the discrepancy, e.g. JA-P-TWK")->required();
  create->add_option("--type", o.create_type, "Discrepancy type, e.g. quantity-short")->required();
  create
      ->add_option("--document", o.create_document,
                   "The discrepancy's first document, e.g. \"delivery JAP5123A0002\"")
      ->required();
  o.create_line_option =
      create->add_option("--line", o.create_line, "Line, when the document spans several");
  create->add_option("--office", o.create_office, "Originating office letter (default A)");
  create
      ->add_option("--codes", o.create_codes, "SF 364 discrepancy codes, up to 3 (default by type)")
      ->delimiter(',');
  create->add_option("--as-of", o.create_as_of,
                     "Find the discrepancy as of this date (default today)");
  create->add_option("--reason", o.create_reason, "What the SDR claims and why")->required();
}

void add_submit_and_answer(const CommandContext& context, CLI::App* sdr, SdrCommandOptions& o) {
  auto* submit =
      context.command(sdr, "submit", "Send a draft SDR to the implementing agency", o, run_submit);
  add_step_options(submit, o.submit);
  o.submit_late_option = submit->add_option("--late-reason", o.submit_late_reason,
                                            "Required after the deadline: why it is late");

  auto* answer =
      context.command(sdr, "answer", "Record the implementing agency's answer", o, run_answer);
  add_step_options(answer, o.answer);
  answer->add_option("--resolution", o.answer_resolution, "credit, replacement or rejected")
      ->required();
  o.answer_credit_option =
      answer->add_option("--credit", o.answer_credit, "USD credited by this answer (with credit)");
  o.answer_reply_option = answer->add_option("--reply-code", o.answer_reply_code,
                                             "The agency's reply (disposition) code");
  answer->add_option("--note", o.answer_note, "Anything worth keeping from the answer");
}

void add_reason_steps(const CommandContext& context, CLI::App* sdr, SdrCommandOptions& o) {
  struct ReasonCommand {
    ReasonStep step;
    const char* name;
    const char* help;
    const char* reason_help;
  };
  const ReasonCommand commands[3] = {
      {ReasonStep::reconsider, "reconsider",
       "Ask for reconsideration of a rejection or partial credit (suffix R)",
       "Why the answer should be reconsidered"},
      {ReasonStep::contest, "contest", "Contest the reconsideration decision (suffix C)",
       "Why the decision is contested"},
      {ReasonStep::close, "close", "Close an answered SDR, or withdraw a draft",
       "Why it is closed"},
  };
  for (const ReasonCommand& command : commands) {
    const auto i = static_cast<std::size_t>(command.step);
    auto* added = context.command(
        sdr, command.name, command.help, o,
        [step = command.step](const Options& options, const SdrCommandOptions& group) {
          return run_reason_step(options, group, step);
        });
    add_step_options(added, o.reason_steps[i]);
    added->add_option("--reason", o.reasons[i], command.reason_help)->required();
  }
}

void add_reads(const CommandContext& context, CLI::App* sdr, SdrCommandOptions& o) {
  auto* list = context.command(sdr, "list", "Every SDR with its status, amounts and deadline", o,
                               [](const Options& options, const SdrCommandOptions& group) {
                                 return run_list(options, group.list);
                               });
  add_list_options(list, o.list);

  auto* show = context.command(sdr, "show", "One SDR in full, with its history", o, run_show);
  show->add_option("number", o.show_number, "SDR number, e.g. A0001-JA-TWK/001")->required();

  auto* report_sdr =
      context.command(context.app.get_subcommand("report"), "sdr",
                      "Supply Discrepancy Reports: status, claimed and credited, deadlines", o,
                      [](const Options& options, const SdrCommandOptions& group) {
                        return run_list(options, group.report);
                      });
  add_list_options(report_sdr, o.report);
}

}  // namespace

void add_sdr_commands(CommandContext context) {
  auto& o = context.keep<SdrCommandOptions>();
  auto* sdr = context.app.add_subcommand(
      "sdr", "Supply Discrepancy Reports (SF 364) raised on discrepancies");
  sdr->require_subcommand(1);
  sdr->fallthrough();
  add_create(context, sdr, o);
  add_submit_and_answer(context, sdr, o);
  add_reason_steps(context, sdr, o);
  add_reads(context, sdr, o);
}

}  // namespace fms::cli
