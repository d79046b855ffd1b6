// Reading and writing one LOA version document in the fmsledger JSON format
// (docs/formats/loa.md, schema docs/formats/loa.schema.json).
//
// Parsing is strict: malformed JSON, unknown fields, wrong types, money given as a JSON number
// instead of a decimal string, unknown codes and every rule of core/loa_rules.h are errors.
// All problems found are reported together (up to kMaxReportedProblems), one per line, as
//   "<source>: <JSON Pointer>: <rule broken>"     e.g.
//   "tomahawk.json: /lines/2/quantity: quantity must be greater than zero, got -3"
// and syntax errors as "<source>:<line>:<column>: <what is wrong>".
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/loa.h"
#include "core/reference_data.h"

namespace fms::io {

inline constexpr std::string_view kLoaFormat = "fmsledger.loa/1";
inline constexpr std::size_t kMaxLoaDocumentBytes =
    std::size_t{8} * 1024 * 1024;                        // larger files are refused
inline constexpr std::size_t kMaxLoaLines = 2000;        // lines per version
inline constexpr std::size_t kMaxTextFieldBytes = 4000;  // any one text field
inline constexpr std::size_t kMaxReportedProblems = 50;

// Parses and validates one version document (check_version included, check_successor not:
// that needs the previous version, which the ledger has).
Result<LoaVersion> parse_loa_version(std::string_view json_text, const std::string& source_name,
                                     const ReferenceData& reference);

// The same rules for a document that is already parsed JSON (e.g. inside an event payload),
// without serialising and parsing it again.
Result<LoaVersion> loa_version_from_json(const nlohmann::json& document,
                                         const std::string& source_name,
                                         const ReferenceData& reference);

// The canonical JSON form: every field present in a fixed layout, money as plain decimal
// strings. parse(serialize(v)) == v, and equal versions serialize to identical bytes, so the
// SHA-256 of this text identifies a document's content.
nlohmann::ordered_json to_json(const LoaVersion& version);
std::string serialize_loa_version(const LoaVersion& version);

}  // namespace fms::io
