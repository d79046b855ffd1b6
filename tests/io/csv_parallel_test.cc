// The bulk importers split a file into chunks parsed on separate threads. These tests check the
// result is identical, field for field and dictionary order included, to a single-threaded
// parse, for every thread count up to past the maximum, and that files the split cannot serve
// (quoted fields, invalid UTF-8, errors in late chunks) come out the same as well.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "io/csv_import.h"
#include "io/execution_csv.h"
#include "io/execution_csv_fixtures.h"

namespace fms::io {
namespace {

using testing_csv::error_of;
using testing_csv::kDeliveryHeader;
using testing_csv::kReceiptsHeader;
using testing_csv::reference;

constexpr std::size_t kRows = 10'000;  // ~750 KB: enough for kMaxParseThreads chunks

// Thread counts worth comparing with one: two, an odd count, the maximum and one past it.
constexpr unsigned kThreadCounts[] = {2, 3, kMaxParseThreads, kMaxParseThreads + 1};

// Rows repeat the previous key most of the time; new keys and codes keep appearing late in the
// file so that later chunks hold dictionary entries chunk 0 has not seen.
std::string generated_deliveries(std::size_t rows, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::string text = kDeliveryHeader;
  const char* designators[] = {"AMA", "TWK", "E2D"};
  const char* codes[] = {"4", "9", "2", "5", "7"};
  std::size_t line = 1;
  std::size_t designator = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    if (random() % 16 == 0) {
      const std::size_t limit = 5 + i * 40 / rows;  // line numbers widen as the file goes on
      line = 1 + random() % limit;
      designator = random() % 3;
    }
    const std::size_t code_limit = i < rows / 2 ? 2 : 5;
    char row[160];
    std::snprintf(row, sizeof row,
                  "N39%02uA%04uF%03u,JA-P-%s,%03zu,2025-%02u-%02u,%u,%u.%02u,%s,%s,"
                  "2025-09-30\n",
                  static_cast<unsigned>(random() % 100), static_cast<unsigned>(random() % 10000),
                  static_cast<unsigned>(i % 1000), designators[designator], line,
                  static_cast<unsigned>(7 + random() % 3), static_cast<unsigned>(1 + random() % 28),
                  static_cast<unsigned>(random() % 50), static_cast<unsigned>(random() % 100000),
                  static_cast<unsigned>(random() % 100), codes[random() % code_limit],
                  random() % 3 == 0 ? "" : "FB2570314200XAX");
    text += row;
  }
  return text;
}

std::string generated_receipts(std::size_t rows, std::uint32_t seed) {
  std::mt19937 random(seed);
  std::string text = kReceiptsHeader;
  const char* inspectors[] = {"Sato Kenji",     "Suzuki Aiko",  "Takahashi Ren", "Tanaka Yui",
                              "Ito Daichi",     "Watanabe Mio", "Yamamoto Sora", "Nakamura Hina",
                              "Kobayashi Riku", "Kato Yuna"};
  for (std::size_t i = 0; i < rows; ++i) {
    const unsigned received = 1 + static_cast<unsigned>(random() % 9);
    const unsigned rejected = random() % 10 == 0 ? 1 : 0;
    const std::size_t inspector_limit = i < rows / 2 ? 3 : 10;
    char row[200];
    std::snprintf(row, sizeof row, "JKR-%06zu,%s,JA-P-TWK,%03u,2025-08-%02u,%u,%u,%u,%s,%s\n", i,
                  random() % 5 == 0 ? "" : "N3902A5123F001",
                  static_cast<unsigned>(1 + random() % (3 + i * 20 / rows)),
                  static_cast<unsigned>(1 + random() % 28), received, received - rejected, rejected,
                  rejected != 0 ? "seal broken" : "", inspectors[random() % inspector_limit]);
    text += row;
  }
  return text;
}

Result<DeliveryListing> deliveries(const std::string& text, unsigned threads) {
  return parse_delivery_listing(text, "d.csv", reference(), CsvParseOptions{threads});
}

Result<ReceiptInspections> receipts(const std::string& text, unsigned threads) {
  return parse_receipts(text, "r.csv", CsvParseOptions{threads});
}

TEST(CsvParallel, ThreadCountAtAndPastTheMaximum) {
  EXPECT_EQ(csv::thread_count(1), 1U);
  EXPECT_EQ(csv::thread_count(kMaxParseThreads), kMaxParseThreads);
  EXPECT_EQ(csv::thread_count(kMaxParseThreads + 1), kMaxParseThreads);
  const unsigned hardware = csv::thread_count(0);
  EXPECT_GE(hardware, 1U);
  EXPECT_LE(hardware, kMaxParseThreads);
}

TEST(CsvParallel, SplitCutsAfterLineFeedsIntoEnoughPieces) {
  const std::string text = generated_deliveries(kRows, 1);
  const std::string_view body = std::string_view(text).substr(text.find('\n') + 1);
  const std::vector<std::string_view> pieces = csv::split_at_line_feeds(body, kMaxParseThreads);
  EXPECT_EQ(pieces.size(), kMaxParseThreads);
  std::string joined;
  for (const std::string_view piece : pieces) {
    EXPECT_EQ(piece.back(), '\n');
    joined += piece;
  }
  EXPECT_EQ(joined, body);
  EXPECT_EQ(csv::split_at_line_feeds(body.substr(0, 1000), kMaxParseThreads).size(), 1U);
}

TEST(CsvParallel, DeliveryListingIsTheSameOnAnyNumberOfThreads) {
  const std::string text = generated_deliveries(kRows, 7);
  const Result<DeliveryListing> single = deliveries(text, 1);
  ASSERT_TRUE(single.ok()) << single.error().message.substr(0, 500);
  ASSERT_EQ(single->size(), kRows);
  EXPECT_GT(single->line_keys.size(), 40U);
  EXPECT_EQ(single->term_codes.size(), 5U);
  for (const unsigned threads : kThreadCounts) {
    const Result<DeliveryListing> parallel = deliveries(text, threads);
    ASSERT_TRUE(parallel.ok()) << threads;
    EXPECT_TRUE(*parallel == *single) << threads << " threads";
    EXPECT_EQ(parallel->line_keys, single->line_keys) << threads;
    EXPECT_EQ(parallel->source_line, single->source_line) << threads;
  }
  EXPECT_TRUE(*deliveries(text, 0) == *single);  // the hardware's thread count
}

TEST(CsvParallel, ReceiptsAreTheSameOnAnyNumberOfThreads) {
  const std::string text = generated_receipts(kRows, 11);
  const Result<ReceiptInspections> single = receipts(text, 1);
  ASSERT_TRUE(single.ok()) << single.error().message.substr(0, 500);
  ASSERT_EQ(single->size(), kRows);
  EXPECT_EQ(single->inspectors.size(), 10U);
  for (const unsigned threads : kThreadCounts) {
    const Result<ReceiptInspections> parallel = receipts(text, threads);
    ASSERT_TRUE(parallel.ok()) << threads;
    EXPECT_TRUE(*parallel == *single) << threads << " threads";
  }
}

TEST(CsvParallel, ProblemsAreTheSameOnAnyNumberOfThreads) {
  std::string text = generated_deliveries(kRows, 3);
  // Spoil a few rows spread over the file, including near the end.
  for (const std::size_t percent :
       {std::size_t{3}, std::size_t{40}, std::size_t{77}, std::size_t{99}}) {
    const std::size_t at = text.find(",2025-09-30\n", text.size() * percent / 100);
    text.replace(at, 11, ",2025-09-29");
  }
  const std::string expected = error_of(deliveries(text, 1));
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '\n'), 3);
  for (const unsigned threads : kThreadCounts) {
    EXPECT_EQ(error_of(deliveries(text, threads)), expected) << threads;
  }
}

