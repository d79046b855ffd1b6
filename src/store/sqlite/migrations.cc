// The SQLite schema, as a list of numbered migrations.
#include "store/sqlite/migrations.h"

namespace fms::store::sqlite {
namespace {

constexpr Migration kMigrations[] = {
    {1, "event log and case projections", R"sql(
CREATE TABLE events (
  sequence      INTEGER PRIMARY KEY,
  recorded_at   TEXT NOT NULL,
  actor         TEXT NOT NULL,
  case_id       TEXT NOT NULL,
  type          TEXT NOT NULL,
  type_version  INTEGER NOT NULL,
  payload       TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL UNIQUE
);
CREATE INDEX events_by_case ON events(case_id, sequence);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE TABLE case_summary (
  case_id             TEXT PRIMARY KEY,
  customer            TEXT NOT NULL,
  implementing_agency TEXT NOT NULL,
  title               TEXT NOT NULL,
  purchaser           TEXT NOT NULL,
  status              TEXT NOT NULL,
  status_date         TEXT NOT NULL,
  latest_version      INTEGER NOT NULL,
  latest_document     TEXT NOT NULL,
  currency            TEXT NOT NULL,
  total_minor         INTEGER NOT NULL,
  line_count          INTEGER NOT NULL,
  last_sequence       INTEGER NOT NULL REFERENCES events(sequence)
);
CREATE INDEX case_summary_by_status ON case_summary(status);
CREATE INDEX case_summary_by_customer ON case_summary(customer);

CREATE TABLE case_line (
  case_id                 TEXT NOT NULL REFERENCES case_summary(case_id) ON DELETE CASCADE,
  line_number             TEXT NOT NULL,
  description             TEXT NOT NULL,
  quantity                INTEGER NOT NULL,
  unit_of_issue           TEXT NOT NULL,
  total_minor             INTEGER NOT NULL,
  major_defense_equipment INTEGER NOT NULL,
  PRIMARY KEY (case_id, line_number)
);
)sql"},
    {2, "events by type, for portfolio-wide folds of one kind of event", R"sql(
CREATE INDEX events_by_type ON events(type, sequence);
)sql"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace fms::store::sqlite
