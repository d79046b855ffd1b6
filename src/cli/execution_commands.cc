// The execution commands: `import` (delivery listings, receipts, DD 645 bills, payments),
// `documents` (what is recorded) and `reconcile` (match and record the match set).
#include <iostream>

#include "base/file_bytes.h"
#include "cli/reconciliation_run_output.h"
#include "cli/session.h"
#include "ledger/document_list.h"
#include "query/records.h"
#include "report/document_list.h"
#include "report/table.h"

namespace fms::cli {

void add_execution_commands(CommandContext context) {
  CLI::App& app = context.app;
  Options& options = context.options;
  int& code = context.code;
  auto run = [&code](auto&& body) { return [&code, body] { code = body(); }; };
  // Option values are static: CLI11 fills them while parsing, after this function has returned.

  static std::string import_kind;
  static std::string import_path;
  static std::string import_supersedes;
  static std::string import_reason;
  static unsigned import_threads = 0;
  auto* import_command = app.add_subcommand(
      "import", "Record an execution document: delivery-listing, receipts, bill or payments");
  import_command
      ->add_option("kind", import_kind, "delivery-listing, receipts, bill (DD 645) or payments")
      ->required();
  import_command->add_option("file", import_path, "The CSV file (docs/formats/)")->required();
  import_command->add_option(
      "--supersedes", import_supersedes,
      "Id of the document this corrected re-issue replaces (see `documents`)");
  import_command->add_option("--reason", import_reason, "Why it supersedes the earlier document");
  import_command->add_option("--threads", import_threads,
                             "Parsing threads (default: one per core)");
  import_command->callback(run([&] {
    auto kind = execution_kind_from_string(import_kind);
    if (!kind.ok()) return fail(kind.error());
    auto file = base::FileBytes::read(import_path, kMaxExecutionFileBytes);
    if (!file.ok()) return fail(file.error());
    return with_session(options, false, [&](Session& session) {
      ledger::ExecutionImportOptions import_options;
      if (!import_supersedes.empty()) import_options.supersedes = import_supersedes;
      import_options.reason = import_reason;
      import_options.threads = import_threads;
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto outcome = session.ledger->import_execution(*kind, file->text(), import_path,
                                                      import_options, *scope);
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
  }));

  static std::string documents_kind;
  static bool documents_all = false;
  auto* documents =
      app.add_subcommand("documents", "The execution documents recorded, newest last");
  documents->add_option("--kind", documents_kind, "Only this kind (delivery-listing, ...)");
  documents->add_flag("--all", documents_all, "Include superseded documents");
  documents->callback(run([&] {
    std::optional<ExecutionKind> only;
    if (!documents_kind.empty()) {
      auto kind = execution_kind_from_string(documents_kind);
      if (!kind.ok()) return fail(kind.error().at_field("kind"));
      only = *kind;
    }
    return with_session(options, false, [&](Session& session) {
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto listed = query::documents(session.reader(), *scope, {only, documents_all});
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
  }));

  static std::string reconcile_as_of;
  auto* reconcile = app.add_subcommand(
      "reconcile", "Match seller deliveries with buyer receipts and record the match set");
  reconcile->add_option("--as-of", reconcile_as_of, "Reconcile as of this date (default today)");
  reconcile->callback(run([&] {
    return with_session(options, false, [&](Session& session) {
      CivilDate as_of = session.ledger->today();
      if (!reconcile_as_of.empty()) {
        auto date = parse_date_option(reconcile_as_of, "--as-of");
        if (!date.ok()) return fail(date.error());
        as_of = *date;
      }
      auto scope = session.access->host_scope(options.actor);
      if (!scope.ok()) return fail(scope.error());
      auto recorded = session.ledger->reconcile(as_of, *scope);
      if (!recorded.ok()) return fail(recorded.error());
      if (options.json) {
        print_json(reconciliation_run_json(*recorded));
      } else {
        std::cout << reconciliation_run_text(*recorded);
      }
      return 0;
    });
  }));
}

}  // namespace fms::cli