TEST(CsvParallel, RepeatedReceiptIdsAcrossChunksAreFound) {
  std::string text = generated_receipts(kRows, 5);
  const std::size_t late = text.find("JKR-009000,");
  text.replace(late, 10, "JKR-000004");
  const std::string message = error_of(receipts(text, 4));
  EXPECT_THAT(message, ::testing::HasSubstr("\"JKR-000004\" is used more than once; first on "
                                            "line 6;"));
  EXPECT_EQ(message, error_of(receipts(text, 1)));
}

TEST(CsvParallel, RepeatsInALargeColumnAreFoundOnAnyNumberOfThreads) {
  // Enough rows for the search to run on several threads.
  constexpr std::size_t kIds = 150'000;
  StringColumn ids;
  std::vector<std::uint32_t> lines;
  for (std::size_t i = 0; i < kIds; ++i) {
    // Rows 100,000 and up repeat the ids of rows 7, 8, 9, ... every 1,000 rows.
    const std::size_t id = i >= 100'000 && i % 1000 == 0 ? 7 + (i - 100'000) / 1000 : i;
    ids.push("R-" + std::to_string(id));
    lines.push_back(static_cast<std::uint32_t>(i + 2));
  }
  csv::ProblemLog single;
  csv::report_repeats(ids, lines, "receipt_id", 1, single);
  EXPECT_EQ(single.total(), 50U);
  ASSERT_FALSE(single.kept().empty());
  EXPECT_EQ(single.kept().front().line, 100'002U);
  EXPECT_EQ(single.kept().front().message,
            "\"R-7\" is used more than once; first on line 9; each receipt_id must be unique "
            "in the file");
  for (const unsigned threads : kThreadCounts) {
    csv::ProblemLog parallel;
    csv::report_repeats(ids, lines, "receipt_id", threads, parallel);
    EXPECT_EQ(parallel.to_error("r.csv").message, single.to_error("r.csv").message) << threads;
  }
}

TEST(CsvParallel, QuotedFieldLateInTheFileFallsBackToOneThread) {
  std::string text = generated_receipts(kRows, 13);
  // A quoted condition spanning lines, far from the start: a chunk boundary may fall inside it.
  const std::string empty_condition = ",,Sato Kenji\n";
  const std::size_t at = text.find(empty_condition, text.size() * 9 / 10);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, empty_condition.size(), ",\"line one,\nline two\",Sato Kenji\n");
  const Result<ReceiptInspections> single = receipts(text, 1);
  ASSERT_TRUE(single.ok()) << single.error().message.substr(0, 500);
  for (const unsigned threads : kThreadCounts) {
    const Result<ReceiptInspections> parallel = receipts(text, threads);
    ASSERT_TRUE(parallel.ok()) << threads;
    EXPECT_TRUE(*parallel == *single) << threads;
  }
}

TEST(CsvParallel, InvalidUtf8InALateChunkGivesTheSameSingleProblem) {
  std::string text = generated_deliveries(kRows, 17);
  const std::size_t at = text.find("FB2570314200XAX", text.size() * 3 / 4);
  text[at + 3] = '\xC3';
  const std::string expected = error_of(deliveries(text, 1));
  EXPECT_THAT(expected, ::testing::HasSubstr("is not valid UTF-8"));
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '\n'), 0);
  for (const unsigned threads : kThreadCounts) {
    EXPECT_EQ(error_of(deliveries(text, threads)), expected) << threads;
  }
}

}  // namespace
}  // namespace fms::io
