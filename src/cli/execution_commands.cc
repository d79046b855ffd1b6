// The execution commands: `import` (delivery listings, receipts, DD 645 bills, payments),
// `documents` (what is recorded) and `reconcile` (match and record the match set).
#include <iostream>

#include "base/file_bytes.h"
#include "cli/session.h"
#include "ledger/execution/document_list.h"
#include "query/records.h"
#include "query/reports.h"
#include "report/document_list.h"
#include "report/reconciliation_run.h"
#include "report/table.h"

namespace fms::cli {

namespace {

// The options of `import`, `documents` and `reconcile`.
struct ExecutionCommandOptions {
  std::string import_kind;
  std::string import_path;
  std::string import_supersedes;
  std::string import_reason;
  bool import_additional = false;
  unsigned import_threads = 0;
  std::string documents_kind;
  bool documents_all = false;
  std::string reconcile_as_of;
};

int run_import(const Options& options, const ExecutionCommandOptions& o) {
  auto kind = execution_kind_from_string(o.import_kind);
  if (!kind.ok()) return fail(kind.error());
  auto file = base::FileBytes::read(o.import_path, kMaxExecutionFileBytes);
  if (!file.ok()) return fail(file.error());
  return with_session(options, false, [&](Session& session) {
    ledger::ExecutionImportOptions import_options;
    if (!o.import_supersedes.empty()) import_options.supersedes = o.import_supersedes;
    import_options.reason = o.import_reason;
    import_options.additional = o.import_additional;
    import_options.threads = o.import_threads;
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto outcome = session.database->execution().import_execution(
        *kind, file->text(), o.import_path, import_options, *scope);
    if (!outcome.ok()) return fail(outcome.error());
    if (options.json) {
      print_json({{"recorded", outcome->recorded},
                  {"kind", std::string(to_string(outcome->kind))},
                  {"document_id", outcome->content_hash},
                  {"rows", outcome->rows},
                  {"cases", outcome->cases},
                  {"supersedes", outcome->superseded ? report::Json(*outcome->superseded)
                                                     : report::Json(nullptr)},
                  {"message", outcome->message}});
    } else {
      std::cout << outcome->message << "\n";
    }
    return 0;
  });
}

int run_documents(const Options& options, const ExecutionCommandOptions& o) {
  std::optional<ExecutionKind> only;
  if (!o.documents_kind.empty()) {
    auto kind = execution_kind_from_string(o.documents_kind);
    if (!kind.ok()) return fail(kind.error().at_field("kind"));
    only = *kind;
  }
  return with_session(options, false, [&](Session& session) {
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto listed = query::documents(session.reader(), *scope, {only, o.documents_all});
    if (!listed.ok()) return fail(listed.error());
    report::Json rows = report::Json::array();
    report::Table table({{"Id"},
                         {"Kind"},
                         {"Rows", report::Align::right},
                         {"Source"},
                         {"Recorded"},
                         {"By"},
                         {"Status"}});
    for (const auto& row : listed->rows) {
      rows.push_back(report::document_json(row));
      table.add_row(report::document_row(row));
    }
    if (options.json) {
      print_json({{"documents", std::move(rows)}});
    } else if (table.empty()) {
      std::cout << "No execution documents recorded.\n";
    } else {
      std::cout << table.render();
    }
    return 0;
  });
}

int run_reconcile(const Options& options, const ExecutionCommandOptions& o) {
  return with_session(options, false, [&](Session& session) {
    CivilDate as_of = session.database->today();
    if (!o.reconcile_as_of.empty()) {
      auto date = parse_date_option(o.reconcile_as_of, "--as-of");
      if (!date.ok()) return fail(date.error());
      as_of = *date;
    }
    auto scope = session.database->access().host_scope(options.actor);
    if (!scope.ok()) return fail(scope.error());
    auto recorded = session.database->execution().reconcile(as_of, *scope);
    if (!recorded.ok()) return fail(recorded.error());
    auto run = query::reconciliation_run(session.reader(), *scope, *recorded);
    if (!run.ok()) return fail(run.error());
    if (options.json) {
      print_json(report::reconciliation_run_json(*run));
    } else {
      std::cout << report::reconciliation_run_text(*run);
    }
    return 0;
  });
}

}  // namespace

void add_execution_commands(CommandContext context) {
  auto& o = context.keep<ExecutionCommandOptions>();
  auto* import_command = context.command(
      &context.app, "import",
      "Record an execution document: delivery-listing, receipts, bill or payments", o, run_import);
  import_command
      ->add_option("kind", o.import_kind, "delivery-listing, receipts, bill (DD 645) or payments")
      ->required();
  import_command->add_option("file", o.import_path, "The CSV file (docs/formats/)")->required();
  import_command->add_option(
      "--supersedes", o.import_supersedes,
      "Id of the document this corrected re-issue replaces (see `documents`)");
  import_command->add_option("--reason", o.import_reason, "Why it supersedes the earlier document");
  import_command->add_flag(
      "--additional", o.import_additional,
      "A delivery listing that adds to an active listing whose document numbers it mostly "
      "repeats (without it, such a file is refused as a probable corrected re-issue)");
  import_command->add_option("--threads", o.import_threads,
                             "Parsing threads (default: one per core)");

  auto* documents = context.command(
      &context.app, "documents", "The execution documents recorded, newest last", o, run_documents);
  documents->add_option("--kind", o.documents_kind, "Only this kind (delivery-listing, ...)");
  documents->add_flag("--all", o.documents_all, "Include superseded documents");

  auto* reconcile = context.command(
      &context.app, "reconcile",
      "Match seller deliveries with buyer receipts and record the match set", o, run_reconcile);
  reconcile->add_option("--as-of", o.reconcile_as_of, "Reconcile as of this date (default today)");
}

}  // namespace fms::cli
