// Cursor pagination on lists: ?limit=N (1..page_size_max, default page_size_default) and
// ?cursor=C, where C is the next_cursor of the page before. A cursor is the last key of the
// page before, hex-encoded: opaque to clients, and stable while items are added, because a list
// is ordered by its key (case id, event sequence) and the next page starts after that key.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.h"
#include "http/responses.h"

namespace fms::http {

struct PageRequest {
  std::size_t limit = 100;
  std::optional<std::string> after;  // the decoded key
};

Answer<PageRequest> read_page(const Request& request, std::size_t default_limit,
                              std::size_t max_limit);

std::string encode_cursor(const std::string& key);

// Zero-padded so that numeric keys order as text ("00000000000000000042").
std::string numeric_key(std::int64_t value);

// The page of `items` (ordered by `key`) after the cursor, and the cursor of the next page
// (nullopt on the last page).
template <class T, class Key>
std::pair<std::vector<const T*>, std::optional<std::string>> page_of(const std::vector<T>& items,
                                                                     const PageRequest& page,
                                                                     Key key) {
  std::vector<const T*> out;
  std::optional<std::string> next;
  for (const T& item : items) {
    const std::string k = key(item);
    if (page.after && !(*page.after < k)) continue;
    if (out.size() == page.limit) {
      next = encode_cursor(key(*out.back()));
      break;
    }
    out.push_back(&item);
  }
  return {std::move(out), std::move(next)};
}

// The items of a page as values, for builders that take them so.
template <class T>
std::vector<T> copies(const std::vector<const T*>& items) {
  std::vector<T> out;
  out.reserve(items.size());
  for (const T* item : items) out.push_back(*item);
  return out;
}

// A page's "next_cursor": the cursor, or null on the last page.
inline OrderedJson cursor_json(const std::optional<std::string>& next) {
  return next ? OrderedJson(*next) : OrderedJson(nullptr);
}

}  // namespace fms::http
