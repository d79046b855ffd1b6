// Tests of the fmsledger.loa/1 reader and writer (io/loa_json.h).
//
// One valid Basic LOA document is built here as a JSON value; each test mutates it in one
// place and asserts the exact JSON Pointer of the problem reported and the key words of its
// message ("test.json: /lines/0/total: ..."). Reference data is built here as well, so the
// tests depend neither on examples/ nor on the shipped refdata/ tables.
#include "io/loa_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/loa_rules.h"
#include "support/test_reference.h"

namespace fms::io {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;

using test_support::code;
using test_support::day;

const ReferenceData& reference() { return test_support::test_reference(); }

// A valid Basic LOA: a per-unit procurement line, a lump-sum service line, a stock line.
// 1,000,000.00 + 250,000.00 + 15,000.00 = 1,265,000.00 net; + 10,000.00 PC&H + 5,000.00
// transportation + 40,480.00 surcharge = 1,320,480.00 = 320,480.00 deposit + 2 x 500,000.00.
Json valid_document() {
  return Json::parse(R"({
    "format": "fmsledger.loa/1",
    "case_id": "JA-P-AMA",
    "document": {"kind": "basic", "version": 0},
    "title": "Test missiles",
    "purchaser": "Japan Ministry of Defense",
    "purpose": "Initial offer",
    "terms_of_sale": "cash-prior-to-delivery",
    "currency": "USD",
    "dates": {"offer": "2024-01-10", "offer_expiration": "2024-04-04",
              "acceptance": "2024-02-20", "effective": "2024-02-20"},
    "notification": {"transmittal": "23-84", "notified_on": "2023-11-17",
                     "value": "2,350,000.00", "mde_value": "1900000.00"},
    "lines": [
      {"number": "001", "generic_code": "2DA", "masl": "1410012345678",
       "description": "Guided missile", "pricing": "per_unit", "quantity": 200,
       "unit_of_issue": "EA", "unit_cost": "5,000.00", "total": "1,000,000.00",
       "type_of_assistance": "5", "source_of_supply": "P", "offer_release_code": "Z",
       "delivery_term_code": "4", "mde": true, "sme": true,
       "availability": {"from_months": 24, "to_months": 36}, "notes": ["1"]},
      {"number": "002", "generic_code": "R7Z", "masl": "R7ZTRAINING",
       "description": "Training", "pricing": "lump_sum", "quantity": 1,
       "unit_of_issue": "LO", "total": "250000.00", "months_of_service": 24,
       "type_of_assistance": "5", "source_of_supply": "P", "offer_release_code": "X",
       "delivery_term_code": "9", "mde": false, "sme": false},
      {"number": "003", "generic_code": "9K1", "masl": "SPARES",
       "description": "Spare parts", "pricing": "per_unit", "quantity": 10,
       "unit_of_issue": "SE", "unit_cost": "1500.00", "total": "15000.00",
       "type_of_assistance": "3", "source_of_supply": "S", "offer_release_code": "A",
       "delivery_term_code": "4", "mde": false, "sme": false,
       "design_and_construction": false, "admin_surcharge_rate": "3.2"}
    ],
    "notes": [{"number": "1", "title": "Administrative surcharge",
               "text": "The administrative surcharge rate is 3.2 percent."}],
    "cost_summary": {"net_estimated_cost": "1,265,000.00", "packing_crating_handling": "10000.00",
                     "transportation": "5000.00", "administrative_surcharge": "40480.00",
                     "other": "0.00", "total": "1,320,480.00"},
    "payment_schedule": {"initial_deposit": "320,480.00",
                         "installments": [{"due": "2024-06-15", "amount": "500000.00"},
                                          {"due": "2024-09-15", "amount": "500000.00"}]},
    "provenance": "illustrative test data"
  })");
}

Result<LoaVersion> parse_text(std::string_view text) {
  return parse_loa_version(text, "test.json", reference());
}

Result<LoaVersion> parse(const Json& document) {
  return parse_text(document.dump(2));
}

