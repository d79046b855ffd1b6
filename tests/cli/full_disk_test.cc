// A disk that cannot take another byte must not take the ledger's reads with it: reads answer
// from what is recorded, and every write is refused with a clear reason and changes nothing.
// The full disk is a file-size limit of zero (RLIMIT_FSIZE, SIGXFSZ ignored): every write that
// would grow a file fails as it would on a full disk, including SQLite's -shm index.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_harness.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// Runs fmsledger under a zero file-size limit. Its output goes through a pipe to `cat`, outside
// the limit, since the limit would refuse writing it to a file too.
CliRun run_on_a_full_disk(const Cli& cli, const std::vector<std::string>& args) {
  const auto out = cli.db().parent_path() / "full-disk-out.txt";
  std::string command = "( trap '' XFSZ; ulimit -f 0; FMSLEDGER_NOW=2026-11-25T12:00:00Z " +
                        shell_quote(FMSLEDGER_BINARY) + " --db " + shell_quote(cli.db().string()) +
                        " --actor tester";
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " 2>&1; echo \"exit=$?\" ) | cat >" + shell_quote(out.string());
  CliRun run;
  if (std::system(command.c_str()) != 0) return run;
  run.out = read_all(out);
  const auto at = run.out.rfind("exit=");
  if (at != std::string::npos) run.exit_code = std::stoi(run.out.substr(at + 5));
  return run;
}

TEST(FullDisk, ReadsKeepWorkingAndWritesAreRefusedWithTheReason) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  // As after a clean shut-down: no -wal or -shm file, so opening has to create them.
  std::filesystem::remove(dir.path() / "ledger.db-wal");
  std::filesystem::remove(dir.path() / "ledger.db-shm");
  const std::string before = cli.dump();
  const std::string listed = cli({"case", "list"}).out;

  const CliRun list = run_on_a_full_disk(cli, {"case", "list"});
  EXPECT_EQ(list.exit_code, 0) << list.out;
  EXPECT_THAT(list.out, HasSubstr(listed));
  const CliRun verify = run_on_a_full_disk(cli, {"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  EXPECT_THAT(verify.out, HasSubstr("verify OK"));
  const CliRun show = run_on_a_full_disk(cli, {"case", "show", "JA-P-TWK"});
  EXPECT_EQ(show.exit_code, 0) << show.out;

  const auto rates = dir.path() / "rates.csv";
  write_all(rates, "date,pair,rate,source\n2026-11-30,USD/JPY,150.25,month-end\n");
  const CliRun import = run_on_a_full_disk(cli, {"rates", "import", rates.string()});
  EXPECT_NE(import.exit_code, 0) << import.out;
  EXPECT_THAT(import.out, AllOf(HasSubstr("cannot write to"), HasSubstr("reading only"),
                                HasSubstr("Nothing was recorded")));
  EXPECT_THAT(import.out, Not(HasSubstr("internal error")));
  const CliRun transition = run_on_a_full_disk(
      cli, {"case", "transition", "JA-D-AMX", "accepted", "--date", "2026-11-20", "--reason", "x"});
  EXPECT_NE(transition.exit_code, 0) << transition.out;
  EXPECT_THAT(transition.out, HasSubstr("reading only"));
  EXPECT_EQ(cli.dump(), before);

  // Once there is room again, the same write goes through.
  EXPECT_EQ(cli({"rates", "import", rates.string()}).exit_code, 0);
  EXPECT_EQ(cli({"verify"}).exit_code, 0);
}

// Commits still in the WAL (a server running beside the command holds it open) are read, not
// missed.
TEST(FullDisk, ReadsSeeWhatIsStillInTheWriteAheadLog) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  // An open read transaction elsewhere: the import's commit cannot be checkpointed past it, so
  // it stays in the WAL.
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(cli.db().c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN; SELECT count(*) FROM events;", nullptr, nullptr, nullptr),
            SQLITE_OK);
  const auto rates = dir.path() / "rates.csv";
  write_all(rates, "date,pair,rate,source\n2026-11-30,USD/JPY,150.25,month-end\n");
  ASSERT_EQ(cli({"rates", "import", rates.string()}).exit_code, 0);
  ASSERT_GT(std::filesystem::file_size(dir.path() / "ledger.db-wal"), 0U);

  const CliRun shown = run_on_a_full_disk(cli, {"rates", "list"});
  EXPECT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_THAT(shown.out, HasSubstr("2026-11-30"));
  sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
}

}  // namespace
}  // namespace fms::testing
