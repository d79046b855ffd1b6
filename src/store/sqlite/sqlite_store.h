// The embedded SQLite implementation of the Store: one database file, WAL journal, foreign keys
// on, a busy timeout so concurrent CLI invocations wait instead of failing, and numbered schema
// migrations applied when the database is opened. UPDATE and DELETE on the event log are
// refused by triggers: the log is append-only.
//
// A database SQLite cannot write beside when it is opened (a full disk) is opened for reading
// only: reads work, and every write is refused with that reason (docs/operations.md).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "store/store.h"

namespace fms::store {

struct SqliteOptions {
  bool create_if_missing = true;
  int busy_timeout_ms = 5000;
};

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options = {});

}  // namespace fms::store
