// Tests of the field parsers and the problem log behind the execution CSV importers
// (io/csv_fields.h). The hand-written date parser is checked against CivilDate::parse for every
// day CivilDate accepts and for a range of malformed and impossible dates.
#include "io/csv_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/civil_date.h"

namespace fms::io::csv {
namespace {

using ::testing::HasSubstr;

// Runs one read_* check on `text` and returns the message it reported ("" when it passed).
template <class Check>
std::string problem_of(std::string_view text, Check&& check) {
  ProblemLog log;
  const Field field{log, 7, "quantity", text};
  const bool ok = check(field);
  EXPECT_EQ(ok, log.empty()) << text;
  if (log.empty()) return "";
  EXPECT_EQ(log.kept().front().line, 7U);
  EXPECT_EQ(log.kept().front().field, "quantity");
  return log.kept().front().message;
}

TEST(ParseDate, AgreesWithCivilDateOnEveryDayInRange) {
  for (CivilDate day = CivilDate::from_ymd(1900, 1, 1); day <= CivilDate::from_ymd(2199, 12, 31);
       day = day.plus_days(1)) {
    const std::string text = day.to_string();
    const std::optional<DateValue> fast = parse_date(text);
    ASSERT_TRUE(fast.has_value()) << text;
    ASSERT_EQ(fast->serial, day.serial()) << text;
    ASSERT_EQ(fast->year, day.year());
    ASSERT_EQ(fast->month, day.month());
    ASSERT_EQ(fast->day, day.day());
  }
}

TEST(ParseDate, RefusesWhatCivilDateRefuses) {
  for (const char* text :
       {"1899-12-31", "2200-01-01", "2025-02-29", "2024-02-30", "2025-04-31", "2025-00-10",
        "2025-13-01", "2025-01-00", "2025-1-01", "2025/01/01", "20250101", "2025-01-01 ",
        " 2025-01-01", "2025-01-0a", "+025-01-01", "", "2025-01-32", "1900-02-29"}) {
    EXPECT_FALSE(parse_date(text).has_value()) << text;
    EXPECT_FALSE(CivilDate::parse(text).ok()) << text;
  }
  EXPECT_TRUE(parse_date("2000-02-29").has_value());  // divisible by 400: a leap year
  EXPECT_TRUE(parse_date("2024-02-29").has_value());
}

TEST(DaysSince1970, MatchesCivilDateSerial) {
  EXPECT_EQ(days_since_1970(1970, 1, 1), 0);
  EXPECT_EQ(days_since_1970(1969, 12, 31), -1);
  EXPECT_EQ(days_since_1970(2025, 9, 30), CivilDate::from_ymd(2025, 9, 30).serial());
  EXPECT_EQ(days_since_1970(1900, 3, 1), CivilDate::from_ymd(1900, 3, 1).serial());
}

TEST(IsQuarterEnd, OnlyTheFourQuarterEnds) {
  for (const char* text : {"2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"}) {
    EXPECT_TRUE(is_quarter_end(*parse_date(text))) << text;
  }
  for (const char* text :
       {"2025-03-30", "2025-06-29", "2025-09-29", "2025-12-30", "2025-01-31", "2025-04-30"}) {
    const auto date = parse_date(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_FALSE(is_quarter_end(*date)) << text;
  }
}

TEST(ReadDate, ReportsCivilDateMessage) {
  DateValue out;
  EXPECT_EQ(problem_of("2025-02-30", [&](const Field& f) { return read_date(f, out); }),
            "date \"2025-02-30\" does not exist: that month has 28 days");
  EXPECT_THAT(problem_of("30/09/2025", [&](const Field& f) { return read_date(f, out); }),
              HasSubstr("YYYY-MM-DD"));
}

TEST(ReadDate, MemoReturnsTheSameValueAndStillRefusesBadDates) {
  DateMemo memo;
  DateValue first;
  DateValue second;
  ProblemLog log;
  ASSERT_TRUE(read_date(Field{log, 2, "ship_date", "2025-09-30"}, first, memo));
  ASSERT_TRUE(read_date(Field{log, 3, "ship_date", "2025-09-30"}, second, memo));
  EXPECT_EQ(first.serial, second.serial);
  ASSERT_TRUE(read_date(Field{log, 4, "ship_date", "2025-10-01"}, second, memo));
  EXPECT_EQ(second.serial, first.serial + 1);
  EXPECT_FALSE(read_date(Field{log, 5, "ship_date", "2025-10-32"}, second, memo));
  EXPECT_EQ(log.total(), 1U);
}

TEST(ParseDecimal, ReadsExactMinorUnits) {
  EXPECT_EQ(parse_decimal("0", 2, false, 100), 0);
  EXPECT_EQ(parse_decimal("12", 2, false, 10'000), 1200);
  EXPECT_EQ(parse_decimal("12.3", 2, false, 10'000), 1230);
  EXPECT_EQ(parse_decimal("12.34", 2, false, 10'000), 1234);
  EXPECT_EQ(parse_decimal("-12.34", 2, true, 10'000), -1234);
  EXPECT_EQ(parse_decimal("007", 0, false, 10), 7);
}

TEST(ParseDecimal, RefusesEverythingElse) {
  for (const char* text : {"", "-", ".5", "5.", "1.234", "1,000", "+1", "1e3", "1.2.3", " 1", "1 ",
                           "0x10", "--1", "1-"}) {
    EXPECT_FALSE(parse_decimal(text, 2, true, 1'000'000).has_value()) << text;
  }
  EXPECT_FALSE(parse_decimal("-1", 2, false, 1'000).has_value());  // sign not allowed here
  EXPECT_FALSE(parse_decimal("1.5", 0, true, 1'000).has_value());  // no decimals in yen
  EXPECT_FALSE(parse_decimal("1234567890123456789012", 0, false, kMaxRowValueCents));
}

TEST(ParseDecimal, LimitIsInclusive) {
  EXPECT_EQ(parse_decimal("999999999999.99", 2, false, kMaxRowValueCents), kMaxRowValueCents);
  EXPECT_FALSE(parse_decimal("1000000000000.00", 2, false, kMaxRowValueCents).has_value());
  EXPECT_FALSE(parse_decimal("1000000000000", 2, false, kMaxRowValueCents).has_value());
  EXPECT_EQ(parse_decimal("-999999999999.99", 2, true, kMaxRowValueCents), -kMaxRowValueCents);
  EXPECT_EQ(parse_decimal("99999999999999", 0, true, kMaxRowYen), kMaxRowYen);
  EXPECT_FALSE(parse_decimal("100000000000000", 0, true, kMaxRowYen).has_value());
}

TEST(ReadWholeNumber, QuantityAtAndPastTheLimit) {
  std::int64_t out = 0;
  const auto quantity = [&](const Field& f) {
    return read_whole_number(f, 0, kMaxRowQuantity, out);
  };
  EXPECT_EQ(problem_of("999999999", quantity), "");
  EXPECT_EQ(out, kMaxRowQuantity);
  EXPECT_EQ(problem_of("1000000000", quantity),
            "\"1000000000\" is not a whole number from 0 to 999,999,999");
  EXPECT_EQ(problem_of("-3", quantity), "\"-3\" is not a whole number from 0 to 999,999,999");
  EXPECT_EQ(problem_of("2.0", quantity), "\"2.0\" is not a whole number from 0 to 999,999,999");
  EXPECT_EQ(problem_of("", quantity), "a value is required");
  EXPECT_EQ(problem_of(" 3", quantity),
            "\" 3\" has leading or trailing spaces; values are not trimmed, remove them");
}

TEST(ReadUsdCents, MessagesNameTheRangeAndForm) {
  std::int64_t out = 0;
  EXPECT_EQ(problem_of("1.234", [&](const Field& f) { return read_usd_cents(f, false, out); }),
            "\"1.234\" is not an amount in USD from 0.00 to 999,999,999,999.99 (digits, an "
            "optional '.' and at most 2 decimals; no grouping or sign)");
  EXPECT_EQ(problem_of("-1", [&](const Field& f) { return read_usd_cents(f, false, out); }),
            "\"-1\" is not an amount in USD from 0.00 to 999,999,999,999.99 (digits, an "
            "optional '.' and at most 2 decimals; no grouping or sign)");
  EXPECT_EQ(problem_of("-1", [&](const Field& f) { return read_usd_cents(f, true, out); }), "");
  EXPECT_EQ(out, -100);
  EXPECT_EQ(problem_of("1,000", [&](const Field& f) { return read_usd_cents(f, true, out); }),
            "\"1,000\" is not an amount in USD from -999,999,999,999.99 to 999,999,999,999.99 "
            "(an optional '-', digits, an optional '.' and at most 2 decimals; no grouping)");
}

TEST(ReadSignedYen, WholeYenOnly) {
  std::int64_t out = 0;
  const auto yen = [&](const Field& f) { return read_signed_yen(f, out); };
  EXPECT_EQ(problem_of("-2500000", yen), "");
  EXPECT_EQ(out, -2'500'000);
  EXPECT_EQ(problem_of("99999999999999", yen), "");
  EXPECT_THAT(problem_of("100000000000000", yen), HasSubstr("is not an amount in JPY"));
  EXPECT_THAT(problem_of("100.5", yen), HasSubstr("no decimals or grouping"));
}

TEST(ReadIdentifier, DocumentNumberAtAndPastItsLengthLimit) {
  const std::string twenty(kMaxDocumentNumberBytes, 'N');
  const std::string twenty_one(kMaxDocumentNumberBytes + 1, 'N');
  const auto document = [](const Field& f) { return read_identifier(f, kDocumentNumberRule); };
  EXPECT_EQ(problem_of(twenty, document), "");
  EXPECT_EQ(problem_of(twenty_one, document),
            "\"" + twenty_one + "\" is not a document number: 1 to 20 characters A-Z, 0-9 and '-'");
  EXPECT_EQ(problem_of("N3902A-5123", document), "");
  EXPECT_THAT(problem_of("n3902", document), HasSubstr("is not a document number"));
  EXPECT_THAT(problem_of("N39_02", document), HasSubstr("is not a document number"));
}

TEST(ReadIdentifier, TcnAtAndPastItsLengthLimit) {
  const auto tcn = [](const Field& f) { return read_identifier(f, kTcnRule); };
  EXPECT_EQ(problem_of(std::string(kMaxTcnBytes, 'T'), tcn), "");
  EXPECT_THAT(problem_of(std::string(kMaxTcnBytes + 1, 'T'), tcn),
              HasSubstr("is not a transportation control number: 1 to 17 characters A-Z and 0-9"));
  EXPECT_THAT(problem_of("FB-2570", tcn), HasSubstr("transportation control number"));
}

TEST(ReadIdentifier, ReceiptAndPaymentIdsAtAndPastTheirLimits) {
  const auto receipt = [](const Field& f) { return read_identifier(f, kReceiptIdRule); };
  const auto payment = [](const Field& f) { return read_identifier(f, kPaymentIdRule); };
  EXPECT_EQ(problem_of(std::string(kMaxReceiptIdBytes, 'r'), receipt), "");
  EXPECT_THAT(problem_of(std::string(kMaxReceiptIdBytes + 1, 'r'), receipt),
              HasSubstr("1 to 32 characters"));
  EXPECT_EQ(problem_of(std::string(kMaxPaymentIdBytes, 'p'), payment), "");
  EXPECT_THAT(problem_of(std::string(kMaxPaymentIdBytes + 1, 'p'), payment),
              HasSubstr("is not a payment id"));
  EXPECT_EQ(problem_of("JKR-2025/07_a.1", receipt), "");
  EXPECT_THAT(problem_of("R 1", receipt), HasSubstr("is not a receipt id"));
}

TEST(ReadLineNumber, UsesTheLoaLineNumberRule) {
  const auto line = [](const Field& f) { return read_line_number(f); };
  for (const char* good : {"001", "999", "001a", "012z"}) EXPECT_EQ(problem_of(good, line), "");
  for (const char* bad : {"000", "01", "1", "0001", "001A", "001ab", "abc", "00a"}) {
    EXPECT_THAT(problem_of(bad, line), HasSubstr("is not an LOA line number")) << bad;
  }
}

TEST(ReadCaseIdShape, CanonicalFormOnly) {
  const auto case_id = [](const Field& f) { return read_case_id_shape(f); };
  EXPECT_EQ(problem_of("JA-P-TWK", case_id), "");
  EXPECT_EQ(problem_of("JA-P-2A9", case_id), "");
  for (const char* bad : {"ja-p-twk", "JA-P-TW", "JAP-TWK", "JA-P-TWKX", "JA P TWK", "J1-P-TWK"}) {
    EXPECT_THAT(problem_of(bad, case_id), HasSubstr("is not a case identifier")) << bad;
  }
}

TEST(ReadText, ConditionLengthLimitAndLineBreaks) {
  const auto condition = [](const Field& f) { return read_text(f, 0, kMaxConditionBytes, true); };
  EXPECT_EQ(problem_of("", condition), "");
  EXPECT_EQ(problem_of(std::string(kMaxConditionBytes, 'c'), condition), "");
  EXPECT_THAT(problem_of(std::string(kMaxConditionBytes + 1, 'c'), condition),
              HasSubstr("is 201 bytes long; it must be 0 to 200 bytes"));
  EXPECT_EQ(problem_of("two\nlines", condition), "");
  EXPECT_THAT(problem_of("bell\x07", condition), HasSubstr("control character 0x07"));
  EXPECT_THAT(problem_of(" padded", condition), HasSubstr("leading or trailing spaces"));
}

TEST(ReadText, InspectorLengthLimitAndNoLineBreaks) {
  const auto inspector = [](const Field& f) { return read_text(f, 1, kMaxInspectorBytes, false); };
  EXPECT_EQ(problem_of(std::string(kMaxInspectorBytes, 'i'), inspector), "");
  EXPECT_THAT(problem_of(std::string(kMaxInspectorBytes + 1, 'i'), inspector),
              HasSubstr("must be 1 to 64 bytes"));
  EXPECT_EQ(problem_of("", inspector), "a value is required");
  EXPECT_THAT(problem_of("Sato\nKenji", inspector), HasSubstr("control character 0x0A"));
  EXPECT_EQ(problem_of("\xE4\xBD\x90\xE8\x97\xA4 \xE5\x81\xA5\xE4\xBA\x8C", inspector), "");
}

TEST(InQuotes, CutsLongValues) {
  EXPECT_EQ(in_quotes("abc"), "\"abc\"");
  EXPECT_EQ(in_quotes(std::string(kMaxQuotedBytes, 'x')),
            "\"" + std::string(kMaxQuotedBytes, 'x') + "\"");
  EXPECT_EQ(in_quotes(std::string(kMaxQuotedBytes + 1, 'x')),
            "\"" + std::string(kMaxQuotedBytes, 'x') + "...\"");
  // Never half a character: 39 ASCII bytes, then a 3-byte character across the cut.
  const std::string kanji = "\xE5\x8F\x97";
  EXPECT_EQ(in_quotes(std::string(kMaxQuotedBytes - 1, 'x') + kanji),
            "\"" + std::string(kMaxQuotedBytes - 1, 'x') + "...\"");
}

TEST(Grouped, ThousandsAndDecimals) {
  EXPECT_EQ(grouped(0), "0");
  EXPECT_EQ(grouped(999), "999");
  EXPECT_EQ(grouped(1000), "1,000");
  EXPECT_EQ(grouped(999'999'999), "999,999,999");
  EXPECT_EQ(grouped(-1234567), "-1,234,567");
  EXPECT_EQ(grouped(5, 2), "0.05");
  EXPECT_EQ(grouped(kMaxRowValueCents, 2), "999,999,999,999.99");
  EXPECT_EQ(grouped(-123456, 2), "-1,234.56");
}

TEST(ProblemLog, KeepsTheLowestLinesInOrderAndCountsAll) {
  ProblemLog log;
  for (std::uint32_t line = 200; line > 100; --line) log.add(line, "f", "m" + std::to_string(line));
  EXPECT_EQ(log.total(), 100U);
  ASSERT_EQ(log.kept().size(), kMaxReportedProblems);
  EXPECT_EQ(log.kept().front().line, 101U);
  EXPECT_EQ(log.kept().back().line, 150U);
  EXPECT_FALSE(log.wants(151));
  EXPECT_TRUE(log.wants(149));
}

TEST(ProblemLog, ProblemsOfOneLineKeepTheirOrder) {
  ProblemLog log;
  log.add(5, "b", "second");
  log.add(3, "x", "first");
  log.add(5, "c", "third");
  ASSERT_EQ(log.kept().size(), 3U);
  EXPECT_EQ(log.kept()[0].message, "first");
  EXPECT_EQ(log.kept()[1].message, "second");
  EXPECT_EQ(log.kept()[2].message, "third");
}

TEST(ProblemLog, ReportBuildsMessagesOnlyWhenKept) {
  ProblemLog log;
  for (std::uint32_t line = 1; line <= kMaxReportedProblems; ++line) log.add(line, "f", "m");
  bool built = false;
  log.report(kMaxReportedProblems + 1, "f", [&] {
    built = true;
    return std::string("m");
  });
  EXPECT_FALSE(built);
  EXPECT_EQ(log.total(), kMaxReportedProblems + 1);
}

TEST(ProblemLog, AbsorbAndShiftKeepLineOrderAndTotals) {
  ProblemLog first;
  first.add(10, "a", "ten");
  ProblemLog second;
  second.add(1, "b", "one relative");
  second.shift_lines(4);
  first.absorb(second);
  ASSERT_EQ(first.kept().size(), 2U);
  EXPECT_EQ(first.kept()[0].line, 5U);
  EXPECT_EQ(first.kept()[1].line, 10U);
  EXPECT_EQ(first.total(), 2U);
  EXPECT_EQ(first.to_error("x.csv").message,
            "x.csv:5: field \"b\": one relative\nx.csv:10: field \"a\": ten");
}

}  // namespace
}  // namespace fms::io::csv