// The error message of a failed parse (a test failure if it succeeded).
std::string error_of(const Result<LoaVersion>& result) {
  EXPECT_FALSE(result.ok()) << "expected the document to be refused";
  if (result.ok()) return "";
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  return result.error().message;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The messages reported at exactly `pointer` ("test.json: <pointer>: <message>").
std::vector<std::string> problems_at(const std::string& error, const std::string& pointer) {
  const std::string prefix = "test.json: " + pointer + ": ";
  std::vector<std::string> out;
  for (const std::string& line : split_lines(error)) {
    if (line.rfind(prefix, 0) == 0) out.push_back(line.substr(prefix.size()));
  }
  return out;
}

// --- valid documents ----------------------------------------------------------------------

TEST(LoaJsonParseTest, ValidDocumentParses) {
  Result<LoaVersion> parsed = parse(valid_document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const LoaVersion& v = *parsed;
  EXPECT_EQ(v.case_id.to_string(), "JA-P-AMA");
  EXPECT_EQ(v.kind, DocumentKind::basic);
  EXPECT_EQ(v.version, 0);
  EXPECT_EQ(v.offer_date, day(2024, 1, 10));
  ASSERT_TRUE(v.acceptance_date.has_value());
  EXPECT_EQ(*v.acceptance_date, day(2024, 2, 20));
  ASSERT_EQ(v.lines.size(), 3u);
  EXPECT_EQ(v.lines[0].quantity, 200);
  EXPECT_EQ(v.lines[0].unit_cost.minor_units(), 500000);
  EXPECT_EQ(v.lines[0].total.minor_units(), 100000000);
  EXPECT_EQ(v.lines[0].availability_months_from, 24);
  EXPECT_EQ(v.lines[0].availability_months_to, 36);
  EXPECT_THAT(v.lines[0].note_references, ElementsAre("1"));
  EXPECT_EQ(v.lines[1].pricing, LinePricing::lump_sum);
  EXPECT_EQ(v.lines[1].months_of_service, 24);
  EXPECT_TRUE(v.lines[1].unit_cost.is_zero());
  EXPECT_EQ(v.cost_summary.total.minor_units(), 132048000);
  ASSERT_EQ(v.payment_schedule.installments.size(), 2u);
  EXPECT_EQ(v.payment_schedule.installments[1].due_date, day(2024, 9, 15));
  ASSERT_TRUE(v.notification.has_value());
  EXPECT_EQ(v.notification->notified_value.minor_units(), 235000000);
}

// --- syntax, structure and types ----------------------------------------------------------

TEST(LoaJsonParseTest, MalformedJsonReportsLineAndColumn) {
  const std::string error =
      error_of(parse_text("{\n  \"format\": \"fmsledger.loa/1\",\n"
                          "  \"case_id\": x\n}\n"));
  EXPECT_THAT(error, StartsWith("test.json:3:14: "));
  EXPECT_THAT(error, HasSubstr("invalid literal"));
  EXPECT_THAT(error, Not(HasSubstr("json.exception")));

  const std::string truncated = error_of(parse_text("{\"format\": \"fmsledger.loa/1\""));
  EXPECT_THAT(truncated, StartsWith("test.json:1:29: "));
  EXPECT_THAT(truncated, HasSubstr("unexpected end of input"));
}

TEST(LoaJsonParseTest, DocumentMustBeAnObject) {
  EXPECT_EQ(error_of(parse_text("[1, 2]")),
            "test.json: the document must be a JSON object, got array");
}

TEST(LoaJsonParseTest, UnknownFieldAtTopLevel) {
  Json doc = valid_document();
  doc["titel"] = "typo";
  doc["remarks"] = "not a field";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/titel"),
              ElementsAre("unknown field \"titel\"; did you mean \"title\"?"));
  EXPECT_THAT(problems_at(error, "/remarks"),
              ElementsAre(HasSubstr("unknown field \"remarks\"; the fields here are: format, ")));
}

TEST(LoaJsonParseTest, UnknownFieldInsideALine) {
  Json doc = valid_document();
  doc["lines"][1]["quantty"] = 1;
  doc["lines"][2]["weird/key"] = true;
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/1/quantty"),
              ElementsAre("unknown field \"quantty\"; did you mean \"quantity\"?"));
  EXPECT_THAT(problems_at(error, "/lines/2/weird~1key"),
              ElementsAre(HasSubstr("unknown field \"weird/key\"")));
}

