// Numbered schema migrations for the SQLite store. A migration is applied once, in order, in
// its own transaction, and recorded in schema_migrations. Never edit a released migration:
// add a new one.
#pragma once

#include <span>
#include <string_view>

namespace fms::store::sqlite {

struct Migration {
  int number;
  std::string_view description;
  std::string_view sql;
};

std::span<const Migration> migrations();

}  // namespace fms::store::sqlite
