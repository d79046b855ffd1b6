// A listed execution document (ledger/execution/document_list.h) as JSON and as a table row, the same for
// the CLI and the API. What a partial view withholds is null.
#pragma once

#include <string>
#include <vector>

#include "ledger/execution/document_list.h"
#include "report/case_views.h"

namespace fms::report {

Json document_json(const ledger::ListedDocument& listed);
// Id, Kind, Rows, Source, Recorded, By, Status.
std::vector<std::string> document_row(const ledger::ListedDocument& listed);

}  // namespace fms::report