TEST(LoaJsonParseTest, DuplicateKeysAreReported) {
  std::string text = valid_document().dump(2);
  const std::string needle = "\"quantity\": 200,";
  const std::size_t at = text.find(needle);
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "\"quantity\": 250, ");
  const std::string error = error_of(parse_text(text));
  EXPECT_THAT(problems_at(error, "/lines/0/quantity"),
              ElementsAre(HasSubstr("field \"quantity\" appears more than once")));
}

TEST(LoaJsonParseTest, MissingRequiredFields) {
  Json doc = valid_document();
  doc["lines"][0].erase("masl");
  doc["lines"][0].erase("unit_cost");
  doc.erase("provenance");
  doc["dates"].erase("offer");
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/masl"),
              ElementsAre("required field \"masl\" is missing"));
  EXPECT_THAT(problems_at(error, "/lines/0/unit_cost"),
              ElementsAre(HasSubstr("required field \"unit_cost\" is missing (a per_unit line")));
  EXPECT_THAT(problems_at(error, "/provenance"), ElementsAre(HasSubstr("is missing")));
  EXPECT_THAT(problems_at(error, "/dates/offer"), ElementsAre(HasSubstr("is missing")));
}

TEST(LoaJsonParseTest, WrongTypes) {
  Json doc = valid_document();
  doc["lines"][0]["mde"] = "yes";
  doc["lines"][1]["quantity"] = "1";
  doc["lines"][2]["quantity"] = 2.5;
  doc["document"]["version"] = "0";
  doc["title"] = 42;
  doc["notes"] = Json::object();
  doc["dates"]["offer"] = 20240110;
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/mde"),
              ElementsAre("must be true or false, got string \"yes\""));
  EXPECT_THAT(problems_at(error, "/lines/1/quantity"),
              ElementsAre("must be a whole number, got string \"1\""));
  EXPECT_THAT(problems_at(error, "/lines/2/quantity"),
              ElementsAre("must be a whole number, got number 2.5"));
  EXPECT_THAT(problems_at(error, "/document/version"), ElementsAre(HasSubstr("whole number")));
  EXPECT_THAT(problems_at(error, "/title"), ElementsAre("must be a string, got number 42"));
  EXPECT_THAT(problems_at(error, "/notes"), ElementsAre("must be an array, got object"));
  EXPECT_THAT(problems_at(error, "/dates/offer"),
              ElementsAre(HasSubstr("a date must be a string \"YYYY-MM-DD\"")));
}

TEST(LoaJsonParseTest, BadEnumerationsAndDates) {
  Json doc = valid_document();
  doc["document"]["kind"] = "restatement";
  doc["lines"][0]["pricing"] = "each";
  doc["dates"]["effective"] = "2024-02-30";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/document/kind"),
              ElementsAre(HasSubstr("unknown document kind \"restatement\"")));
  EXPECT_THAT(problems_at(error, "/lines/0/pricing"),
              ElementsAre("pricing must be \"per_unit\" or \"lump_sum\", got \"each\""));
  EXPECT_THAT(problems_at(error, "/dates/effective"),
              ElementsAre(HasSubstr("\"2024-02-30\" is not a date")));
}

TEST(LoaJsonParseTest, OtherFormatIsReportedAlone) {
  Json doc = valid_document();
  doc["format"] = "fmsledger.loa/2";
  doc.erase("lines");  // not reported: this is not an LOA document of our format at all
  EXPECT_EQ(error_of(parse(doc)),
            "test.json: /format: unsupported format \"fmsledger.loa/2\"; expected "
            "\"fmsledger.loa/1\"");
}

// --- money ----------------------------------------------------------------------------------

TEST(LoaJsonParseTest, MoneyAsJsonNumberIsRefused) {
  Json doc = valid_document();
  doc["lines"][0]["total"] = 1000000.00;
  doc["cost_summary"]["other"] = 0;
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/total"),
              ElementsAre(AllOf(HasSubstr("money must be a decimal string"),
                                HasSubstr("not a JSON number"))));
  EXPECT_THAT(problems_at(error, "/cost_summary/other"),
              ElementsAre(HasSubstr("not a JSON number (got 0)")));
}

