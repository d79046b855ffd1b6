#include "report/document_list.h"

#include "base/short_hash.h"

namespace fms::report {
namespace {

Json optional_text(const std::optional<std::string>& text) {
  return text ? Json(*text) : Json(nullptr);
}

}  // namespace

Json document_json(const ledger::ListedDocument& listed) {
  const ledger::ExecutionDocument& document = *listed.document;
  const auto& record = document.record;
  const auto withheld = [&listed](Json value) { return listed.whole ? value : Json(nullptr); };
  return Json{{"id", record.content_hash},
              {"short_id", base::short_hash(record.content_hash)},
              {"kind", std::string(to_string(record.kind))},
              {"rows", withheld(record.rows)},
              {"source", withheld(record.source)},
              {"recorded_at", document.recorded_at},
              {"actor", withheld(document.actor)},
              {"cases", listed.cases},
              {"partial", !listed.whole},
              {"supersedes", optional_text(record.supersedes)},
              {"reason", withheld(record.reason)},
              {"superseded_by", optional_text(document.superseded_by)}};
}

std::vector<std::string> document_row(const ledger::ListedDocument& listed) {
  const ledger::ExecutionDocument& document = *listed.document;
  const auto& record = document.record;
  const std::string status = document.superseded_by
                                 ? "superseded by " + base::short_hash(*document.superseded_by)
                                 : std::string("active");
  const std::string hidden = "(partly another organisation's)";
  return {base::short_hash(record.content_hash),
          std::string(to_string(record.kind)),
          listed.whole ? std::to_string(record.rows) : std::string("-"),
          listed.whole ? record.source : hidden,
          document.recorded_at,
          listed.whole ? document.actor : std::string("-"),
          status};
}

}  // namespace fms::report
