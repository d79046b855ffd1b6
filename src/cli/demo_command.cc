// `fmsledger demo`: loads the demo portfolio into an empty database and says what it recorded —
// the LOA documents and status changes, and also the execution history (documents of each kind)
// and the reconciliation run, so a reader sees at once that the reports have something to show,
// and the organisations and users, with the demo-only password they share.
#include <iostream>

#include "report/reconciliation_run.h"
#include "cli/session.h"
#include "demo/demo.h"

namespace fms::cli {
namespace {

report::Json demo_json(const Options& options, const fms::demo::DemoReport& demo) {
  report::Json by_kind = report::Json::object();
  for (const auto& [kind, count] : demo.execution_documents_by_kind) {
    by_kind[std::string(to_string(kind))] = count;
  }
  return {{"database", options.db},
          {"loa_documents", demo.documents},
          {"status_changes", demo.transitions},
          {"execution_documents", demo.execution_documents},
          {"execution_documents_by_kind", std::move(by_kind)},
          {"reconciliation_runs", demo.reconciliations},
          {"rate_documents", demo.rate_documents},
          {"budget_documents", demo.budget_documents},
          {"organisations", demo.organisations},
          {"users", demo.users},
          {"grants", demo.grants},
          {"last_reconciliation",
           demo.last_reconciliation
               ? report::reconciliation_run_json(report::whole_run(*demo.last_reconciliation))
               : report::Json(nullptr)}};
}

std::string demo_text(const Options& options, const fms::demo::DemoReport& demo) {
  std::string text = "Demo portfolio loaded into " + options.db + ": " +
                     std::to_string(demo.documents) + " LOA documents, " +
                     std::to_string(demo.transitions) + " status changes\n";
  text += std::to_string(demo.execution_documents) + " execution documents recorded\n";
  for (const auto& [kind, count] : demo.execution_documents_by_kind) {
    text += "  " + std::string(to_string(kind)) + ": " + std::to_string(count) + "\n";
  }
  if (demo.last_reconciliation) {
    text += report::reconciliation_run_text(report::whole_run(*demo.last_reconciliation));
  }
  text += std::to_string(demo.rate_documents) + " exchange-rate series and " +
          std::to_string(demo.budget_documents) +
          " budget document recorded (report forecast, exposure, envelope)\n";
  text += std::to_string(demo.organisations) + " organisations, " + std::to_string(demo.users) +
          " users and " + std::to_string(demo.grants) +
          " grants recorded (user list, org list); the demo users' password is \"" +
          std::string(fms::demo::kDemoPassword) + "\", for the demo only\n";
  return text;
}

}  // namespace

void add_demo_command(CommandContext context) {
  Options& options = context.options;
  int& code = context.code;
  auto* demo = context.app.add_subcommand(
      "demo", "Load the demo portfolio of Japan FMS cases into an empty database");
  demo->callback([&options, &code] {
    code = with_session(options, true, [&](Session& session) {
      auto report = fms::demo::load_demo(*session.database, options.actor);
      if (!report.ok()) return fail(report.error());
      if (options.json) {
        print_json(demo_json(options, *report));
      } else {
        std::cout << demo_text(options, *report);
      }
      return 0;
    });
  });
}

}  // namespace fms::cli
