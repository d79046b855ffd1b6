#include "report/rate_list.h"

namespace fms::report {

Json rate_list_json(const ledger::RateBook& book, const std::optional<std::string>& pair,
                    const std::optional<CivilDate>& as_of) {
  Json rows = Json::array();
  for (const ledger::RecordedRate& rate : book.points(pair, as_of)) {
    const ledger::RatesDocument& document = book.documents()[rate.document];
    rows.push_back({{"date", rate.point.date.to_string()},
                    {"pair", rate.pair},
                    {"rate", rate.point.rate.to_string()},
                    {"source", rate.point.source},
                    {"document", document.content_hash},
                    {"document_source", document.source}});
  }
  return rows;
}

}  // namespace fms::report
