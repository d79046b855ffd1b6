// Reports over the caller's cases: status, closure, exceptions, SDRs, and the money-over-time
// reports (forecast, exposure, envelope, and all three as one .xlsx workbook). JSON by default;
// CSV (and .xlsx for the money reports) by the Accept header. A CSV or .xlsx answer is an
// export, and is recorded as one in the audit stream.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/api.h"
#include "http/json_text.h"
#include "http/problem.h"
#include "http/report_language.h"
#include "http/responses.h"
#include "query/cases.h"
#include "query/finance.h"
#include "query/reports.h"
#include "recon/recon.h"
#include "report/closure_report.h"
#include "report/discrepancy_report.h"
#include "report/exceptions_report.h"
#include "report/finance_reports.h"
#include "report/sdr_report.h"
#include "report/sheet_text.h"
#include "report/status_report.h"

namespace fms::http {
namespace {

// The common query of the reports: ?as_of= (default today) and ?case=.
struct ReportQuery {
  CivilDate as_of;
  std::optional<std::string> case_id;
};

Answer<ReportQuery> read_report_query(Call& call, const query::Reader& reader) {
  ReportQuery query{reader.today(), std::nullopt};
  if (const auto text = call.request.query_param("as_of")) {
    auto parsed = CivilDate::parse(*text);
    if (!parsed.ok())
      return problem(400, "query parameter \"as_of\": " + parsed.error().text(Spelling::pointer));
    query.as_of = *parsed;
  }
  if (const auto text = call.request.query_param("case")) {
    auto case_id = reader.normalise_case_id(*text);
    if (!case_id.ok())
      return problem(400, "query parameter \"case\": " + case_id.error().text(Spelling::pointer));
    query.case_id = *case_id;
  }
  return query;
}

// A workbook answer, recorded as an export.
Reply xlsx_answer(Call& call, const std::string& what, const std::optional<std::string>& case_id,
                  Result<std::string> bytes) {
  if (!bytes.ok()) return problem_for(bytes.error());
  call.api.audit_export(call, what, "xlsx", case_id.value_or(""));
  Response response = text_response(200, std::string(kXlsx), std::move(*bytes));
  response.with_header("Content-Disposition", "attachment; filename=\"" + what + ".xlsx\"");
  return response;
}

// The language of a report's CSV or .xlsx answer, with the era table that names fiscal years.
struct Wording {
  ReportLanguage language = ReportLanguage::en;
  std::span<const JapaneseEra> eras;
};

Wording wording_of(ReportLanguage language, const query::Reader& reader) {
  return {language, reader.database().reference().japanese_eras};
}

// The answer in the negotiated format; CSV and .xlsx answers are recorded as exports.
Reply in_format(Call& call, const std::string& what, const std::string& type,
                const std::optional<std::string>& case_id, const std::string& json,
                const std::function<std::string()>& csv,
                const std::function<Result<std::string>()>& xlsx) {
  if (type == kJson) return text_response(200, "application/json", json);
  if (type == kCsv) {
    call.api.audit_export(call, what, "csv", case_id.value_or(""));
    Response response = text_response(200, "text/csv; charset=utf-8", csv());
    response.with_header("Content-Disposition", "attachment; filename=\"" + what + ".csv\"");
    return response;
  }
  return xlsx_answer(call, what, case_id, xlsx());
}

const std::vector<std::string> kReportTypes{std::string(kJson), std::string(kCsv),
                                            std::string(kXlsx)};

Answer<std::string> negotiated(const Request& request, const std::vector<std::string>& offered) {
  auto type = negotiate(request, offered);
  if (!type) {
    std::string list;
    for (const auto& o : offered) list += (list.empty() ? "" : ", ") + o;
    return problem(406, "this report is available as " + list);
  }
  return *type;
}

// The workbook's bytes: libxlsxwriter writes files, so through a private temporary file.
Result<std::string> xlsx_bytes(const std::vector<report::XlsxSheet>& sheets) {
  std::string pattern = (std::filesystem::temp_directory_path() / "fmsledger-XXXXXX.xlsx").string();
  const int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) return Error::io("cannot create a temporary file for the workbook");
  close(fd);
  const Status written = report::write_xlsx(pattern, sheets);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(pattern, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
  }
  std::error_code ignored;
  std::filesystem::remove(pattern, ignored);
  if (!written.ok()) return written.error();
  return bytes;
}

// A report whose table is one sheet: JSON as built, CSV and .xlsx from the sheet.
Reply table_answer(Call& call, const std::string& what, const std::string& type,
                   const std::optional<std::string>& case_id, const std::string& json,
                   const report::XlsxSheet& sheet, const Wording& wording) {
  const auto worded = [&] { return in_language({sheet}, wording.language, wording.eras); };
  return in_format(
      call, what, type, case_id, json, [&] { return report::sheet_csv(worded().front()); },
      [&] { return xlsx_bytes(worded()); });
}

// A report of ?as_of= and ?case=, read as the caller by `read` and answered in the negotiated
// format by `answer`.
template <class Read, class Answer>
Reply case_report(Call& call, Read read, Answer answer) {
  if (auto refused = check_query(call.request, {"as_of", "case", "lang"})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, kReportTypes));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(const auto q, read_report_query(call, reader));
    FMS_ASSIGN_OR_RETURN(auto built, read(reader, q));
    return answer(built, q, type, wording_of(language, reader));
  });
}

