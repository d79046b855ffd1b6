// The naming rule of japanese_era.h.
#include "core/japanese_era.h"

namespace fms {

Result<JapaneseFiscalYearName> japanese_fiscal_year_name(std::span<const JapaneseEra> eras,
                                                         int jfy) {
  const JapaneseEra* era = nullptr;
  for (const JapaneseEra& candidate : eras) {
    if (candidate.first_fiscal_year <= jfy) era = &candidate;
  }
  if (era == nullptr) {
    return Error::invalid("JFY" + std::to_string(jfy) +
                          " is before the first fiscal year of the first Japanese era in the "
                          "reference data");
  }
  const int year = jfy - era->effective_from.year() + 1;
  JapaneseFiscalYearName out;
  out.japanese = era->name + (year == 1 ? std::string("元") : std::to_string(year)) + "年度";
  out.romaji = era->romaji + " " + std::to_string(year);
  return out;
}

}  // namespace fms