TEST(LoaJsonParseTest, UnparseableMoneyIsRefused) {
  Json doc = valid_document();
  doc["lines"][0]["unit_cost"] = "5,000.005";
  doc["cost_summary"]["transportation"] = "five thousand";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/unit_cost"),
              ElementsAre(HasSubstr("\"5,000.005\" is not an amount in USD")));
  EXPECT_THAT(problems_at(error, "/cost_summary/transportation"),
              ElementsAre(HasSubstr("\"five thousand\" is not an amount: write digits")));
}

TEST(LoaJsonParseTest, MoneyWithCurrencyCodeIsRefused) {
  Json doc = valid_document();
  doc["cost_summary"]["other"] = "USD 0.00";
  EXPECT_THAT(problems_at(error_of(parse(doc)), "/cost_summary/other"),
              ElementsAre(HasSubstr("\"USD 0.00\" is not an amount")));
}

TEST(LoaJsonParseTest, PaymentScheduleNeedsInstallmentsArray) {
  Json doc = valid_document();
  doc["payment_schedule"].erase("installments");
  EXPECT_THAT(problems_at(error_of(parse(doc)), "/payment_schedule/installments"),
              ElementsAre("required field \"installments\" is missing"));
}

TEST(LoaJsonParseTest, NegativeMoneyIsRefused) {
  Json doc = valid_document();
  doc["cost_summary"]["other"] = "-5.00";
  doc["cost_summary"]["total"] = "1,320,475.00";
  doc["payment_schedule"]["initial_deposit"] = "320,475.00";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(split_lines(error),
              ElementsAre("test.json: /cost_summary/other: amounts must not be negative, got "
                          "USD -5.00"));
}

// --- quantities and codes -----------------------------------------------------------------

TEST(LoaJsonParseTest, ZeroAndNegativeQuantities) {
  Json doc = valid_document();
  doc["lines"][0]["quantity"] = 0;
  doc["lines"][2]["quantity"] = -3;
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/quantity"),
              ElementsAre("quantity must be greater than zero, got 0"));
  EXPECT_THAT(problems_at(error, "/lines/2/quantity"),
              ElementsAre("quantity must be greater than zero, got -3"));
}

TEST(LoaJsonParseTest, UnknownCodes) {
  Json doc = valid_document();
  doc["lines"][0]["type_of_assistance"] = "Q";
  doc["lines"][0]["source_of_supply"] = "W";
  doc["lines"][1]["delivery_term_code"] = "6";
  doc["lines"][1]["offer_release_code"] = "B";
  doc["lines"][2]["unit_of_issue"] = "XX";
  doc["terms_of_sale"] = "barter";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/type_of_assistance"),
              ElementsAre("unknown Type of Assistance (TA) code \"Q\"; known codes: 3, 5, N"));
  EXPECT_THAT(problems_at(error, "/lines/0/source_of_supply"),
              ElementsAre(HasSubstr("unknown Source of Supply (SC) code \"W\"; known codes: E, "
                                    "P, R, S, X")));
  EXPECT_THAT(problems_at(error, "/lines/1/delivery_term_code"),
              ElementsAre(HasSubstr("unknown Delivery Term Code (DTC) \"6\"")));
  EXPECT_THAT(problems_at(error, "/lines/1/offer_release_code"),
              ElementsAre(HasSubstr("unknown Offer/Release Code (ORC) \"B\"")));
  EXPECT_THAT(problems_at(error, "/lines/2/unit_of_issue"),
              ElementsAre(HasSubstr("unknown unit of issue \"XX\"")));
  EXPECT_THAT(problems_at(error, "/terms_of_sale"),
              ElementsAre(HasSubstr("unknown terms of sale code \"barter\"")));
}

TEST(LoaJsonParseTest, UnknownCodesAreReportedEvenBesideStructuralProblems) {
  Json doc = valid_document();
  doc["lines"][0]["type_of_assistance"] = "Q";
  doc["lines"][1].erase("mde");
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/0/type_of_assistance"),
              ElementsAre(HasSubstr("unknown Type of Assistance")));
  EXPECT_THAT(problems_at(error, "/lines/1/mde"), ElementsAre(HasSubstr("is missing")));
}

