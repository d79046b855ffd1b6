// classify(): every discrepancy on a date, from the documents and the recorded matches.
//
// The rows are numbered and the lines catalogued once; the row checks then walk the deliveries
// with their matches and the receipts, adding up the originals per line and per case as they go;
// the listings' shipment credits come off those totals; the line and case checks work from them and
// the (small) bills and payments. Each part orders its own findings and the parts are merged, so
// the result does not depend on the order in which they were found.
#include "recon/case_checks.h"
#include "recon/classify_context.h"
#include "recon/findings.h"
#include "recon/line_catalog.h"
#include "recon/line_checks.h"
#include "recon/listing_credits.h"
#include "recon/match_set.h"
#include "recon/portfolio_shape.h"
#include "recon/recon.h"
#include "recon/row_checks.h"
#include "recon/row_space.h"

namespace fms::recon {

std::vector<Discrepancy> classify(const Portfolio& portfolio, const std::vector<Match>& matches,
                                  const Rules& rules, const CivilDate& as_of) {
  require_consistent_columns(portfolio);
  const RowSpace deliveries(portfolio.deliveries);
  const RowSpace receipts(portfolio.receipts);
  const LineCatalog catalog(portfolio);
  const std::vector<const BillRow*> latest_bill = latest_case_bills(portfolio, catalog, as_of);
  const ClassifyContext context{portfolio, rules,   as_of.serial(), deliveries,
                                receipts,  catalog, latest_bill};
  const MatchSet match_set(portfolio, matches, deliveries, receipts);

  Findings findings(catalog, as_of);
  OriginalTotals totals = check_rows(context, match_set, findings);
  subtract_listing_credits(context, totals);
  Findings line_and_case(catalog, as_of);
  check_lines(context, totals, line_and_case);
  check_cases(context, totals, line_and_case);
  line_and_case.sort();
  findings.append(std::move(line_and_case));
  std::vector<Discrepancy> out = findings.take_sorted();
  settle_by_credits(portfolio, out);
  return out;
}

}  // namespace fms::recon
