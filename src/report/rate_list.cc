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

Result<Json> rate_on_json(const ledger::RateBook& book, const std::string& pair,
                          const CivilDate& date) {
  FMS_ASSIGN_OR_RETURN(RatePoint point, book.on(pair, date));
  const ledger::RecordedRate* recorded = book.recorded(pair, point.date);
  const ledger::RatesDocument& document = book.documents()[recorded->document];
  return Json{{"pair", pair},
              {"date", date.to_string()},
              {"rate", point.rate.to_string()},
              {"point_date", point.date.to_string()},
              {"source", point.source},
              {"document", document.content_hash},
              {"document_source", document.source}};
}

}  // namespace fms::report