TEST(LoaJsonParseTest, SourceOfSupplyInvalidForTypeOfAssistance) {
  Json doc = valid_document();
  doc["lines"][2]["source_of_supply"] = "P";  // TA 3 is a stock sale: S, R or E
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(split_lines(error),
              ElementsAre("test.json: /lines/2/source_of_supply: Source of Supply \"P\" is not "
                          "valid for Type of Assistance \"3\"; valid sources: S, R, E"));
}

TEST(LoaJsonParseTest, BadCaseIdentifier) {
  Json doc = valid_document();
  doc["case_id"] = "XX-P-AMA";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/case_id"),
              ElementsAre(HasSubstr("\"XX-P-AMA\" is not a valid case identifier")));
}

// --- rules of check_version, reported through the parser ------------------------------------

TEST(LoaJsonParseTest, LineTotalMustBeQuantityTimesUnitCost) {
  Json doc = valid_document();
  doc["lines"][2]["quantity"] = 3;
  doc["lines"][2]["unit_cost"] = "3.00";
  doc["lines"][2]["total"] = "10.00";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/2/total"),
              ElementsAre("total USD 10.00 does not equal quantity 3 x unit cost USD 3.00 = "
                          "USD 9.00"));
  EXPECT_THAT(problems_at(error, "/cost_summary/net_estimated_cost"),
              ElementsAre("net estimated cost USD 1,265,000.00 does not equal the sum of line "
                          "totals USD 1,250,010.00"));
}

TEST(LoaJsonParseTest, CostSummaryAndScheduleMustAddUp) {
  Json doc = valid_document();
  doc["cost_summary"]["transportation"] = "5000.01";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/cost_summary/total"),
              ElementsAre(HasSubstr("total USD 1,320,480.00 does not equal the sum of its parts "
                                    "USD 1,320,480.01")));

  Json schedule = valid_document();
  schedule["payment_schedule"]["installments"][1]["amount"] = "499999.99";
  EXPECT_THAT(problems_at(error_of(parse(schedule)), "/payment_schedule"),
              ElementsAre(HasSubstr("does not equal the cost summary total USD 1,320,480.00")));
}

TEST(LoaJsonParseTest, InstallmentNotOnABillingDay) {
  Json doc = valid_document();
  doc["payment_schedule"]["installments"][1]["due"] = "2024-09-30";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(split_lines(error),
              ElementsAre("test.json: /payment_schedule/installments/1/due: installment due "
                          "2024-09-30 is not a quarterly billing day (15 March, 15 June, "
                          "15 September or 15 December)"));
}

TEST(LoaJsonParseTest, AcceptanceAfterOfferExpiration) {
  Json doc = valid_document();
  doc["dates"]["offer_expiration"] = "2024-02-24";
  doc["dates"]["acceptance"] = "2024-03-01";
  doc["dates"]["effective"] = "2024-03-01";
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/dates/acceptance"),
              ElementsAre(HasSubstr(
                  "acceptance 2024-03-01 is after the offer expiration date 2024-02-24")));
}

TEST(LoaJsonParseTest, DuplicateLineNumbersAndMissingNote) {
  Json doc = valid_document();
  doc["lines"][2]["number"] = "001";
  doc["lines"][1]["notes"] = Json::array({"1", "9"});
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/lines/2/number"),
              ElementsAre("line number 001 is used more than once (first at /lines/0)"));
  EXPECT_THAT(problems_at(error, "/lines/1/notes/1"),
              ElementsAre("line 002 refers to note 9, which is not among the document's notes"));
}

TEST(LoaJsonParseTest, ModificationMustNotCarryOfferExpirationOrAcceptance) {
  Json doc = valid_document();
  doc["document"] = {{"kind", "modification"}, {"version", 1}};
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(problems_at(error, "/dates/offer_expiration"),
              ElementsAre(HasSubstr("a modification has no offer expiration date")));
  EXPECT_THAT(problems_at(error, "/dates/acceptance"),
              ElementsAre(HasSubstr("a modification has no acceptance date")));
}

// --- limits ---------------------------------------------------------------------------------

