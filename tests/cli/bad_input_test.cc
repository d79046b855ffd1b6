// Every kind of bad LOA input exits 1 with a message naming the file, the JSON location and the
// rule broken, and leaves the database byte-for-byte unchanged (`sqlite3 DB .dump`).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "support/subprocess.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

Json example(const std::string& relative) {
  return Json::parse(read_all(example_path(relative)));
}

struct BadInput {
  std::string name;
  std::string base;                          // example document the bad input is derived from
  std::function<std::string(Json&)> mutate;  // returns the file text
  std::vector<std::string> expected;         // substrings of the error (besides the file name)
  bool basic_only = false;  // start from a database holding only the Tomahawk Basic LOA
};

void PrintTo(const BadInput& bad, std::ostream* os) {
  *os << bad.name;
}

std::string dumped(Json& j) {
  return j.dump(2);
}

// Adds whole dollars to a plain decimal money string such as "424000000.00".
std::string plus_dollars(const std::string& amount, long long dollars) {
  const auto dot = amount.find('.');
  const long long whole = std::stoll(amount.substr(0, dot)) + dollars;
  return std::to_string(whole) + (dot == std::string::npos ? "" : amount.substr(dot));
}

// Turns a consistent document into Modification 1 (no OED, no acceptance).
void as_modification_1(Json& j) {
  j["document"] = {{"kind", "modification"}, {"version", 1}};
  j["dates"].erase("offer_expiration");
  j["dates"].erase("acceptance");
  j["dates"]["offer"] = "2025-02-21";
  j["dates"]["effective"] = "2025-03-14";
}

