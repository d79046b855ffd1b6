// End-to-end tests of the fmsledger command line: the demo portfolio, case views, lifecycle,
// verification and tamper detection, run as separate processes against temporary databases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_harness.h"
#include "support/subprocess.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kTomahawk = "JA-P-TWK";

class CliTest : public ::testing::Test {
 protected:
  TempDir dir_;
  Cli cli_{dir_.path() / "ledger.db"};

  void load_demo() {
    const CliRun run = cli_({"demo"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
};

TEST_F(CliTest, DemoThenVerifySucceeds) {
  load_demo();
  const CliRun verify = cli_({"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_THAT(verify.out, AllOf(HasSubstr("verify OK"), HasSubstr("hash chain intact")));
}

// The demo's summary shows a programme office that the portfolio has an execution history:
// the documents of each kind and the reconciliation run, agreeing with what `documents` lists.
TEST_F(CliTest, DemoSaysWhichExecutionDocumentsAndRunItRecorded) {
  const CliRun demo = cli_({"--json", "demo"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  const auto summary = nlohmann::json::parse(demo.out);
  EXPECT_EQ(summary["loa_documents"], 16);
  EXPECT_EQ(summary["status_changes"], 15);

  const auto listed = nlohmann::json::parse(cli_({"--json", "documents"}).out)["documents"];
  std::map<std::string, int> listed_by_kind;
  for (const auto& document : listed) ++listed_by_kind[document["kind"].get<std::string>()];
  const auto by_kind = summary["execution_documents_by_kind"];
  EXPECT_EQ((by_kind.get<std::map<std::string, int>>()), listed_by_kind);
  EXPECT_EQ(summary["execution_documents"], listed.size());
  for (const char* kind : {"delivery-listing", "receipts", "bill", "payments"}) {
    EXPECT_GT(by_kind.value(kind, 0), 0) << kind;
  }

  EXPECT_EQ(summary["reconciliation_runs"], 1);
  const auto run = summary["last_reconciliation"];
  EXPECT_EQ(run["as_of"], "2026-10-31");
  EXPECT_GT(run["matches"].get<int>(), 0);
  int by_type_total = 0;
  for (const auto& [type, count] : run["by_type"].items()) by_type_total += count.get<int>();
  EXPECT_EQ(run["discrepancies"], by_type_total);
  EXPECT_GT(by_type_total, 0);

  // The text form says the same, in words.
  TempDir text_dir;
  Cli text_cli(text_dir.path() / "ledger.db");
  const CliRun text = text_cli({"demo"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr(": 16 LOA documents, 15 status changes\n"));
  EXPECT_THAT(text.out,
              HasSubstr("\n" + std::to_string(listed.size()) + " execution documents recorded\n"));
  for (const auto& [kind, count] : listed_by_kind) {
    EXPECT_THAT(text.out, HasSubstr("\n  " + kind + ": " + std::to_string(count) + "\n"));
  }
  EXPECT_THAT(text.out, HasSubstr("\nReconciled as of 2026-10-31: " +
                                  std::to_string(run["matches"].get<int>()) + " matches (" +
                                  std::to_string(run["created"].get<int>()) + " new, 0 voided), " +
                                  std::to_string(by_type_total) + " discrepancies\n"));
}

TEST_F(CliTest, DemoRefusesANonEmptyDatabase) {
  load_demo();
  const std::string before = cli_.dump();
  const CliRun again = cli_({"demo"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("already holds"));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(CliTest, CaseListShowsThePortfolio) {
  load_demo();
  const CliRun list = cli_({"case", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* id : {"JA-P-TWK", "JA-P-SXB", "JA-P-HEW", "JA-D-JER", "JA-D-KTA", "JA-D-AMX",
                         "JA-P-FTS", "JA-P-SXC"}) {
    EXPECT_THAT(list.out, HasSubstr(id));
  }
  EXPECT_THAT(list.out, HasSubstr("8 cases"));

  const CliRun offered = cli_({"case", "list", "--status", "offered", "--json"});
  ASSERT_EQ(offered.exit_code, 0) << offered.err;
  const auto json = nlohmann::json::parse(offered.out);
  ASSERT_EQ(json["cases"].size(), 1u);
  EXPECT_EQ(json["cases"][0]["case_id"], "JA-D-AMX");

  const CliRun japan = cli_({"case", "list", "--country", "JA", "--json"});
  EXPECT_EQ(nlohmann::json::parse(japan.out)["cases"].size(), 8u);
  const CliRun unknown_status = cli_({"case", "list", "--status", "shipped"});
  EXPECT_EQ(unknown_status.exit_code, 1);
  EXPECT_THAT(unknown_status.err, HasSubstr("--status"));
}

TEST_F(CliTest, CaseShowPresentsTheTomahawkCase) {
  load_demo();
  const CliRun show = cli_({"case", "show", kTomahawk});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("Tomahawk Block IV"));
  EXPECT_THAT(show.out, HasSubstr("Status:               implemented"));
  EXPECT_THAT(show.out, HasSubstr("Estimated cost summary"));
  EXPECT_THAT(show.out, HasSubstr("Total estimated cost"));
  EXPECT_THAT(show.out, HasSubstr("Payments by Japanese fiscal year"));
  for (const char* fy : {"JFY2025", "JFY2026", "JFY2027"}) EXPECT_THAT(show.out, HasSubstr(fy));
  EXPECT_THAT(show.out, HasSubstr("RGM-109E Tomahawk Block IV all-up round"));

  const CliRun json_run = cli_({"--json", "case", "show", kTomahawk});
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  const auto json = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(json["status"], "implemented");
  EXPECT_EQ(json["lines"][0]["quantity"], 200);
  EXPECT_EQ(json["documents"].size(), 3u);
}

TEST_F(CliTest, CaseShowOlderVersionAndAsOf) {
  load_demo();
  const auto basic =
      nlohmann::json::parse(cli_({"--json", "case", "show", kTomahawk, "--version", "0"}).out);
  EXPECT_EQ(basic["document"], "Basic LOA");

  // Before acceptance (18 Jan 2024) the case stood offered with only the Basic LOA.
  const CliRun before = cli_({"--json", "case", "show", kTomahawk, "--as-of", "2024-01-10"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const auto then = nlohmann::json::parse(before.out);
  EXPECT_EQ(then["status"], "offered");
  EXPECT_EQ(then["documents"].size(), 1u);

  const CliRun never = cli_({"case", "show", kTomahawk, "--as-of", "2020-01-01"});
  EXPECT_EQ(never.exit_code, 1);
  EXPECT_THAT(never.err, HasSubstr("no document in force on 2020-01-01"));

  const CliRun missing = cli_({"case", "show", kTomahawk, "--version", "9"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("has no version 9"));
}

TEST_F(CliTest, CaseShowAsRecordedSeesOnlyEarlierEvents) {
  load_demo();
  const auto history = nlohmann::json::parse(cli_({"--json", "history", kTomahawk}).out);
  const std::string first_recorded = history["events"][0]["recorded_at"];
  const CliRun then = cli_({"--json", "case", "show", kTomahawk, "--as-recorded", first_recorded});
  ASSERT_EQ(then.exit_code, 0) << then.err;
  const auto json = nlohmann::json::parse(then.out);
  EXPECT_EQ(json["documents"].size(), 1u);
  // Recorded then: the Basic LOA alone, its OED (2024-03-02) long past and no acceptance yet.
  EXPECT_EQ(json["status"], "offer-expired");
}

TEST_F(CliTest, NotifyCheckSaysTomahawkNeededNotification) {
  load_demo();
  const CliRun check = cli_({"case", "notify-check", kTomahawk});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_THAT(check.out, HasSubstr("REQUIRED"));
  EXPECT_THAT(check.out, HasSubstr("Major Defense Equipment"));
  EXPECT_THAT(check.out, HasSubstr("15 calendar days"));
  EXPECT_THAT(check.out, HasSubstr("Case value is within the notified value"));
  const auto json = nlohmann::json::parse(cli_({"--json", "case", "notify-check", kTomahawk}).out);
  EXPECT_TRUE(json["required"].get<bool>());
  EXPECT_EQ(json["group"], "nato_plus5");
  bool mde_triggered = false;
  for (const auto& t : json["triggered"]) {
    if (t.get<std::string>().find("MDE") != std::string::npos) mde_triggered = true;
  }
  EXPECT_TRUE(mde_triggered) << json.dump();
}

TEST_F(CliTest, DiffListsLineChanges) {
  load_demo();
  const CliRun diff = cli_({"case", "diff", kTomahawk, "0", "2"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_THAT(diff.out, HasSubstr("Basic LOA -> Amendment 2"));
  EXPECT_THAT(diff.out, HasSubstr("009   added    Additional operator and maintainer training"));
  const auto json =
      nlohmann::json::parse(cli_({"--json", "case", "diff", kTomahawk, "0", "1"}).out);
  EXPECT_FALSE(json["lines"].empty());
  for (const auto& line : json["lines"]) EXPECT_EQ(line["change"], "changed");
}

TEST_F(CliTest, TransitionsFollowTheStateMachine) {
  load_demo();
  const std::string before = cli_.dump();
  const CliRun illegal = cli_({"case", "transition", "JA-D-AMX", "implemented", "--date",
                               "2026-11-01", "--reason", "skip acceptance"});
  EXPECT_EQ(illegal.exit_code, 1);
  EXPECT_THAT(illegal.err, AllOf(HasSubstr("cannot go from offered to implemented"),
                                 HasSubstr("accepted, offer-expired, restated, withdrawn")));
  const CliRun late = cli_({"case", "transition", "JA-D-AMX", "accepted", "--date", "2027-02-01",
                            "--reason", "signed late"});
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_THAT(late.err, HasSubstr("in the future"));
  EXPECT_EQ(cli_.dump(), before);

  const CliRun accepted = cli_({"case", "transition", "JA-D-AMX", "accepted", "--date",
                                "2026-11-20", "--reason", "LOA signed by ATLA"});
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_THAT(accepted.out, HasSubstr("from offered to accepted"));
  const CliRun backwards = cli_({"case", "transition", "JA-D-AMX", "implemented", "--date",
                                 "2026-11-19", "--reason", "deposit"});
  EXPECT_EQ(backwards.exit_code, 1);
  EXPECT_THAT(backwards.err, HasSubstr("before the case's last status change"));
  EXPECT_EQ(cli_({"verify"}).exit_code, 0);
}

TEST_F(CliTest, AcceptanceAfterTheOfferExpirationDateIsRefused) {
  // The Tomahawk Basic LOA as offered, before its signature was recorded.
  auto doc = nlohmann::json::parse(read_all(example_path("cases/tomahawk/00-basic.json")));
  doc["dates"].erase("acceptance");
  doc["dates"]["effective"] = doc["dates"]["offer"];
  const auto file = dir_.path() / "offered.json";
  write_all(file, doc.dump(2));
  ASSERT_EQ(cli_({"case", "import", file.string()}).exit_code, 0);
  const std::string oed = doc["dates"]["offer_expiration"];
  ASSERT_EQ(oed, "2024-03-02");

  const std::string before = cli_.dump();
  const CliRun late = cli_({"case", "transition", kTomahawk, "accepted", "--date", "2024-03-03",
                            "--reason", "signed after the OED"});
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_THAT(late.err, HasSubstr("after the offer expiration date 2024-03-02"));
  EXPECT_EQ(cli_.dump(), before);

  const CliRun expired = cli_({"case", "transition", kTomahawk, "expired", "--date", "2024-03-03",
                               "--reason", "OED passed unsigned"});
  EXPECT_EQ(expired.exit_code, 0) << expired.err;
  const CliRun on_time = cli_({"case", "transition", kTomahawk, "offered", "--date", "2024-03-04",
                               "--reason", "reactivated"});
  EXPECT_EQ(on_time.exit_code, 0) << on_time.err;
}

TEST_F(CliTest, HistoryShowsWhoAndWhen) {
  load_demo();
  const CliRun history = cli_({"history", kTomahawk});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_THAT(history.out, AllOf(HasSubstr("case.document_recorded"),
                                 HasSubstr("case.status_changed"), HasSubstr("tester")));
  const CliRun unknown = cli_({"history", "JA-P-ZZZ"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("JA-P-ZZZ not found"));
  const CliRun malformed = cli_({"history", "JA-X-ZZZ"});
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_THAT(malformed.err, HasSubstr("implementing agency"));
}

TEST_F(CliTest, MissingDatabaseIsAClearError) {
  const CliRun list = cli_({"case", "list"});
  EXPECT_EQ(list.exit_code, 1);
  EXPECT_THAT(list.err, HasSubstr("no database at"));
}

TEST_F(CliTest, HelpShowsTheDefaultDatabasePath) {
  const CliRun help = cli_({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, AllOf(HasSubstr("--db"), HasSubstr("fmsledger.db"), HasSubstr("--actor")));
}

// Alters one byte of one stored event (bypassing the append-only triggers on purpose) and
// checks that verify fails naming exactly that event.
class TamperTest : public CliTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(TamperTest, VerifyNamesTheAlteredEvent) {
  load_demo();
  const auto events = nlohmann::json::parse(cli_({"--json", "history", kTomahawk}).out)["events"];
  ASSERT_GE(events.size(), 3u);
  const std::string column = GetParam();
  for (const auto index : {std::size_t{0}, events.size() / 2, events.size() - 1}) {
    TempDir copy_dir;
    const auto copy = copy_dir.path() / "ledger.db";
    std::filesystem::copy_file(cli_.db(), copy);
    Cli tampered(copy);
    const std::int64_t sequence = events[index]["sequence"];
    const std::string seq = std::to_string(sequence);
    // Replace one character at position 10 of the chosen column.
    const std::string update = "DROP TRIGGER events_are_append_only_update; UPDATE events SET " +
                               column + " = substr(" + column + ", 1, 9) || CASE substr(" + column +
                               ", 10, 1) WHEN 'x' THEN 'y' "
                               "ELSE 'x' END || substr(" +
                               column + ", 11) WHERE sequence = " + seq + ";";
    ASSERT_EQ(tampered.sql(update), 0);
    const CliRun verify = tampered({"verify"});
    EXPECT_EQ(verify.exit_code, 1) << verify.out;
    EXPECT_THAT(verify.err, AllOf(HasSubstr("verify FAILED"), HasSubstr("event " + seq + " (")))
        << "tampered column " << column << " of event " << seq;
  }
}

INSTANTIATE_TEST_SUITE_P(Columns, TamperTest,
                         ::testing::Values("payload", "actor", "recorded_at", "hash",
                                           "previous_hash"));

TEST_F(CliTest, VerifyDetectsAProjectionThatDisagreesWithTheLog) {
  load_demo();
  ASSERT_EQ(
      cli_.sql("UPDATE case_summary SET total_minor = total_minor + 1 WHERE case_id = 'JA-P-TWK';"),
      0);
  const CliRun verify = cli_({"verify"});
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_THAT(verify.err, AllOf(HasSubstr("JA-P-TWK"), HasSubstr("differs from a replay")));
}

TEST_F(CliTest, EventLogRefusesUpdatesAndDeletes) {
  load_demo();
  EXPECT_NE(cli_.sql("UPDATE events SET actor = 'mallory' WHERE sequence = 1;"), 0);
  EXPECT_NE(cli_.sql("DELETE FROM events WHERE sequence = 1;"), 0);
  EXPECT_EQ(cli_({"verify"}).exit_code, 0);
}

}  // namespace
}  // namespace fms::testing

namespace fms::testing {
namespace {

// Whoever can write the database file can drop the newest events, or re-chain the whole log, and
// verify passes on its own: the head kept elsewhere (fmsledger head) is what catches both.
TEST(ChainAnchor, AHeadKeptElsewhereCatchesDroppedEventsAndARechainedLog) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const CliRun head = cli({"--json", "head"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  const auto kept = nlohmann::json::parse(head.out);
  const std::string anchor = kept.at("expect_head");
  EXPECT_EQ(anchor, kept.at("head_hash").get<std::string>() + "@" +
                        std::to_string(kept.at("events").get<std::int64_t>()));
  const CliRun ok = cli({"verify", "--expect-head", anchor});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("the expected head is in the chain"));

  // A copy whose newest events (the demo's rate and budget documents) were dropped: the rest of
  // the chain is intact, so verify alone passes; the anchor does not.
  TempDir copy_dir;
  std::filesystem::copy_file(cli.db(), copy_dir.path() / "ledger.db");
  std::filesystem::copy(cli.db().string() + ".segments", copy_dir.path() / "ledger.db.segments",
                        std::filesystem::copy_options::recursive);
  Cli dropped(copy_dir.path() / "ledger.db");
  const std::int64_t events = kept.at("events");
  ASSERT_EQ(dropped.sql("DROP TRIGGER events_are_append_only_delete; DELETE FROM events WHERE "
                        "sequence >= " +
                        std::to_string(events - 1) + ";"),
            0);
  EXPECT_EQ(dropped({"verify"}).exit_code, 0) << "the shortened chain verifies on its own";
  const CliRun truncated = dropped({"verify", "--expect-head", anchor});
  EXPECT_EQ(truncated.exit_code, 1) << truncated.out;
  EXPECT_THAT(truncated.err, HasSubstr("events were dropped"));

  // A log rebuilt from scratch (here: the demo loaded again, whose password hashes are salted
  // anew) verifies on its own, but holds no event with the kept head's hash.
  TempDir rebuilt_dir;
  Cli rebuilt(rebuilt_dir.path() / "ledger.db");
  ASSERT_EQ(rebuilt({"demo"}).exit_code, 0);
  EXPECT_EQ(rebuilt({"verify"}).exit_code, 0);
  const CliRun replaced = rebuilt({"verify", "--expect-head", anchor});
  EXPECT_EQ(replaced.exit_code, 1);
  EXPECT_THAT(replaced.err, HasSubstr("re-chained or replaced"));

  // Later events do not disturb an older anchor.
  ASSERT_EQ(cli({"case", "transition", "JA-D-AMX", "accepted", "--date", "2026-11-20", "--reason",
                 "signed"})
                .exit_code,
            0);
  EXPECT_EQ(cli({"verify", "--expect-head", anchor}).exit_code, 0);

  // A bad anchor is a located error, not a failed verification.
  const CliRun bad = cli({"verify", "--expect-head", "abc"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr("--expect-head"));
}

// An actor name is written into every event and every output: text that is not UTF-8, or holds
// a control character, is refused before anything is recorded.
TEST(ActorName, ThatIsNotPlainUtf8TextIsRefusedAndChangesNothing) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const std::string before = cli({"--json", "history", "JA-D-AMX"}).out;
  for (const std::string actor : {"op\xff", "op\tx", "op\x1b[31m"}) {
    // Straight to the program, no shell: these bytes reach it as given.
    const auto refused = test_support::run_with_time_limit(
        {FMSLEDGER_BINARY, "--db", cli.db().string(), "--actor", actor, "case", "transition",
         "JA-D-AMX", "accepted", "--date", "2026-11-20", "--reason", "signed"},
        test_support::environment_with({}, {"FMSLEDGER_NOW=2026-11-25T12:00:00Z"}),
        dir.path() / "actor.log", std::chrono::seconds(120));
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    EXPECT_THAT(refused.output, HasSubstr("actor"));
  }
  EXPECT_EQ(cli({"--json", "history", "JA-D-AMX"}).out, before);
  const CliRun documents = cli({"--json", "documents"});
  EXPECT_EQ(documents.exit_code, 0) << documents.err;
  EXPECT_EQ(cli({"verify"}).exit_code, 0);
}

}  // namespace
}  // namespace fms::testing

namespace fms::testing {
namespace {

// A file name is recorded as the document's source: one that is not UTF-8 (a Shift_JIS name
// from a Japanese Windows share) is refused with a message that says so, not an internal error.
TEST(SourceName, ThatIsNotUtf8IsRefusedWithALocatedMessage) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const std::string before = cli.dump();
  // "受領.csv" in Shift_JIS.
  const auto file = dir.path() / std::string("\x8e\xf3\x97\xcc.csv");
  write_all(file, read_all(example_path("execution/tomahawk-receipts-2025q3.csv")));
  const auto refused = test_support::run_with_time_limit(
      {FMSLEDGER_BINARY, "--db", cli.db().string(), "--actor", "tester", "import", "receipts",
       file.string()},
      test_support::environment_with({}, {"FMSLEDGER_NOW=2026-11-25T12:00:00Z"}),
      dir.path() / "source.log", std::chrono::seconds(120));
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("source: must be UTF-8 text"));
  EXPECT_THAT(refused.output, Not(HasSubstr("internal error")));
  EXPECT_EQ(cli.dump(), before);
}

}  // namespace
}  // namespace fms::testing
