// Thin RAII wrappers over the SQLite C API: a prepared statement that finalizes itself, with
// typed bind and column helpers, and errors turned into fms::Error values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms::store::sqlite {

Error sqlite_error(sqlite3* db, std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  static Result<Statement> prepare(sqlite3* db, std::string_view sql);

  void bind(int index, std::string_view text);
  void bind(int index, std::int64_t value);
  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> error.
  Result<bool> step();
  Status run();  // step to completion, expecting no rows
  void reset();  // ready to bind and step again
  [[nodiscard]] int parameter_index(const char* name) const;

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// Executes SQL with no results (may hold several statements).
Status exec(sqlite3* db, const char* sql);

}  // namespace fms::store::sqlite
