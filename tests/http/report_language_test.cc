// Reports exported in Japanese: ?lang=ja words the headings, sheet names, codes, yes/no and
// fiscal years of a CSV or .xlsx answer from src/http/words.json; JSON answers keep codes.
#include <gtest/gtest.h>

#include <string>

#include "api_fixture.h"

namespace fms::testing {
namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

TEST(ReportLanguage, ACsvReportInJapaneseHasJapaneseHeadingsCodesAndFiscalYears) {
  ApiServer server;
  HttpClient finance = server.client();
  finance.use_token(server.token_for("finance"));

  const auto status = finance.get("/api/reports/status?lang=ja", {{"Accept", "text/csv"}});
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_EQ(first_line(status.body).rfind("ケース番号,状況,供給・役務完了日,", 0), 0U)
      << first_line(status.body);
  EXPECT_NE(status.body.find("\nJA-P-TWK,履行中,"), std::string::npos) << status.body;
  // One case's status is a row per line: its yes/no are words too.
  const auto lines =
      finance.get("/api/reports/status?case=JA-P-TWK&lang=ja", {{"Accept", "text/csv"}});
  ASSERT_EQ(lines.status, 200) << lines.body;
  EXPECT_EQ(first_line(lines.body).rfind("ケース番号,ライン,LOA記載,発注数量,", 0), 0U)
      << first_line(lines.body);
  EXPECT_NE(lines.body.find("\nJA-P-TWK,001,はい,200,"), std::string::npos) << lines.body;

  const auto closure =
      finance.get("/api/reports/closure?case=JA-P-TWK&lang=ja", {{"Accept", "text/csv"}});
  ASSERT_EQ(closure.status, 200) << closure.body;
  // One case's closure is its checklist, a row per check.
  EXPECT_EQ(first_line(closure.body), "ケース番号,項目,充足,理由");
  EXPECT_NE(closure.body.find("\nJA-P-TWK,全量納入,いいえ,"), std::string::npos) << closure.body;

  const auto exposure = finance.get("/api/reports/exposure?lang=ja", {{"Accept", "text/csv"}});
  ASSERT_EQ(exposure.status, 200) << exposure.body;
  EXPECT_EQ(first_line(exposure.body).rfind("年度,", 0), 0U) << first_line(exposure.body);
  EXPECT_NE(exposure.body.find("\n令和7年度,"), std::string::npos) << exposure.body;
  EXPECT_EQ(exposure.body.find("JFY2025"), std::string::npos);

  // English is the default, and what ?lang=en asks for.
  const auto english = finance.get("/api/reports/exposure?lang=en", {{"Accept", "text/csv"}});
  EXPECT_EQ(english.body, finance.get("/api/reports/exposure", {{"Accept", "text/csv"}}).body);
  EXPECT_NE(english.body.find("\nJFY2025,"), std::string::npos);

  // JSON is for programs: codes stay codes.
  const auto json = finance.get("/api/reports/closure?case=JA-P-TWK&lang=ja");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.json().at("cases").at(0).at("status"), "implemented");
}

TEST(ReportLanguage, TheDiscrepancyReportAndTheWorkbookTakeALanguageAndAnUnknownOneIsRefused) {
  ApiServer server;
  HttpClient pmo = server.client();
  pmo.use_token(server.token_for("pmo"));
  const auto csv =
      pmo.get("/api/reports/discrepancies?case=JA-P-TWK&lang=ja", {{"Accept", "text/csv"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("数量不足"), std::string::npos) << csv.body;
  const auto all = pmo.get("/api/reports/discrepancies?case=JA-P-TWK").json();
  const auto paged = pmo.get("/api/discrepancies?case=JA-P-TWK&limit=1000").json();
  EXPECT_EQ(all.at("discrepancies"), paged.at("discrepancies"));

  const auto workbook =
      pmo.get("/api/reports/workbook?lang=ja",
              {{"Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
  ASSERT_EQ(workbook.status, 200) << workbook.body;
  // Sheet names are stored as written in the workbook part; 支払見込 is the forecast sheet.
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");

  const auto refused = pmo.get("/api/reports/status?lang=fr", {{"Accept", "text/csv"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.json().at("detail").get<std::string>().find("lang"), std::string::npos);
}

}  // namespace
}  // namespace fms::testing
