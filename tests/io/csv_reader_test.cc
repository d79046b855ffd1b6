// Tests of the RFC 4180 reader (io/csv_reader.h): splitting, quoting, line breaks, physical
// line numbers, syntax errors and recovery, the stop-at-quote mode and the ASCII flag. Rows
// longer than 16 bytes appear throughout so that both the block-wise fast path and its
// byte-wise tail are exercised.
#include "io/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fms::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct ReadRow {
  std::uint32_t line;
  std::vector<std::string> fields;
  bool blank;
  std::string error;
  bool ascii;
};

std::vector<ReadRow> read_all(std::string_view text, QuotedFields quoted = QuotedFields::allow) {
  CsvReader reader(text, 1, quoted);
  CsvRow row;
  std::vector<ReadRow> rows;
  while (reader.next(row)) {
    rows.push_back({row.line, std::vector<std::string>(row.fields.begin(), row.fields.end()),
                    row.blank, std::string(row.syntax_error), row.ascii});
  }
  return rows;
}

std::vector<std::string> fields_of(std::string_view text) {
  const std::vector<ReadRow> rows = read_all(text);
  EXPECT_EQ(rows.size(), 1U) << text;
  return rows.empty() ? std::vector<std::string>{} : rows[0].fields;
}

TEST(CsvReader, SplitsPlainRowsOnCommasAndLineFeeds) {
  const auto rows = read_all("document_number,case_id,line\nN1234,JA-P-TWK,001\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_THAT(rows[0].fields, ElementsAre("document_number", "case_id", "line"));
  EXPECT_THAT(rows[1].fields, ElementsAre("N1234", "JA-P-TWK", "001"));
  EXPECT_EQ(rows[0].line, 1U);
  EXPECT_EQ(rows[1].line, 2U);
}

TEST(CsvReader, AcceptsCrLfAndMixedLineEndings) {
  const auto rows = read_all("aaaaaaaaaa,bbbbbbbbbbbb\r\ncccccccccc,dddddddddddd\neeee,ffff\r\n");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_THAT(rows[0].fields, ElementsAre("aaaaaaaaaa", "bbbbbbbbbbbb"));
  EXPECT_THAT(rows[1].fields, ElementsAre("cccccccccc", "dddddddddddd"));
  EXPECT_THAT(rows[2].fields, ElementsAre("eeee", "ffff"));
  EXPECT_EQ(rows[2].line, 3U);
}

TEST(CsvReader, FinalLineBreakIsOptional) {
  EXPECT_THAT(fields_of("a,b,c"), ElementsAre("a", "b", "c"));
  EXPECT_THAT(fields_of("a,b,c\n"), ElementsAre("a", "b", "c"));
  EXPECT_THAT(fields_of("a-long-first-field,b,c"), ElementsAre("a-long-first-field", "b", "c"));
}

TEST(CsvReader, KeepsEmptyFieldsIncludingTrailingOnes) {
  EXPECT_THAT(fields_of(",,\n"), ElementsAre("", "", ""));
  EXPECT_THAT(fields_of("a,\n"), ElementsAre("a", ""));
  EXPECT_THAT(fields_of("a,"), ElementsAre("a", ""));
  EXPECT_THAT(fields_of("x,,y,,,z-long-enough-for-a-block\n"),
              ElementsAre("x", "", "y", "", "", "z-long-enough-for-a-block"));
}

TEST(CsvReader, KeepsSpacesAsWritten) {
  EXPECT_THAT(fields_of(" a , b\t,c \n"), ElementsAre(" a ", " b\t", "c "));
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto rows = read_all(
      "id,condition\n"
      "R-1,\"crate damaged, 2 items\"\n"
      "R-2,\"said \"\"OK\"\", then not\"\n"
      "R-3,\"first line\nsecond line\r\nthird\"\n"
      "R-4,\"\"\n");
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_THAT(rows[1].fields, ElementsAre("R-1", "crate damaged, 2 items"));
  EXPECT_THAT(rows[2].fields, ElementsAre("R-2", "said \"OK\", then not"));
  EXPECT_THAT(rows[3].fields, ElementsAre("R-3", "first line\nsecond line\r\nthird"));
  EXPECT_THAT(rows[4].fields, ElementsAre("R-4", ""));
}

TEST(CsvReader, RowLineIsThePhysicalLineTheRowStartsOn) {
  const auto rows = read_all("h1,h2\na,\"x\ny\nz\"\nb,c\n\"p\nq\",r\ns,t\n");
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_EQ(rows[0].line, 1U);
  EXPECT_EQ(rows[1].line, 2U);  // its quoted field spans lines 2-4
  EXPECT_EQ(rows[2].line, 5U);
  EXPECT_EQ(rows[3].line, 6U);  // spans lines 6-7
  EXPECT_EQ(rows[4].line, 8U);
}

TEST(CsvReader, SeveralUnescapedFieldsInOneRowKeepTheirOwnText) {
  EXPECT_THAT(fields_of("\"a\"\"1\",\"b\"\"2\",plain,\"c\"\"\"\"3\"\n"),
              ElementsAre("a\"1", "b\"2", "plain", "c\"\"3"));
}

TEST(CsvReader, FieldsLongerThanABlockAndEndsOnBlockEdges) {
  const std::string sixteen(16, 'x');
  const std::string seventeen(17, 'y');
  const std::string text = sixteen + "," + seventeen + ",\n" + std::string(15, 'z') + ",a\n";
  const auto rows = read_all(text);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_THAT(rows[0].fields, ElementsAre(sixteen, seventeen, ""));
  EXPECT_THAT(rows[1].fields, ElementsAre(std::string(15, 'z'), "a"));
}

TEST(CsvReader, ReportsEmptyLinesAsBlankRows) {
  const auto rows = read_all("a,b\n\nc,d\r\n\r\ne,f");
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_FALSE(rows[0].blank);
  EXPECT_TRUE(rows[1].blank);
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_THAT(rows[1].fields, IsEmpty());
  EXPECT_TRUE(rows[3].blank);
  EXPECT_EQ(rows[3].line, 4U);
  EXPECT_THAT(rows[4].fields, ElementsAre("e", "f"));
  EXPECT_EQ(rows[4].line, 5U);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsAnErrorAndReadingGoesOn) {
  const auto rows = read_all("a,b\"c,d\nnext,row\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_THAT(rows[0].error, HasSubstr("inside an unquoted field"));
  EXPECT_THAT(rows[1].fields, ElementsAre("next", "row"));
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_TRUE(rows[1].error.empty());
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  const auto rows = read_all("\"abc\"def,x\nok,1\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_THAT(rows[0].error, HasSubstr("after the closing"));
  EXPECT_THAT(rows[1].fields, ElementsAre("ok", "1"));
}

TEST(CsvReader, LoneCarriageReturnIsAnError) {
  const auto rows = read_all("a,b\rc,d\ne,f\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_THAT(rows[0].error, HasSubstr("carriage return"));
  EXPECT_THAT(rows[1].fields, ElementsAre("e", "f"));
  EXPECT_EQ(rows[1].line, 2U);
  // ...but a CR inside quotes is data.
  EXPECT_THAT(fields_of("\"a\rb\",c\n"), ElementsAre("a\rb", "c"));
}

TEST(CsvReader, UnclosedQuoteRunsToTheEndAndIsAnError) {
  const auto rows = read_all("a,b\nc,\"never closed\nd,e\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].line, 2U);
  EXPECT_THAT(rows[1].error, HasSubstr("not closed"));
}

TEST(CsvReader, NextLineAndOffsetFollowTheText) {
  CsvReader reader("h\n\"a\nb\"\nc\n", 10);
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line, 10U);
  EXPECT_EQ(reader.next_line(), 11U);
  EXPECT_EQ(reader.offset(), 2U);
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line, 11U);
  EXPECT_EQ(reader.next_line(), 13U);
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line, 13U);
  EXPECT_FALSE(reader.next(row));
  EXPECT_EQ(reader.next_line(), 14U);
}

TEST(CsvReader, StopModeEndsAtTheFirstRowWithAQuote) {
  CsvReader reader("a,b\nc,\"d\"\ne,f\n", 1, QuotedFields::stop);
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_FALSE(reader.stopped_at_quote());
  EXPECT_FALSE(reader.next(row));
  EXPECT_TRUE(reader.stopped_at_quote());
  EXPECT_FALSE(reader.next(row));
}

TEST(CsvReader, StopModeReadsUnquotedTextLikeAllowMode) {
  const std::string text = "a,b\r\nccccccccccccccccccc,d\n";
  const auto allow = read_all(text);
  const auto stop = read_all(text, QuotedFields::stop);
  ASSERT_EQ(allow.size(), stop.size());
  for (std::size_t i = 0; i < allow.size(); ++i) EXPECT_EQ(allow[i].fields, stop[i].fields);
}

TEST(CsvReader, FlagsRowsWithNonAsciiBytes) {
  // Non-ASCII bytes sit past the 15 bytes a previous row's last block may look into, so the
  // flag is exact here; in general it may also be false for an ASCII row, never the reverse.
  const auto rows = read_all(
      "R-1,ok,plain ascii text that is long\n"
      "R-2,padding-padding,\xE5\x8F\x97\xE9\xA0\x98\n"
      "R-3,padding-padding,\"quoted \xE2\x9C\x93\"\n"
      "R-4,padding-padding,y\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_TRUE(rows[0].ascii);
  EXPECT_FALSE(rows[1].ascii);
  EXPECT_FALSE(rows[2].ascii);
  EXPECT_TRUE(rows[3].ascii);
  EXPECT_EQ(rows[1].fields[2], "\xE5\x8F\x97\xE9\xA0\x98");
}

TEST(CsvReader, RowTextIsTheRowAsWritten) {
  CsvReader reader("a,\"b,c\"\nd,e\n");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text, "a,\"b,c\"");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text, "d,e");
}

TEST(FirstInvalidUtf8, AcceptsValidSequencesOfEveryLength) {
  const std::string_view valid = "a\xC3\xA9\xE5\x8F\x97\xF0\x9F\x93\xA6z";  // a é 受 📦 z
  EXPECT_EQ(first_invalid_utf8(valid), valid.size());
  EXPECT_EQ(first_invalid_utf8(""), 0U);
  const std::string long_ascii(100, 'q');
  EXPECT_EQ(first_invalid_utf8(long_ascii), long_ascii.size());
}

TEST(FirstInvalidUtf8, FindsTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("abc\xFF"), 3U);           // never valid
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2U);            // stray continuation
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0U);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0U);      // overlong, 3 bytes
  EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1U);     // surrogate U+D800
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0U);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("12345678\xE5\x8F"), 8U);  // cut short at the end
  EXPECT_EQ(first_invalid_utf8("\x93\x8C\x8B\x9E"), 0U);  // Shift_JIS, not UTF-8
}

}  // namespace
}  // namespace fms::io
