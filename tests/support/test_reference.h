// A small, fixed set of reference data for unit tests of the LOA rules and parser, so those
// tests depend neither on the shipped refdata/ tables nor on the loader.
#pragma once

#include <string>

#include "core/civil_date.h"
#include "core/reference_data.h"

namespace fms::test_support {

inline CivilDate day(int year, unsigned month, unsigned d) {
  return CivilDate::from_ymd(year, month, d);
}

inline CodeEntry code(const std::string& c) { return CodeEntry{c, "meaning of " + c, "confirmed"}; }

// Japan (NATO+5); Navy; TA 3 (stock), 5 (procurement), N (FMF grant, no source list);
// surcharge 3.5% from 2012-11-01 and 3.2% from 2018-06-01.
inline const ReferenceData& test_reference() {
  static const ReferenceData data = [] {
    ReferenceData r;
    r.version = "test";
    r.customers["JA"] = CustomerEntry{"JA", "Japan", "nato_plus5", "confirmed"};
    r.implementing_agencies["P"] = code("P");
    r.types_of_assistance["3"] = TypeOfAssistanceEntry{"3", "stock", {"S", "R", "E"}, "confirmed"};
    r.types_of_assistance["5"] = TypeOfAssistanceEntry{"5", "procurement", {"P"}, "confirmed"};
    r.types_of_assistance["N"] = TypeOfAssistanceEntry{"N", "FMF grant", {}, "confirmed"};
    for (const char* c : {"S", "P", "R", "X", "E"}) r.sources_of_supply[c] = code(c);
    for (const char* c : {"A", "X", "Z"}) r.offer_release_codes[c] = code(c);
    for (const char* c : {"2", "3", "4", "5", "7", "8", "9"}) r.delivery_term_codes[c] = code(c);
    for (const char* c : {"EA", "LO", "SE"}) r.units_of_issue[c] = code(c);
    r.terms_of_sale["cash-prior-to-delivery"] = code("cash-prior-to-delivery");
    r.admin_surcharge_rates = {{day(2012, 11, 1), 350}, {day(2018, 6, 1), 320}};
    r.offer_expiration_days_default = 85;
    return r;
  }();
  return data;
}

}  // namespace fms::test_support
