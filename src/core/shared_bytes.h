// Bytes that several owners may hold: a view plus whatever keeps the viewed memory alive (a
// string, a mapped file). Columns borrowed from a stored segment share its SharedBytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace fms {

struct SharedBytes {
  std::string_view view;
  std::shared_ptr<const void> keeper;

  // Takes ownership of `bytes`.
  static SharedBytes take(std::string bytes) {
    auto owner = std::make_shared<const std::string>(std::move(bytes));
    return SharedBytes{std::string_view(*owner), owner};
  }
  // Whether the view starts at a multiple of `alignment` bytes.
  [[nodiscard]] bool aligned_to(std::size_t alignment) const {
    return reinterpret_cast<std::uintptr_t>(view.data()) % alignment == 0;
  }
};

}  // namespace fms
