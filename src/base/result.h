// Errors as values. Every fallible operation in fmsledger returns a Status or a Result<T>;
// both are [[nodiscard]] so an ignored error is a compile error, not a review comment.
// Exceptions are not used for expected failures (bad input, missing case, conflicts).
//
// An error carries its kind, the field of the request it concerns (a neutral name such as
// "late_reason") and a message that is located ("receipts.csv:3: ...", "loa.json: /lines/2:
// ...") and names fields only as mentions. Each front end writes the fields in its own spelling
// through Error::text: the CLI as options (--late-reason), the API as JSON pointers
// (/late_reason, and the field as the problem's "pointer").
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fms {

enum class ErrorKind {
  invalid_input,  // the user gave something malformed or breaking a rule; exit code 1
  not_found,      // the named thing does not exist; exit code 1
  conflict,       // the request contradicts what is recorded (e.g. re-import with new content)
  forbidden,      // the caller's scope does not allow it (ledger/access/scope.h); exit code 1
  corruption,     // stored data fails its own checks (hash chain, replay)
  io,             // the environment failed (disk, database)
  internal,       // a bug; exit code 2
};

// How a front end writes the name of a field: the CLI as its option ("--late-reason"), the API
// as a JSON pointer into the request ("/late_reason"), a log as the neutral name itself.
enum class Spelling { neutral, option, pointer };

// `name` ("late_reason") as `spelling` writes it.
std::string spell_field(std::string_view name, Spelling spelling);

// A field named inside a message: "give " + mention("late_reason") + " TEXT". Error::text
// renders every mention in the front end's spelling, so one message serves every front end.
std::string mention(std::string_view name);
// `text` (a message or a warning) with every mention written in `spelling`.
std::string spell_mentions(std::string_view text, Spelling spelling);

struct Error {
  ErrorKind kind = ErrorKind::internal;
  // What went wrong and where, located as the front ends show it ("receipts.csv:3: field
  // \"qty\": ..."), with the fields it names written as mentions. Read it through text().
  std::string message;
  // The field of the request it concerns, in neutral spelling ("late_reason"); empty when none.
  std::string field;

  Error() = default;
  Error(ErrorKind error_kind, std::string error_message, std::string about = {})
      : kind(error_kind), message(std::move(error_message)), field(std::move(about)) {}

  static Error invalid(std::string m) { return {ErrorKind::invalid_input, std::move(m)}; }
  static Error not_found(std::string m) { return {ErrorKind::not_found, std::move(m)}; }
  static Error conflict(std::string m) { return {ErrorKind::conflict, std::move(m)}; }
  static Error forbidden(std::string m) { return {ErrorKind::forbidden, std::move(m)}; }
  static Error corruption(std::string m) { return {ErrorKind::corruption, std::move(m)}; }
  static Error io(std::string m) { return {ErrorKind::io, std::move(m)}; }
  static Error internal(std::string m) { return {ErrorKind::internal, std::move(m)}; }

  // Prefixes the message with a location, e.g. "loa.json: /lines/2/quantity: ".
  [[nodiscard]] Error at(const std::string& where) const {
    return {kind, where + ": " + message, field};
  }
  // The error as one about the field `name`, which it is located at: "--case: ..." in the CLI,
  // "/case: ..." in the API.
  [[nodiscard]] Error at_field(std::string_view name) const {
    return {kind, mention(name) + ": " + message, std::string(name)};
  }
  // The error as one about the field `name`, which its message already mentions.
  [[nodiscard]] Error concerning(std::string_view name) const {
    return {kind, message, std::string(name)};
  }
  // The message with every field mention written in `spelling`.
  [[nodiscard]] std::string text(Spelling spelling = Spelling::neutral) const;
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
