// fmsledger-bench-generate: writes a deterministic benchmark portfolio and its ground truth.
//
//   fmsledger-bench-generate --out DIR --deliveries N --seed S [--as-of YYYY-MM-DD]
//
// Output, all in DIR:
//   cases/<case>.json  Basic LOA of every case (docs/formats/loa.md)
//   setup.txt          fmsledger argument lists that import each case and implement it, one
//                      command per line, shell-quoted, paths relative to DIR
//   deliveries.csv     the seller's delivery listing: exactly N rows, duplicates included
//   receipts.csv       the buyer's receipt inspections (about N rows)
//   ground-truth.json  what reconciliation as of the date must report (ground_truth.h)
// The same options give byte-identical files on every platform (seeded_random.h). Exit codes:
// 0 written, 1 bad options, 2 the portfolio could not be built or written.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_portfolio.h"
#include "buffered_file.h"
#include "calendar_table.h"
#include "case_documents.h"
#include "case_planner.h"
#include "csv_files.h"
#include "execution_planner.h"
#include "generator_options.h"
#include "ground_truth.h"
#include "io/loa_json.h"
#include "refdata/loader.h"
#include "seeded_random.h"

namespace fms::bench {
namespace {

Status write_text(const std::string& path, const std::string& text) {
  BufferedFile out(path);
  out.append(text);
  return out.close();
}

Status write_cases(const std::filesystem::path& dir, const Portfolio& portfolio,
                   const ReferenceData& reference) {
  std::string setup;
  for (std::size_t c = 0; c < portfolio.cases.size(); ++c) {
    FMS_ASSIGN_OR_RETURN(LoaVersion version, basic_loa(portfolio, c, reference));
    const BenchCase& bench_case = portfolio.cases[c];
    FMS_TRY(write_text((dir / case_document_path(bench_case)).string(),
                       io::serialize_loa_version(version)));
    for (const std::string& command : setup_commands(bench_case)) setup += command + "\n";
  }
  return write_text((dir / "setup.txt").string(), setup);
}

Result<InjectionRules> injection_rules(const ReferenceData& reference, const CivilDate& as_of) {
  FMS_ASSIGN_OR_RETURN(ReconciliationRules rules, reference.reconciliation_rules_on(as_of));
  return InjectionRules{rules.shipped_not_received_days, rules.receipt_window_days,
                        rules.value_tolerance_basis_points};
}

Status generate(const GeneratorOptions& options) {
  FMS_ASSIGN_OR_RETURN(ReferenceData reference, refdata::load_builtin());
  FMS_ASSIGN_OR_RETURN(InjectionRules rules, injection_rules(reference, options.as_of));

  Portfolio portfolio;
  portfolio.as_of = options.as_of;
  portfolio.seed = options.seed;
  SeededRandom random(options.seed);
  plan_cases(portfolio, random, case_count_for(options.deliveries));
  CivilDate first = portfolio.as_of;
  for (const BenchCase& bench_case : portfolio.cases)
    first = std::min(first, bench_case.first_shipment);
  const CalendarTable calendar(first, portfolio.as_of);
  plan_executions(portfolio, random, options.deliveries, rules, calendar);

  const std::filesystem::path dir(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir / "cases", ec);
  if (ec) return Error::io((dir / "cases").string() + ": cannot create: " + ec.message());
  FMS_TRY(write_cases(dir, portfolio, reference));
  FMS_TRY(write_deliveries_csv((dir / "deliveries.csv").string(), portfolio, calendar));
  FMS_TRY(write_receipts_csv((dir / "receipts.csv").string(), portfolio, calendar));
  const GroundTruth truth = derive_ground_truth(portfolio, calendar);
  FMS_TRY(write_text((dir / "ground-truth.json").string(), ground_truth_json(truth)));

  std::cout << "portfolio written to " << dir.string() << ": " << portfolio.cases.size()
            << " cases, " << portfolio.lines.size() << " lines, " << truth.deliveries
            << " deliveries, " << truth.receipts << " receipts, " << truth.matches << " matches, "
            << truth.discrepancies.size() << " discrepancies as of " << options.as_of.to_string()
            << "\n";
  return Status::Ok();
}

}  // namespace
}  // namespace fms::bench

int main(int argc, char** argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  auto options = fms::bench::parse_generator_options(arguments);
  if (!options.ok()) {
    std::cerr << "fmsledger-bench-generate: " << options.error().message << "\n";
    return 1;
  }
  const fms::Status status = fms::bench::generate(*options);
  if (!status.ok()) {
    std::cerr << "fmsledger-bench-generate: " << status.error().message << "\n";
    return 2;
  }
  return 0;
}
