// The SQLite store: appends chain events, projections are replaced atomically, optimistic
// concurrency refuses stale writers, migrations are idempotent and the log is append-only.
#include "store/sqlite/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "store/event_hash.h"

namespace fms::store {
namespace {

using ::testing::HasSubstr;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-store-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "s.db").string();
    auto opened = open_sqlite_store(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static NewEvent event(const std::string& case_id, const std::string& payload) {
    return NewEvent{"2026-11-25T12:00:00.000001Z", "tester", case_id, "test.event", 1, payload};
  }
  static CaseProjection projection(const std::string& case_id, std::int64_t total) {
    CaseProjection p;
    p.summary.case_id = case_id;
    p.summary.customer = "JA";
    p.summary.status = "offered";
    p.summary.total_minor = total;
    p.summary.currency = "USD";
    p.lines.push_back(CaseLineRow{case_id, "001", "item", 2, "EA", total, true});
    return p;
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, AppendAssignsSequenceAndChainsHashes) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{\"n\":1}"), event("JA-P-AAA", "{\"n\":2}")};
  request.projections = {projection("JA-P-AAA", 100)};
  auto stored = store_->append(request);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0].sequence, 1);
  EXPECT_EQ((*stored)[0].previous_hash, kGenesisHash);
  EXPECT_EQ((*stored)[1].previous_hash, (*stored)[0].hash);
  EXPECT_EQ((*stored)[1].hash, compute_event_hash((*stored)[1]));

  auto events = store_->read_events({});
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(*events, *stored);
  EXPECT_TRUE(verify_chain(*events).ok());

  auto projections = store_->read_projections();
  ASSERT_TRUE(projections.ok());
  ASSERT_EQ(projections->size(), 1u);
  EXPECT_EQ((*projections)[0].summary.last_sequence, 2) << "last_sequence is filled by the store";
  EXPECT_EQ((*projections)[0].lines.size(), 1u);
}

TEST_F(SqliteStoreTest, ProjectionsAreReplacedNotDuplicated) {
  AppendRequest first;
  first.events = {event("JA-P-AAA", "{}")};
  first.projections = {projection("JA-P-AAA", 100)};
  ASSERT_TRUE(store_->append(first).ok());
  AppendRequest second;
  second.events = {event("JA-P-AAA", "{}")};
  second.projections = {projection("JA-P-AAA", 250)};
  second.expected_last_sequence["JA-P-AAA"] = 1;
  ASSERT_TRUE(store_->append(second).ok());
  auto projections = store_->read_projections();
  ASSERT_TRUE(projections.ok());
  ASSERT_EQ(projections->size(), 1u);
  EXPECT_EQ((*projections)[0].summary.total_minor, 250);
  EXPECT_EQ((*projections)[0].lines.size(), 1u);
}

TEST_F(SqliteStoreTest, StaleWriterIsRefusedAndNothingIsWritten) {
  AppendRequest first;
  first.events = {event("JA-P-AAA", "{}")};
  first.projections = {projection("JA-P-AAA", 100)};
  ASSERT_TRUE(store_->append(first).ok());
  AppendRequest stale;
  stale.events = {event("JA-P-AAA", "{\"late\":true}")};
  stale.projections = {projection("JA-P-AAA", 999)};
  stale.expected_last_sequence["JA-P-AAA"] = 0;  // it decided before the first append
  auto result = store_->append(stale);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::conflict);
  EXPECT_THAT(result.error().message, HasSubstr("changed while this command ran"));
  EXPECT_EQ(store_->read_events({})->size(), 1u);
  EXPECT_EQ((*store_->read_projections())[0].summary.total_minor, 100);
}

TEST_F(SqliteStoreTest, ReadEventsFiltersByCaseAndRecordedTime) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}"), event("JA-P-BBB", "{}")};
  request.events[1].recorded_at = "2026-11-26T00:00:00.000000Z";
  ASSERT_TRUE(store_->append(request).ok());
  EventQuery by_case;
  by_case.case_id = "JA-P-BBB";
  EXPECT_EQ(store_->read_events(by_case)->size(), 1u);
  EventQuery by_time;
  by_time.recorded_at_most = "2026-11-25T23:59:59.999999Z";
  EXPECT_EQ(store_->read_events(by_time)->size(), 1u);
}

TEST_F(SqliteStoreTest, ReadEventsFiltersByTypePrefixAndPortfolioLevel) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}"), event("", "{}"), event("", "{}")};
  request.events[1].type = "execution.document_recorded";
  request.events[2].type = "executionx.other";
  ASSERT_TRUE(store_->append(request).ok());
  EventQuery by_type;
  by_type.type_prefix = "execution.";
  auto execution = store_->read_events(by_type);
  ASSERT_TRUE(execution.ok());
  ASSERT_EQ(execution->size(), 1u);
  EXPECT_EQ((*execution)[0].type, "execution.document_recorded");
  EventQuery portfolio;
  portfolio.case_id = "";
  EXPECT_EQ(store_->read_events(portfolio)->size(), 2u);
}

