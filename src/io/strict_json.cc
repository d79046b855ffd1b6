// Strict JSON parsing: duplicate keys found during the parse, syntax errors located by line and
// column.
#include "io/strict_json.h"

#include <algorithm>
#include <set>

#include "core/json_pointer.h"

namespace fms::io {
namespace {

using Json = nlohmann::json;

// Follows nlohmann's parse events to know the JSON Pointer of each key as it is read.
class DuplicateKeyTracker {
 public:
  bool on_event(Json::parse_event_t event, const Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        frames_.push_back(Frame{false, 0, {}, {}});
        break;
      case Json::parse_event_t::array_start:
        frames_.push_back(Frame{true, 0, {}, {}});
        break;
      case Json::parse_event_t::key: {
        if (frames_.empty() || !parsed.is_string()) break;
        Frame& top = frames_.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second) {
          duplicates_.push_back({path(), "field \"" + top.key +
                                             "\" appears more than once in the same object; "
                                             "keep only one"});
        }
        break;
      }
      case Json::parse_event_t::value:
        advance();
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        advance();
        break;
    }
    return true;
  }

  std::vector<DuplicateKey> take() { return std::move(duplicates_); }

 private:
  struct Frame {
    bool is_array;
    std::size_t index;  // arrays: index of the element being read
    std::string key;    // objects: key of the member being read
    std::set<std::string> keys;
  };

  void advance() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
  }

  [[nodiscard]] std::string path() const {
    std::string out;
    for (const Frame& frame : frames_) {
      out = frame.is_array ? json_pointer::child(out, frame.index)
                           : json_pointer::child(out, frame.key);
    }
    return out;
  }

  std::vector<Frame> frames_;
  std::vector<DuplicateKey> duplicates_;
};

// "SOURCE:LINE:COLUMN: not valid JSON: what", from nlohmann's 1-based index of the last byte
// read and its message without the "[json.exception...] parse error at ...: " prefix.
std::string syntax_error_message(std::string_view text, const Json::parse_error& error,
                                 const std::string& source) {
  const std::size_t offset = std::min(error.byte == 0 ? 0 : error.byte - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t column = offset - line_start + 1;
  std::string what = error.what();
  const std::size_t column_word = what.find("column ");
  const std::size_t separator =
      column_word == std::string::npos ? what.find(": ") : what.find(": ", column_word);
  if (separator != std::string::npos) what = what.substr(separator + 2);
  return source + ":" + std::to_string(line) + ":" + std::to_string(column) +
         ": not valid JSON: " + what;
}

}  // namespace

Result<StrictJson> parse_strict_json(std::string_view text, const std::string& source,
                                     ErrorKind kind) {
  DuplicateKeyTracker tracker;
  StrictJson parsed;
  try {
    parsed.value = Json::parse(text.begin(), text.end(),
                               [&tracker](int /*depth*/, Json::parse_event_t event, Json& value) {
                                 return tracker.on_event(event, value);
                               });
  } catch (const Json::parse_error& error) {
    return Error{kind, syntax_error_message(text, error, source)};
  } catch (const Json::exception& error) {
    return Error{kind, source + ": not valid JSON: " + error.what()};
  }
  parsed.duplicate_keys = tracker.take();
  return parsed;
}

}  // namespace fms::io
