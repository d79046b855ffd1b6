// SQLite-backed Store: event log + projections in one embedded database file.
// Writes take the write lock up front (BEGIN IMMEDIATE), so the chain head read and the new
// events inserted belong to the same serialised transaction; synchronous=FULL makes a commit
// durable before append() returns.
#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "store/event_hash.h"
#include "store/segment_files.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/statement.h"

namespace fms::store {
namespace {

using sqlite::exec;
using sqlite::Statement;

// Rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status begin_immediate() {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return sqlite::sqlite_error(db_, "starting a write transaction");
    }
    open_ = true;
    return Status::Ok();
  }
  Status commit() {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return sqlite::sqlite_error(db_, "committing");
    }
    open_ = false;
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  // SQLite's result code of the last failure on this connection.
  [[nodiscard]] int last_error_code() const { return sqlite3_errcode(db_); }

  // Opened for reading only because SQLite could not write beside the file when it was opened
  // (open_sqlite_store): every write is then refused with this reason.
  void set_read_only(std::string reason) { read_only_reason_ = std::move(reason); }

  Status configure(const SqliteOptions& options) {
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    if (read_only_reason_) return exec(db_, "PRAGMA foreign_keys = ON;");
    FMS_TRY(exec(db_, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"));
    // journal_mode returns a row; WAL is persistent in the file once set.
    FMS_ASSIGN_OR_RETURN(Statement wal, Statement::prepare(db_, "PRAGMA journal_mode = WAL"));
    FMS_ASSIGN_OR_RETURN(bool row, wal.step());
    if (!row) return Error::io("could not set the WAL journal mode");
    return Status::Ok();
  }

  Status migrate() {
    if (!read_only_reason_) {
      FMS_TRY(exec(db_,
                   "CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " number INTEGER PRIMARY KEY, description TEXT NOT NULL)"));
    }
    FMS_ASSIGN_OR_RETURN(
        Statement max_stmt,
        Statement::prepare(db_, "SELECT coalesce(max(number), 0) FROM schema_migrations"));
    FMS_ASSIGN_OR_RETURN(bool row, max_stmt.step());
    const std::int64_t applied = row ? max_stmt.integer(0) : 0;
    const auto all = sqlite::migrations();
    if (applied > all.back().number) {
      return Error::io("the database schema is at migration " + std::to_string(applied) +
                       ", newer than this fmsledger understands (" +
                       std::to_string(all.back().number) + "); use a newer fmsledger");
    }
    if (read_only_reason_ && applied < all.back().number) return refuse_write();
    for (const auto& migration : all) {
      if (migration.number <= applied) continue;
      Transaction tx(db_);
      FMS_TRY(tx.begin_immediate());
      FMS_TRY(exec(db_, std::string(migration.sql).c_str()));
      FMS_ASSIGN_OR_RETURN(Statement record,
                           Statement::prepare(db_, "INSERT INTO schema_migrations VALUES (?, ?)"));
      record.bind(1, std::int64_t{migration.number});
      record.bind(2, migration.description);
      FMS_TRY(record.run());
      FMS_TRY(tx.commit());
    }
    return Status::Ok();
  }

  Result<std::vector<EventRecord>> append(const AppendRequest& request) override {
    for (const NewEvent& event : request.events) {
      if (event.payload.size() > kMaxEventPayloadBytes) {
        return Error::invalid("event payload of " + std::to_string(event.payload.size()) +
                              " bytes exceeds the limit of " +
                              std::to_string(kMaxEventPayloadBytes));
      }
      // Every event names its actor, and every output shows it: text that cannot be written as
      // JSON or CSV would break them for good in an append-only log.
      FMS_TRY(check_text("actor", event.actor, TextRule{1, kMaxActorBytes, false}));
    }
    if (read_only_reason_) return refuse_write();
    Transaction tx(db_);
    FMS_TRY(tx.begin_immediate());
    FMS_TRY(check_expected_sequences(request.expected_last_sequence));

    FMS_ASSIGN_OR_RETURN(
        Statement head,
        Statement::prepare(db_,
                           "SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1"));
    FMS_ASSIGN_OR_RETURN(bool has_head, head.step());
    std::int64_t sequence = has_head ? head.integer(0) : 0;
    std::string previous = has_head ? head.text(1) : std::string(kGenesisHash);

    FMS_ASSIGN_OR_RETURN(
        Statement insert,
        Statement::prepare(
            db_,
            "INSERT INTO events (sequence, recorded_at, actor, case_id, type, type_version,"
            " payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::vector<EventRecord> stored;
    stored.reserve(request.events.size());
    for (const NewEvent& event : request.events) {
      EventRecord record{++sequence,    event.recorded_at, event.actor,
                         event.case_id, event.type,        event.type_version,
                         event.payload, previous,          {}};
      record.hash = compute_event_hash(record);
      insert.bind(1, record.sequence);
      insert.bind(2, record.recorded_at);
      insert.bind(3, record.actor);
      insert.bind(4, record.case_id);
      insert.bind(5, record.type);
      insert.bind(6, std::int64_t{record.type_version});
      insert.bind(7, record.payload);
      insert.bind(8, record.previous_hash);
      insert.bind(9, record.hash);
      FMS_TRY(insert.run());
      insert.reset();
      previous = record.hash;
      stored.push_back(std::move(record));
    }
    // A projection's last_sequence is the last event of its case, known only now.
    std::map<std::string, std::int64_t> last_by_case;
    for (const EventRecord& record : stored) last_by_case[record.case_id] = record.sequence;
    for (CaseProjection projection : request.projections) {
      if (auto it = last_by_case.find(projection.summary.case_id); it != last_by_case.end()) {
        projection.summary.last_sequence = it->second;
      }
      FMS_TRY(replace_projection(projection));
    }
    FMS_TRY(tx.commit());
    return stored;
  }

  Result<std::int64_t> last_business_sequence() override {
    // Walks the primary key down from the newest event: only "@" events recorded since the
    // last business event are passed over.
    FMS_ASSIGN_OR_RETURN(Statement stmt,
                         Statement::prepare(db_,
                                            "SELECT sequence FROM events WHERE substr(case_id, 1, "
                                            "1) <> '@' ORDER BY sequence DESC LIMIT 1"));
    FMS_ASSIGN_OR_RETURN(bool row, stmt.step());
    return row ? stmt.integer(0) : std::int64_t{0};
  }

  // WAL mode: a deferred transaction reads one snapshot from its first read to its end.
  Status begin_snapshot() override {
    if (sqlite3_exec(db_, "BEGIN DEFERRED", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return sqlite::sqlite_error(db_, "starting a read snapshot");
    }
    return Status::Ok();
  }
  void end_snapshot() override { sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr); }

  Result<std::optional<EventRecord>> last_event() override {
    FMS_ASSIGN_OR_RETURN(
        Statement stmt, Statement::prepare(db_,
                                           "SELECT sequence, recorded_at, actor, case_id, type, "
                                           "type_version, payload, previous_hash, hash FROM events "
                                           "ORDER BY sequence DESC LIMIT 1"));
    FMS_ASSIGN_OR_RETURN(bool row, stmt.step());
    if (!row) return std::optional<EventRecord>{};
    return std::optional<EventRecord>{
        EventRecord{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                    static_cast<int>(stmt.integer(5)), stmt.text(6), stmt.text(7), stmt.text(8)}};
  }

  Result<std::vector<EventRecord>> read_events(const EventQuery& query) override {
    std::string sql =
        "SELECT sequence, recorded_at, actor, case_id, type, type_version, payload,"
        " previous_hash, hash FROM events WHERE 1=1";
    if (query.case_id) sql += " AND case_id = :case";
    if (query.recorded_at_most) sql += " AND recorded_at <= :upto";
    // A prefix range rather than LIKE, so the (type, sequence) index serves it.
    if (query.type_prefix) sql += " AND type >= :type_from AND type < :type_to";
    if (query.business_only) sql += " AND substr(case_id, 1, 1) <> '@'";
    sql += " ORDER BY sequence";
    FMS_ASSIGN_OR_RETURN(Statement stmt, Statement::prepare(db_, sql));
    if (query.case_id) stmt.bind(stmt.parameter_index(":case"), *query.case_id);
    if (query.recorded_at_most) {
      stmt.bind(stmt.parameter_index(":upto"), *query.recorded_at_most);
    }
    if (query.type_prefix) {
      stmt.bind(stmt.parameter_index(":type_from"), *query.type_prefix);
      stmt.bind(stmt.parameter_index(":type_to"), *query.type_prefix + "\x7f");
    }
    std::vector<EventRecord> events;
    while (true) {
      FMS_ASSIGN_OR_RETURN(bool row, stmt.step());
      if (!row) break;
      events.push_back(EventRecord{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.text(3),
                                   stmt.text(4), static_cast<int>(stmt.integer(5)), stmt.text(6),
                                   stmt.text(7), stmt.text(8)});
    }
    return events;
  }

  Result<std::vector<CaseSummaryRow>> list_cases(const CaseFilter& filter) override {
    std::string sql = std::string(kSummaryColumns) + " FROM case_summary WHERE 1=1";
    if (filter.status) sql += " AND status = :status";
    if (filter.customer) sql += " AND customer = :customer";
    if (filter.case_id) sql += " AND case_id = :case_id";
    sql += " ORDER BY case_id";
    FMS_ASSIGN_OR_RETURN(Statement stmt, Statement::prepare(db_, sql));
    if (filter.status) stmt.bind(stmt.parameter_index(":status"), *filter.status);
    if (filter.customer) {
      stmt.bind(stmt.parameter_index(":customer"), *filter.customer);
    }
    if (filter.case_id) stmt.bind(stmt.parameter_index(":case_id"), *filter.case_id);
    std::vector<CaseSummaryRow> rows;
    while (true) {
      FMS_ASSIGN_OR_RETURN(bool row, stmt.step());
      if (!row) break;
      rows.push_back(summary_from(stmt));
    }
    return rows;
  }

  Result<std::vector<CaseProjection>> read_projections() override {
    FMS_ASSIGN_OR_RETURN(std::vector<CaseSummaryRow> summaries, list_cases({}));
    FMS_ASSIGN_OR_RETURN(
        Statement lines,
        Statement::prepare(
            db_,
            "SELECT case_id, line_number, description, quantity, unit_of_issue, total_minor,"
            " major_defense_equipment FROM case_line ORDER BY case_id, line_number"));
    std::vector<CaseProjection> projections;
    projections.reserve(summaries.size());
    std::map<std::string, std::size_t> index;
    for (auto& summary : summaries) {
      index[summary.case_id] = projections.size();
      projections.push_back(CaseProjection{std::move(summary), {}});
    }
    while (true) {
      FMS_ASSIGN_OR_RETURN(bool row, lines.step());
      if (!row) break;
      CaseLineRow line{lines.text(0), lines.text(1),    lines.text(2),        lines.integer(3),
                       lines.text(4), lines.integer(5), lines.integer(6) != 0};
      auto it = index.find(line.case_id);
      if (it == index.end()) {
        return Error::corruption("projection line " + line.line_number + " of case " +
                                 line.case_id + " has no case summary");
      }
      projections[it->second].lines.push_back(std::move(line));
    }
    return projections;
  }

 private:
  static constexpr const char* kSummaryColumns =
      "SELECT case_id, customer, implementing_agency, title, purchaser, status, status_date,"
      " latest_version, latest_document, currency, total_minor, line_count, last_sequence";

  static CaseSummaryRow summary_from(const Statement& s) {
    return CaseSummaryRow{s.text(0),    s.text(1), s.text(2),     s.text(3),
                          s.text(4),    s.text(5), s.text(6),     static_cast<int>(s.integer(7)),
                          s.text(8),    s.text(9), s.integer(10), static_cast<int>(s.integer(11)),
                          s.integer(12)};
  }

  Status check_expected_sequences(const std::map<std::string, std::int64_t>& expected) {
    FMS_ASSIGN_OR_RETURN(
        Statement stmt,
        Statement::prepare(db_, "SELECT coalesce(max(sequence), 0) FROM events WHERE case_id = ?"));
    for (const auto& [case_id, sequence] : expected) {
      stmt.bind(1, case_id);
      FMS_ASSIGN_OR_RETURN(bool row, stmt.step());
      const std::int64_t actual = row ? stmt.integer(0) : 0;
      stmt.reset();
      if (actual != sequence) {
        const std::string what = is_case_stream(case_id) ? "case " + case_id
                                 : case_id.empty()       ? std::string("the portfolio")
                                                         : "the " + case_id + " stream";
        return Error::conflict(what + " changed while this command ran (last event " +
                               std::to_string(actual) + ", expected " + std::to_string(sequence) +
                               "); run the command again");
      }
    }
    return Status::Ok();
  }

  Status replace_projection(const CaseProjection& p) {
    FMS_ASSIGN_OR_RETURN(Statement del,
                         Statement::prepare(db_, "DELETE FROM case_line WHERE case_id = ?"));
    del.bind(1, p.summary.case_id);
    FMS_TRY(del.run());
    FMS_ASSIGN_OR_RETURN(
        Statement upsert,
        Statement::prepare(
            db_,
            "INSERT OR REPLACE INTO case_summary (case_id, customer, implementing_agency, title,"
            " purchaser, status, status_date, latest_version, latest_document, currency,"
            " total_minor, line_count, last_sequence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const CaseSummaryRow& s = p.summary;
    upsert.bind(1, s.case_id);
    upsert.bind(2, s.customer);
    upsert.bind(3, s.implementing_agency);
    upsert.bind(4, s.title);
    upsert.bind(5, s.purchaser);
    upsert.bind(6, s.status);
    upsert.bind(7, s.status_date);
    upsert.bind(8, std::int64_t{s.latest_version});
    upsert.bind(9, s.latest_document);
    upsert.bind(10, s.currency);
    upsert.bind(11, s.total_minor);
    upsert.bind(12, std::int64_t{s.line_count});
    upsert.bind(13, s.last_sequence);
    FMS_TRY(upsert.run());
    FMS_ASSIGN_OR_RETURN(
        Statement line,
        Statement::prepare(
            db_,
            "INSERT INTO case_line (case_id, line_number, description, quantity, unit_of_issue,"
            " total_minor, major_defense_equipment) VALUES (?,?,?,?,?,?,?)"));
    for (const CaseLineRow& l : p.lines) {
      line.bind(1, l.case_id);
      line.bind(2, l.line_number);
      line.bind(3, l.description);
      line.bind(4, l.quantity);
      line.bind(5, l.unit_of_issue);
      line.bind(6, l.total_minor);
      line.bind(7, std::int64_t{l.major_defense_equipment ? 1 : 0});
      FMS_TRY(line.run());
      line.reset();
    }
    return Status::Ok();
  }

  // Segments live in files beside the database ("<db>.segments/"): a 100 MB blob costs SQLite
  // over a second to commit and half a second to read back, a file a tenth of that.
  Status put_segment(std::string_view hash, std::string_view bytes) override {
    if (read_only_reason_) return refuse_write();
    FMS_ASSIGN_OR_RETURN(SegmentFiles * files, segment_files());
    return files->put(hash, bytes);
  }

  Result<SharedBytes> read_segment(std::string_view hash) override {
    FMS_ASSIGN_OR_RETURN(SegmentFiles * files, segment_files());
    return files->map(hash);
  }

  // Opened on first use, so a database that never stores a segment gets no directory. Segments
  // are read from two threads at once (ledger reconciliation_view), so the first use is
  // serialised; the opened SegmentFiles is safe for concurrent reads.
  Result<SegmentFiles*> segment_files() {
    const std::lock_guard<std::mutex> lock(segments_mutex_);
    if (!segments_) {
      FMS_ASSIGN_OR_RETURN(SegmentFiles files,
                           SegmentFiles::open(SegmentFiles::directory_for_database(path_)));
      segments_.emplace(std::move(files));
    }
    return &*segments_;
  }

  [[nodiscard]] Error refuse_write() const {
    return Error::io("cannot write to " + path_ + ": it is open for reading only, because " +
                     *read_only_reason_ +
                     " when it was opened (is the disk full?). Nothing was recorded; free space "
                     "and run the command again");
  }

  sqlite3* db_;  // owned; closed in the destructor
  std::string path_;
  std::optional<std::string> read_only_reason_;
  std::mutex segments_mutex_;
  std::optional<SegmentFiles> segments_;
};

}  // namespace

namespace {

// SQLite's URI form of a file name: "%", "?" and "#" are the characters URIs give a meaning.
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    switch (c) {
      case '%': uri += "%25"; break;
      case '?': uri += "%3f"; break;
      case '#': uri += "%23"; break;
      default: uri += c;
    }
  }
  return uri;
}

// Failures that say SQLite could not write beside the database (a full disk, a file system gone
// read-only, no room for the -shm file), as opposed to a damaged or foreign file.
bool is_write_failure(int code) {
  switch (code & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return true;
    default: return false;
  }
}

Result<std::unique_ptr<SqliteStore>> open_connection(const std::string& name, int flags,
                                                     const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error error = sqlite::sqlite_error(db, "opening database " + path);
    sqlite3_close_v2(db);
    return error;
  }
  return std::make_unique<SqliteStore>(db, path);
}

// The database for reading only, when SQLite cannot write beside it. `readonly_shm` reads the
// WAL index from the -shm file without writing it (SQLite rebuilds the index in memory when it
// cannot trust it), so commits still in the WAL are seen; `immutable` is the last resort when
// there is no -shm file to read and no WAL content to miss.
Result<std::unique_ptr<SqliteStore>> open_for_reading_only(const std::string& path,
                                                           const SqliteOptions& options,
                                                           const std::string& reason) {
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  std::vector<std::string> names{file_uri(path) + "?mode=ro&readonly_shm=1"};
  std::error_code ec;
  const auto wal_size = std::filesystem::file_size(path + "-wal", ec);
  if (ec || wal_size == 0) names.push_back(file_uri(path) + "?mode=ro&immutable=1");
  std::optional<Error> last;
  for (const auto& name : names) {
    auto connection = open_connection(name, flags, path);
    if (!connection.ok()) {
      last = connection.error();
      continue;
    }
    std::unique_ptr<SqliteStore> store = std::move(connection).value();
    store->set_read_only(reason);
    Status configured = store->configure(options);
    if (configured.ok()) configured = store->migrate();
    if (configured.ok()) return store;
    last = configured.error();
  }
  return *last;
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options) {
  const bool exists = std::filesystem::exists(path);
  if (!options.create_if_missing && !exists) {
    return Error::not_found("no database at " + path +
                            " (run `fmsledger init` or `fmsledger demo`)");
  }
  if (options.create_if_missing) {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) return Error::io("cannot create directory " + parent.string() + ": " + ec.message());
  }
  const int flags = SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0) |
                    SQLITE_OPEN_NOMUTEX;
  FMS_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, open_connection(path, flags, path));
  Status opened = store->configure(options);
  if (opened.ok()) opened = store->migrate();
  if (opened.ok()) return std::unique_ptr<Store>(std::move(store));

  // A full disk must not take the reads with it: the ledger stays readable, and writes are
  // refused with the reason (docs/operations.md).
  const int code = store->last_error_code();
  store.reset();
  if (exists && is_write_failure(code)) {
    const std::string reason = "SQLite could not write beside it (" +
                               std::string(sqlite3_errstr(code)) + ")";
    auto reading = open_for_reading_only(path, options, reason);
    if (reading.ok()) return std::unique_ptr<Store>(std::move(reading).value());
  }
  return opened.error().at(path);
}

}  // namespace fms::store
