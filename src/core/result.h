// Errors as values. Every fallible operation in fmsledger returns a Status or a Result<T>;
// both are [[nodiscard]] so an ignored error is a compile error, not a review comment.
// Exceptions are not used for expected failures (bad input, missing case, conflicts).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace fms {

enum class ErrorKind {
  invalid_input,  // the user gave something malformed or breaking a rule; exit code 1
  not_found,      // the named thing does not exist; exit code 1
  conflict,       // the request contradicts what is recorded (e.g. re-import with new content)
  forbidden,      // the caller's scope does not allow it (ledger/scope.h); exit code 1
  corruption,     // stored data fails its own checks (hash chain, replay)
  io,             // the environment failed (disk, database)
  internal,       // a bug; exit code 2
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;

  static Error invalid(std::string m) { return {ErrorKind::invalid_input, std::move(m)}; }
  static Error not_found(std::string m) { return {ErrorKind::not_found, std::move(m)}; }
  static Error conflict(std::string m) { return {ErrorKind::conflict, std::move(m)}; }
  static Error forbidden(std::string m) { return {ErrorKind::forbidden, std::move(m)}; }
  static Error corruption(std::string m) { return {ErrorKind::corruption, std::move(m)}; }
  static Error io(std::string m) { return {ErrorKind::io, std::move(m)}; }
  static Error internal(std::string m) { return {ErrorKind::internal, std::move(m)}; }

  // Prefixes the message with a location, e.g. "loa.json: /lines/2/quantity: ".
  [[nodiscard]] Error at(const std::string& where) const { return {kind, where + ": " + message}; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error)
      : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  static Status Ok() { return {}; }

  [[nodiscard]] bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  [[nodiscard]] const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace fms

// Propagates an error from a Status or Result expression to the caller.
#define FMS_TRY(expr)                                          \
  do {                                                         \
    auto fms_try_result_ = (expr);                             \
    if (!fms_try_result_.ok()) return fms_try_result_.error(); \
  } while (false)

#define FMS_CONCAT_INNER(a, b) a##b
#define FMS_CONCAT(a, b) FMS_CONCAT_INNER(a, b)
// NOLINTNEXTLINE(bugprone-macro-parentheses): lhs may be a declaration such as `auto x`.
#define FMS_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                    \
  if (!tmp.ok()) return tmp.error();    \
  lhs = std::move(tmp).value()
// FMS_ASSIGN_OR_RETURN(auto x, parse(...)); declares x from a Result or returns its error.
#define FMS_ASSIGN_OR_RETURN(lhs, expr) \
  FMS_ASSIGN_IMPL(FMS_CONCAT(fms_assign_, __LINE__), lhs, expr)