TEST(LoaJsonParseTest, TooManyLines) {
  Json doc = valid_document();
  Json lines = Json::array();
  for (std::size_t i = 0; i < kMaxLoaLines + 1; ++i) lines.push_back(doc["lines"][0]);
  doc["lines"] = lines;
  const std::string error = error_of(parse(doc));
  const std::vector<std::string> reported = split_lines(error);
  ASSERT_FALSE(reported.empty());
  EXPECT_EQ(reported.front(),
            "test.json: /lines: the document has 2001 lines; a document may have at most 2000 "
            "(split the case)");
  // Every copy repeats line 001: far more problems than are shown.
  ASSERT_EQ(reported.size(), kMaxReportedProblems + 1);
  EXPECT_THAT(reported.back(), testing::MatchesRegex(R"(\.\.\. and [0-9]+ more)"));
}

TEST(LoaJsonParseTest, TooLongText) {
  Json doc = valid_document();
  doc["lines"][0]["description"] = std::string(kMaxTextFieldBytes + 1, 'x');
  doc["notes"][0]["text"] = std::string(kMaxTextFieldBytes, 'y');  // exactly at the limit
  const std::string error = error_of(parse(doc));
  EXPECT_THAT(split_lines(error),
              ElementsAre("test.json: /lines/0/description: text is 4001 bytes; a text field may "
                          "be at most 4000 bytes"));
}

TEST(LoaJsonParseTest, TooLargeDocument) {
  const std::string text(kMaxLoaDocumentBytes + 1, ' ');
  EXPECT_THAT(error_of(parse_text(text)),
              AllOf(StartsWith("test.json: the document is 8388609 bytes"),
                    HasSubstr("at most 8388608 bytes")));
}

TEST(LoaJsonParseTest, AllProblemsReportedTogetherOnePerLine) {
  Json doc = valid_document();
  doc["titel"] = "typo";
  doc["lines"][0]["total"] = 1;
  doc["lines"][1]["quantity"] = -1;
  doc["currency"] = "XYZ";
  const std::string error = error_of(parse(doc));
  const std::vector<std::string> reported = split_lines(error);
  EXPECT_EQ(reported.size(), 4u) << error;
  for (const std::string& line : reported) EXPECT_THAT(line, StartsWith("test.json: /"));
  EXPECT_THAT(problems_at(error, "/currency"), ElementsAre(HasSubstr("unknown currency \"XYZ\"")));
}

// --- admin surcharge rate -------------------------------------------------------------------

TEST(LoaJsonParseTest, SurchargeRateParsedAsBasisPoints) {
  Json doc = valid_document();
  doc["lines"][0]["admin_surcharge_rate"] = "3.20";
  doc["lines"][1]["admin_surcharge_rate"] = "3.2";
  Result<LoaVersion> parsed = parse(doc);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->lines[0].admin_surcharge_basis_points, 320);
  EXPECT_EQ(parsed->lines[1].admin_surcharge_basis_points, 320);

  for (const char* bad : {"3.2%", "3.205", ".5", "3.", "-3.2", "abc"}) {
    Json broken = valid_document();
    broken["lines"][0]["admin_surcharge_rate"] = bad;
    EXPECT_THAT(problems_at(error_of(parse(broken)), "/lines/0/admin_surcharge_rate"),
                ElementsAre(HasSubstr("must be a percent such as \"3.2\"")))
        << bad;
  }
}

TEST(LoaJsonParseTest, SurchargeRateDefaultsToRateOnAcceptance) {
  Result<LoaVersion> parsed = parse(valid_document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->lines[0].admin_surcharge_basis_points, 320);  // absent: accepted in 2024

  // Unsigned and offered before 1 June 2018: the offer date's 3.5% applies.
  Json doc = valid_document();
  doc["dates"] = {
      {"offer", "2018-05-01"}, {"offer_expiration", "2018-07-25"}, {"effective", "2018-05-01"}};
  doc["lines"][2].erase("admin_surcharge_rate");
  doc["payment_schedule"]["installments"] =
      Json::array({{{"due", "2018-06-15"}, {"amount", "1000000.00"}}});
  Result<LoaVersion> early = parse(doc);
  ASSERT_TRUE(early.ok()) << early.error().message;
  for (const LoaLine& line : early->lines) EXPECT_EQ(line.admin_surcharge_basis_points, 350);
}