std::vector<BadInput> bad_inputs() {
  return {
      {"malformed_json",
       "cases/tomahawk/00-basic.json",
       [](Json& j) { return dumped(j).substr(0, 200) + "\n  ,,}"; },
       {":", "syntax"}},
      {"unknown_top_level_field",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["colour"] = "blue";
         return dumped(j);
       },
       {"/colour", "unknown field"}},
      {"unknown_line_field",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][1]["warhead"] = "x";
         return dumped(j);
       },
       {"/lines/1/warhead", "unknown field"}},
      {"wrong_type",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["quantity"] = "two hundred";
         return dumped(j);
       },
       {"/lines/0/quantity"}},
      {"money_as_number",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["unit_cost"] = 2120000.0;
         return dumped(j);
       },
       {"/lines/0/unit_cost"}},
      {"negative_quantity",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][2]["quantity"] = -3;
         return dumped(j);
       },
       {"/lines/2/quantity"}},
      {"zero_quantity",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["quantity"] = 0;
         return dumped(j);
       },
       {"/lines/0/quantity"}},
      {"line_total_does_not_add_up",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["total"] = "424000000.01";
         return dumped(j);
       },
       {"/lines/0/total"}},
      {"cost_summary_does_not_add_up",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["cost_summary"]["other"] = "1.00";
         return dumped(j);
       },
       {"/cost_summary"}},
      {"schedule_does_not_add_up",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["payment_schedule"]["initial_deposit"] = "1.00";
         return dumped(j);
       },
       {"/payment_schedule"}},
      {"unknown_delivery_term_code",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["delivery_term_code"] = "6";
         return dumped(j);
       },
       {"/lines/0/delivery_term_code", "\"6\""}},
      {"unknown_type_of_assistance",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["lines"][0]["type_of_assistance"] = "Q";
         return dumped(j);
       },
       {"/lines/0/type_of_assistance"}},
      {"unknown_customer",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["case_id"] = "ZZ-P-TWK";
         return dumped(j);
       },
       {"/case_id", "ZZ"}},
      {"acceptance_after_oed",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["dates"]["acceptance"] = "2024-03-10";
         j["dates"]["effective"] = "2024-03-10";
         return dumped(j);
       },
       {"/dates/acceptance"}},
      {"amendment_for_missing_case",
       "cases/tomahawk/02-amendment.json",
       [](Json& j) {
         j["case_id"] = "JA-P-ZZZ";
         return dumped(j);
       },
       {"/case_id", "JA-P-ZZZ does not exist"}},
      {"modification_changes_scope",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         // Internally consistent: 250 rounds, totals and the last installment follow.
         as_modification_1(j);
         const long long extra = 50LL * 2120000;
         j["lines"][0]["quantity"] = 250;
         j["lines"][0]["total"] = plus_dollars(j["lines"][0]["total"], extra);
         j["cost_summary"]["net_estimated_cost"] =
             plus_dollars(j["cost_summary"]["net_estimated_cost"], extra);
         j["cost_summary"]["total"] = plus_dollars(j["cost_summary"]["total"], extra);
         Json& last = j["payment_schedule"]["installments"].back();
         last["amount"] = plus_dollars(last["amount"], extra);
         return dumped(j);
       },
       {"/lines/0/quantity", "may not change scope", "use an amendment"},
       true},
      {"modification_adds_line",
       "cases/tomahawk/02-amendment.json",
       [](Json& j) {
         as_modification_1(j);  // Amendment 2 adds line 009: as a modification it is refused
         j["dates"]["offer"] = "2025-07-11";
         j["dates"]["effective"] = "2025-08-29";
         return dumped(j);
       },
       {"009", "use an amendment"},
       true},
      {"version_out_of_sequence",
       "cases/tomahawk/02-amendment.json",
       [](Json& j) {
         j["document"]["version"] = 5;
         return dumped(j);
       },
       {"/document/version"}},
      {"title_with_a_nul_character",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["title"] = std::string("Tomahawk\0 hidden", 16);
         return dumped(j);
       },
       {"/title", "control character"},
       true},
      {"same_version_different_content",
       "cases/tomahawk/00-basic.json",
       [](Json& j) {
         j["title"] = "Changed title";
         return dumped(j);
       },
       {"/document/version", "different content"}},
  };
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ExitsOneWithALocatedMessageAndChangesNothing) {
  const BadInput& bad = GetParam();
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  if (bad.basic_only) {
    ASSERT_EQ(cli({"case", "import", example_path("cases/tomahawk/00-basic.json")}).exit_code, 0);
  } else {
    ASSERT_EQ(cli({"demo"}).exit_code, 0);
  }
  const std::string before = cli.dump();

  Json doc = example(bad.base);
  const auto file = dir.path() / (bad.name + ".json");
  write_all(file, bad.mutate(doc));
  const CliRun run = cli({"case", "import", file.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr(file.string()));
  for (const auto& fragment : bad.expected) EXPECT_THAT(run.err, HasSubstr(fragment));
  EXPECT_EQ(cli.dump(), before) << "the database changed after a refused import";
}

INSTANTIATE_TEST_SUITE_P(Loa, BadInputTest, ::testing::ValuesIn(bad_inputs()),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(ImportTwice, TheSameDocumentAgainIsANoOpThatSaysSo) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const std::string before = cli.dump();
  for (const char* relative :
       {"cases/tomahawk/00-basic.json", "cases/tomahawk/01-modification.json"}) {
    const CliRun again = cli({"case", "import", example_path(relative)});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_THAT(again.out, AllOf(HasSubstr("already recorded with identical content"),
                                 HasSubstr("nothing changed")));
  }
  // Reformatting the file does not make it a different document.
  Json doc = example("cases/tomahawk/00-basic.json");
  const auto compact = dir.path() / "compact.json";
  write_all(compact, doc.dump());
  EXPECT_THAT(cli({"case", "import", compact.string()}).out, HasSubstr("identical content"));
  EXPECT_EQ(cli.dump(), before);
}

TEST(ImportFile, UnreadableAndOversizedFilesAreRefused) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  const CliRun missing = cli({"case", "import", (dir.path() / "nope.json").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("nope.json"));
  const auto big = dir.path() / "big.json";
  write_all(big, std::string(9 * 1024 * 1024, ' '));
  const CliRun oversized = cli({"case", "import", big.string()});
  EXPECT_EQ(oversized.exit_code, 1);
  EXPECT_THAT(oversized.err, AllOf(HasSubstr("big.json"), HasSubstr("limit")));
}

// A file another process truncates while it is imported ends the import with an error or with
// the whole document recorded, never with a signal: the file used to be mapped, and parsing a
// page the truncation had removed killed the CLI with SIGBUS.
TEST(ImportFile, TruncatedWhileItIsImportedIsAnErrorNeverASignal) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const std::string before = cli.dump();
  // Large enough that parsing it outlasts the truncation below by far.
  std::string csv =
      "receipt_id,document_number,case_id,line,received_date,quantity_received,"
      "quantity_accepted,quantity_rejected,condition,inspector\n";
  for (int row = 0; row < 200000; ++row) {
    csv += "TRK-" + std::to_string(1000000 + row) +
           ",PJAZTWK5162001,JA-P-TWK,001,2025-07-15,1,1,0,,Sato Kenji\n";
  }
  const auto file = dir.path() / "receipts.csv";
  write_all(file, csv);

  std::thread truncator([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::filesystem::resize_file(file, csv.size() / 3);
  });
  const auto run = test_support::run_with_time_limit(
      {FMSLEDGER_BINARY, "--db", cli.db().string(), "--actor", "tester", "import", "receipts",
       file.string()},
      test_support::environment_with({}, {"FMSLEDGER_NOW=2026-11-25T12:00:00Z"}),
      dir.path() / "truncated.log", std::chrono::seconds(300));
  truncator.join();
  ASSERT_FALSE(run.timed_out);
  // Exit code -1 is a signal.
  EXPECT_THAT(run.exit_code, ::testing::AnyOf(0, 1)) << run.output;
  if (run.exit_code == 1) {
    EXPECT_THAT(run.output, HasSubstr("receipts.csv"));
    EXPECT_EQ(cli.dump(), before) << "a refused import changed the database";
  }
  EXPECT_EQ(cli({"verify"}).exit_code, 0);
}

}  // namespace
}  // namespace fms::testing