TEST_F(SqliteStoreTest, BusinessOnlyLeavesOutTheAccessAndAuditStreams) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}"), event("", "{}"),
                    event(std::string(kAccessStream), "{}"),
                    event(std::string(kAuditStream), "{}")};
  ASSERT_TRUE(store_->append(request).ok());
  EventQuery business;
  business.business_only = true;
  auto events = store_->read_events(business);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].case_id, "JA-P-AAA");
  EXPECT_EQ((*events)[1].case_id, "");
  EXPECT_EQ(store_->read_events({})->size(), 4u);
  EXPECT_EQ(*store_->last_business_sequence(), 2);
}

TEST_F(SqliteStoreTest, LastBusinessSequenceIsZeroWithoutBusinessEvents) {
  EXPECT_EQ(*store_->last_business_sequence(), 0);
  AppendRequest request;
  request.events = {event(std::string(kAuditStream), "{}")};
  ASSERT_TRUE(store_->append(request).ok());
  EXPECT_EQ(*store_->last_business_sequence(), 0);
}

TEST_F(SqliteStoreTest, LimitsAreEnforced) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}")};
  request.events[0].actor = std::string(kMaxActorBytes + 1, 'a');
  EXPECT_EQ(store_->append(request).error().kind, ErrorKind::invalid_input);
  request.events[0].actor = "";
  EXPECT_EQ(store_->append(request).error().kind, ErrorKind::invalid_input);
  request.events[0].actor = "tester";
  request.events[0].payload = std::string(kMaxEventPayloadBytes + 1, ' ');
  EXPECT_EQ(store_->append(request).error().kind, ErrorKind::invalid_input);
  EXPECT_TRUE(store_->read_events({})->empty());
}

TEST_F(SqliteStoreTest, ReopeningAppliesNoMigrationTwiceAndKeepsData) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}")};
  ASSERT_TRUE(store_->append(request).ok());
  store_.reset();
  auto reopened = open_sqlite_store(path_, {.create_if_missing = false, .busy_timeout_ms = 100});
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ((*reopened)->read_events({})->size(), 1u);
}

TEST_F(SqliteStoreTest, MissingDatabaseIsNotCreatedWhenNotAsked) {
  auto missing = open_sqlite_store((dir_ / "absent.db").string(),
                                   {.create_if_missing = false, .busy_timeout_ms = 100});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "absent.db"));
}

TEST_F(SqliteStoreTest, TheEventLogIsAppendOnly) {
  AppendRequest request;
  request.events = {event("JA-P-AAA", "{}")};
  ASSERT_TRUE(store_->append(request).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE events SET actor = 'x'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_THAT(sqlite3_errmsg(db), HasSubstr("append-only"));
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(VerifyChain, NamesTheFirstBrokenEvent) {
  std::vector<EventRecord> events;
  std::string previous = kGenesisHash;
  for (int i = 1; i <= 4; ++i) {
    EventRecord e{i,
                  "2026-11-25T12:00:00.00000" + std::to_string(i) + "Z",
                  "tester",
                  "JA-P-AAA",
                  "test.event",
                  1,
                  "{\"i\":" + std::to_string(i) + "}",
                  previous,
                  {}};
    e.hash = compute_event_hash(e);
    previous = e.hash;
    events.push_back(e);
  }
  ASSERT_TRUE(verify_chain(events).ok());

  auto altered = events;
  altered[2].payload[2] = 'j';
  Status s = verify_chain(altered);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("event 3 ("));
  EXPECT_THAT(s.error().message, HasSubstr("altered"));

  auto rehashed = altered;  // a forger who also recomputes the hash breaks the next link
  rehashed[2].hash = compute_event_hash(rehashed[2]);
  s = verify_chain(rehashed);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("event 4 ("));

  auto gap = events;
  gap.erase(gap.begin() + 1);
  s = verify_chain(gap);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("gap"));
}

TEST(EventHash, DependsOnEveryField) {
  EventRecord base{
      7, "2026-11-25T12:00:00.000000Z", "alice", "JA-P-AAA", "t", 1, "{}", kGenesisHash, {}};
  const std::string h = compute_event_hash(base);
  EXPECT_EQ(h.size(), 64u);
  auto differs = [&](auto mutate) {
    EventRecord e = base;
    mutate(e);
    return compute_event_hash(e) != h;
  };
  EXPECT_TRUE(differs([](EventRecord& e) { e.sequence = 8; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.recorded_at[5] = '2'; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.actor = "alicf"; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.case_id = "JA-P-AAB"; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.type = "u"; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.type_version = 2; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.payload = "{ }"; }));
  EXPECT_TRUE(differs([](EventRecord& e) { e.previous_hash[0] = '1'; }));
  // Length prefixes keep field boundaries: moving a byte between fields changes the hash.
  EXPECT_TRUE(differs([](EventRecord& e) {
    e.actor = "alic";
    e.case_id = "eJA-P-AAA";
  }));
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace fms::store