Reply status(Call& call) {
  return case_report(
      call,
      [&](query::Reader& reader, const ReportQuery& q) {
        return query::status(reader, call.principal->scope, q.as_of, q.case_id);
      },
      [&](const report::StatusReport& built, const ReportQuery& q, const std::string& type,
          const Wording& wording) {
        return table_answer(call, "status", type, q.case_id, json_text(report::status_json(built)),
                            report::status_sheet(built), wording);
      });
}

Reply closure(Call& call) {
  return case_report(
      call,
      [&](query::Reader& reader, const ReportQuery& q) {
        return query::closure(reader, call.principal->scope, q.as_of, q.case_id);
      },
      [&](const report::ClosureReport& built, const ReportQuery& q, const std::string& type,
          const Wording& wording) {
        return table_answer(call, "closure", type, q.case_id,
                            json_text(report::closure_json(built)), report::closure_sheet(built),
                            wording);
      });
}

Reply exceptions(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "case", "detail", "lang"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, kReportTypes));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  const bool detail = call.request.query_param("detail").value_or("false") == "true";
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(const auto q, read_report_query(call, reader));
    if (q.case_id) {
      return problem(400,
                     "query parameter \"case\": the exceptions report covers the portfolio; see "
                     "/api/reports/status?case=");
    }
    FMS_ASSIGN_OR_RETURN(auto built,
                         query::exceptions(reader, call.principal->scope, q.as_of, detail));
    return table_answer(call, "exceptions", type, std::nullopt,
                        json_text(report::exceptions_json(built)), report::exceptions_sheet(built),
                        wording_of(language, reader));
  });
}

Reply sdrs(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "case", "status", "open", "lang"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, kReportTypes));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  report::SdrFilter filter;
  filter.open_only = call.request.query_param("open").value_or("false") == "true";
  if (const auto text = call.request.query_param("status")) {
    auto parsed = sdr_status_from_string(*text);
    if (!parsed.ok()) {
      return problem(400, "query parameter \"status\": " + parsed.error().text(Spelling::pointer));
    }
    filter.status = *parsed;
  }
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(const auto q, read_report_query(call, reader));
    filter.case_id = q.case_id;
    FMS_ASSIGN_OR_RETURN(auto built, query::sdrs(reader, call.principal->scope, q.as_of, filter));
    return table_answer(call, "sdr", type, q.case_id, json_text(report::sdr_json(built)),
                        report::sdr_sheet(built), wording_of(language, reader));
  });
}

