// The SDR report: every Supply Discrepancy Report with its number, case, line, discrepancy
// type, status, the USD claimed and credited, and its submission deadline as seen on the
// report date — days left (negative once passed) and a warning ("due in 5 days", "deadline
// passed") for drafts, the only SDRs the deadline still binds. Filterable by case, status and
// open/closed; rendered as a table, JSON or CSV. Also the detail of one SDR with its history.
//
// The report shows each SDR as it stood on the report date (SdrRegister::as_of): SDRs created
// later are left out, and the status, number and credits are those of the steps dated by then.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sdr.h"
#include "ledger/execution/listing_answers.h"
#include "ledger/sdr/sdr_register.h"
#include "report/case_views.h"
#include "report/xlsx_workbook.h"

namespace fms::report {

struct SdrFilter {
  std::optional<std::string> case_id;
  std::optional<SdrStatus> status;
  bool open_only = false;
};

struct SdrReportRow {
  ledger::Sdr sdr;                               // as it stood on the report date
  std::optional<std::int64_t> days_to_deadline;  // drafts only
  std::string warning;                           // drafts only
};

struct SdrReport {
  CivilDate as_of;
  int warning_days = 0;
  std::vector<SdrReportRow> rows;  // in the order created
};

// `recorded` is the register as recorded (every step, whatever its date); the filter applies
// to each SDR as it stood on `as_of`. `warning_days` is the SDR deadline warning of the rules
// in force on `as_of`.
SdrReport sdr_report(const ledger::SdrRegister& recorded, const CivilDate& as_of, int warning_days,
                     const SdrFilter& filter);
std::string sdr_text(const SdrReport& report);
Json sdr_json(const SdrReport& report);
// The report's table as a typed sheet: its CSV is sheet_csv of it (report/sheet_text.h), and
// an .xlsx holds it as is.
XlsxSheet sdr_sheet(const SdrReport& report);

// One SDR in full: what was recorded at creation and every step since.
std::string sdr_detail_text(const ledger::Sdr& sdr);
Json sdr_detail_json(const ledger::Sdr& sdr);
// The same, with the seller's answers on its delivery listings (listing_answers): what the
// seller credited on its own records, next to what the purchaser recorded as granted.
std::string sdr_detail_text(const ledger::Sdr& sdr,
                            const std::vector<ledger::ListingAnswer>& answers);
Json sdr_detail_json(const ledger::Sdr& sdr, const std::vector<ledger::ListingAnswer>& answers);

}  // namespace fms::report