TEST(LoaJsonParseTest, SurchargeRateOfBasicMustBeTheRateInForce) {
  Json doc = valid_document();
  doc["lines"][0]["admin_surcharge_rate"] = "3.5";
  EXPECT_THAT(problems_at(error_of(parse(doc)), "/lines/0/admin_surcharge_rate"),
              ElementsAre("admin surcharge rate 3.50% is not the rate in force on the acceptance "
                          "date 2024-02-20 (3.20%)"));
}

TEST(LoaJsonParseTest, SurchargeRateLockedOnCarriedOverLines) {
  // Basic accepted in 2017 at 3.5% (by default); amendment in 2019 adds line 004.
  Json basic = valid_document();
  basic["dates"] = {{"offer", "2017-03-01"},
                    {"offer_expiration", "2017-05-25"},
                    {"acceptance", "2017-05-01"},
                    {"effective", "2017-05-01"}};
  basic["lines"][2].erase("admin_surcharge_rate");
  basic["payment_schedule"]["installments"] =
      Json::array({{{"due", "2017-06-15"}, {"amount", "1000000.00"}}});
  Result<LoaVersion> previous = parse(basic);
  ASSERT_TRUE(previous.ok()) << previous.error().message;
  EXPECT_EQ(previous->lines[0].admin_surcharge_basis_points, 350);

  Json amendment = basic;
  amendment["document"] = {{"kind", "amendment"}, {"version", 1}};
  amendment["purpose"] = "Adds line 004 for additional purchaser requirements";
  amendment["dates"] = {{"offer", "2019-01-10"},
                        {"offer_expiration", "2019-04-05"},
                        {"acceptance", "2019-02-01"},
                        {"effective", "2019-02-01"}};
  for (Json& line : amendment["lines"]) line["admin_surcharge_rate"] = "3.50";  // locked
  Json added = basic["lines"][2];
  added["number"] = "004";
  added.erase("admin_surcharge_rate");  // new line: the rate in force on acceptance
  amendment["lines"].push_back(added);
  amendment["cost_summary"]["net_estimated_cost"] = "1,280,000.00";
  amendment["cost_summary"]["total"] = "1,335,480.00";
  amendment["payment_schedule"]["initial_deposit"] = "335,480.00";
  Result<LoaVersion> next = parse(amendment);
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->lines[0].admin_surcharge_basis_points, 350);
  EXPECT_EQ(next->lines[3].admin_surcharge_basis_points, 320);
  EXPECT_THAT(check_successor(*previous, *next, reference()), IsEmpty());

  // Without the explicit locked rate, carried-over lines default to 3.2% and are refused.
  Json unlocked = amendment;
  unlocked["lines"][0].erase("admin_surcharge_rate");
  Result<LoaVersion> repriced = parse(unlocked);
  ASSERT_TRUE(repriced.ok()) << repriced.error().message;
  const std::vector<RuleViolation> violations = check_successor(*previous, *repriced, reference());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].location, "/lines/0/admin_surcharge_rate");
  EXPECT_THAT(violations[0].message, HasSubstr("keeps its locked admin surcharge rate 3.50%"));
}

// --- serialization --------------------------------------------------------------------------