// Every discrepancy of the caller's cases (or of ?case=, of ?type=) as one report, unpaged, for
// a download; GET /api/discrepancies is the same list page by page.
Reply discrepancies(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "case", "type", "lang"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, kReportTypes));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  report::DiscrepancyFilter filter;
  if (const auto text = call.request.query_param("type")) {
    auto parsed = recon::discrepancy_type_from_string(*text);
    if (!parsed.ok())
      return problem(400, "query parameter \"type\": " + parsed.error().text(Spelling::pointer));
    filter.type = *parsed;
  }
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(const auto q, read_report_query(call, reader));
    if (q.case_id) {
      // Answered as every case route answers a case the caller does not read.
      FMS_ASSIGN_OR_RETURN(const bool readable,
                           query::case_readable(reader, call.principal->scope, *q.case_id));
      if (!readable) return ledger::case_not_found(*q.case_id);
      filter.case_id = q.case_id;
    }
    FMS_ASSIGN_OR_RETURN(auto built,
                         query::discrepancies(reader, call.principal->scope, q.as_of, filter));
    return table_answer(call, "discrepancies", type, q.case_id,
                        json_text(report::discrepancy_json(built)),
                        report::discrepancy_sheet(built), wording_of(language, reader));
  });
}

// The finance query of ?as_of=, ?case= and ?organisation=, read as the caller.
Answer<query::FinanceQuery> finance_query(Call& call, query::Reader& reader) {
  FMS_ASSIGN_OR_RETURN(const auto q, read_report_query(call, reader));
  return query::FinanceQuery{q.as_of, q.case_id, call.request.query_param("organisation")};
}

Reply finance(Call& call, const std::string& name, query::FinanceReportKind kind) {
  if (auto refused = check_query(call.request, {"as_of", "case", "organisation", "lang"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, kReportTypes));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(const auto q, finance_query(call, reader));
    if (q.case_id) {
      // Answered as every case route answers a case the caller does not read.
      FMS_ASSIGN_OR_RETURN(const bool readable,
                           query::case_readable(reader, call.principal->scope, *q.case_id));
      if (!readable) return ledger::case_not_found(*q.case_id);
    }
    FMS_ASSIGN_OR_RETURN(auto built, query::finance_report(reader, call.principal->scope, kind, q));
    const Wording wording = wording_of(language, reader);
    const auto worded = [&] { return in_language(built.sheets, wording.language, wording.eras); };
    return in_format(
        call, name, type, q.case_id, json_text(report::finance_json(built)),
        [&] { return report::sheet_csv(worded().front()); }, [&] { return xlsx_bytes(worded()); });
  });
}

// The forecast, exposure and envelope reports in one workbook, as `report workbook` writes it.
Reply workbook(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "organisation", "lang"})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto type, negotiated(call.request, {std::string(kXlsx)}));
  FMS_ASSIGN_OR_RETURN(const auto language, report_language(call.request));
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto query, finance_query(call, reader));
    FMS_ASSIGN_OR_RETURN(auto sheets,
                         query::finance_workbook(reader, call.principal->scope, query));
    const Wording wording = wording_of(language, reader);
    return xlsx_answer(call, "workbook", std::nullopt,
                       xlsx_bytes(in_language(std::move(sheets), wording.language, wording.eras)));
  });
}

}  // namespace

void add_report_routes(Router& router) {
  router.add({"GET", "/api/reports/status", Permission::read, Scope::portfolio, status});
  router.add({"GET", "/api/reports/closure", Permission::read, Scope::portfolio, closure});
  router.add({"GET", "/api/reports/exceptions", Permission::read, Scope::portfolio, exceptions});
  router.add({"GET", "/api/reports/sdr", Permission::read, Scope::portfolio, sdrs});
  router.add(
      {"GET", "/api/reports/discrepancies", Permission::read, Scope::portfolio, discrepancies});
  router.add(
      {"GET", "/api/reports/forecast", Permission::read, Scope::portfolio, [](Call& call) -> Reply {
         return finance(call, "forecast", query::FinanceReportKind::forecast);
       }});
  router.add(
      {"GET", "/api/reports/exposure", Permission::read, Scope::portfolio, [](Call& call) -> Reply {
         return finance(call, "exposure", query::FinanceReportKind::exposure);
       }});
  router.add(
      {"GET", "/api/reports/envelope", Permission::read, Scope::portfolio, [](Call& call) -> Reply {
         return finance(call, "envelope", query::FinanceReportKind::envelope);
       }});
  router.add({"GET", "/api/reports/workbook", Permission::read, Scope::portfolio, workbook});
}

}  // namespace fms::http