TEST(LoaJsonSerializeTest, RoundTripReproducesTheVersion) {
  Result<LoaVersion> parsed = parse(valid_document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const std::string text = serialize_loa_version(*parsed);
  Result<LoaVersion> again = parse_text(text);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(serialize_loa_version(*again), text);
  EXPECT_THAT(diff_lines(*parsed, *again), IsEmpty());
  EXPECT_EQ(again->case_id, parsed->case_id);
  EXPECT_EQ(again->offer_expiration_date, parsed->offer_expiration_date);
  EXPECT_EQ(again->acceptance_date, parsed->acceptance_date);
  EXPECT_EQ(again->effective_date, parsed->effective_date);
  EXPECT_EQ(again->cost_summary.total, parsed->cost_summary.total);
  EXPECT_EQ(again->payment_schedule.initial_deposit, parsed->payment_schedule.initial_deposit);
  EXPECT_EQ(again->notification->transmittal, "23-84");
  EXPECT_EQ(again->notes[0].text, parsed->notes[0].text);
  EXPECT_EQ(again->provenance, parsed->provenance);
}

TEST(LoaJsonSerializeTest, CanonicalFormIsByteStable) {
  Result<LoaVersion> parsed = parse(valid_document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  // The same content written differently (key order, grouping, "3.2" vs "3.20", absent
  // defaults) gives the same canonical bytes.
  Json reordered = Json::parse(valid_document().dump());  // nlohmann sorts keys
  reordered["lines"][0]["admin_surcharge_rate"] = "3.20";
  reordered["lines"][0]["design_and_construction"] = false;
  reordered["lines"][0]["unit_cost"] = "5000.00";
  Result<LoaVersion> other = parse(reordered);
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_EQ(serialize_loa_version(*parsed), serialize_loa_version(*other));
  EXPECT_EQ(serialize_loa_version(*parsed), serialize_loa_version(*parsed));
}

TEST(LoaJsonSerializeTest, CanonicalLayout) {
  Result<LoaVersion> parsed = parse(valid_document());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const nlohmann::ordered_json out = to_json(*parsed);
  std::vector<std::string> keys;
  for (const auto& [key, value] : out.items()) keys.push_back(key);
  EXPECT_THAT(keys, ElementsAre("format", "case_id", "document", "title", "purchaser", "purpose",
                                "terms_of_sale", "currency", "dates", "notification", "lines",
                                "notes", "cost_summary", "payment_schedule", "provenance"));
  EXPECT_EQ(out["format"], "fmsledger.loa/1");
  EXPECT_EQ(out["lines"][0]["total"], "1000000.00");
  EXPECT_EQ(out["lines"][0]["admin_surcharge_rate"], "3.20");
  EXPECT_EQ(out["lines"][0]["design_and_construction"], false);
  EXPECT_FALSE(out["lines"][1].contains("unit_cost"));  // lump sum without a unit cost
  EXPECT_EQ(out["lines"][1]["months_of_service"], 24);
  EXPECT_EQ(out["lines"][1]["notes"], nlohmann::ordered_json::array());
  EXPECT_EQ(out["cost_summary"]["total"], "1320480.00");
  const std::string text = serialize_loa_version(*parsed);
  EXPECT_THAT(text,
              StartsWith("{\n  \"format\": \"fmsledger.loa/1\",\n  \"case_id\": \"JA-P-AMA\","));
  EXPECT_EQ(text.back(), '\n');
}

TEST(LoaJsonSerializeTest, ModificationWithoutOptionalFieldsRoundTrips) {
  Json doc = valid_document();
  doc["document"] = {{"kind", "modification"}, {"version", 1}};
  doc["dates"] = {{"offer", "2024-08-01"}, {"effective", "2024-09-01"}};
  doc.erase("notification");
  doc["lines"][0].erase("availability");
  Result<LoaVersion> parsed = parse(doc);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_FALSE(parsed->notification.has_value());
  const std::string text = serialize_loa_version(*parsed);
  EXPECT_THAT(text, Not(HasSubstr("offer_expiration")));
  EXPECT_THAT(text, Not(HasSubstr("notification")));
  Result<LoaVersion> again = parse_text(text);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(serialize_loa_version(*again), text);
  EXPECT_EQ(again->kind, DocumentKind::modification);
  EXPECT_FALSE(again->lines[0].availability_months_from.has_value());
}

}  // namespace
}  // namespace fms::io

namespace fms::io {
namespace {

TEST(LoaJsonFromJsonTest, AlreadyParsedJsonFollowsTheSameRules) {
  const Json document = valid_document();
  auto from_json = loa_version_from_json(document, "payload", reference());
  auto from_text = parse(document);
  ASSERT_TRUE(from_json.ok()) << from_json.error().message;
  ASSERT_TRUE(from_text.ok()) << from_text.error().message;
  EXPECT_EQ(serialize_loa_version(*from_json), serialize_loa_version(*from_text));

  Json broken = document;
  broken["lines"][0]["quantity"] = -3;
  auto refused = loa_version_from_json(broken, "payload", reference());
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("payload: /lines/0/quantity"));
}

}  // namespace
}  // namespace fms::io
