// Japanese fiscal years named as the people who run the cases count them: JFY2025 is 令和7年度
// ("Reiwa 7"). The era table is reference data (refdata/eras.json), so a new era is a data
// change.
//
// Era years count from the calendar year the era began (year 1, written 元). Which era names a
// fiscal year that an era change falls in is a convention, so the table says it: each era names
// the fiscal years from its `first_fiscal_year` on. 令和 began on 2019-05-01 and JFY2019 (from
// 2019-04-01) is 令和元年度, as the government names it; 昭和 began on 1926-12-25 and JFY1926
// stayed 大正15年度, so 昭和's first fiscal year is 1927 (昭和2年度).
#pragma once

#include <span>
#include <string>

#include "base/result.h"
#include "core/reference_data.h"

namespace fms {

struct JapaneseFiscalYearName {
  std::string japanese;  // "令和7年度", "令和元年度"
  std::string romaji;    // "Reiwa 7", "Reiwa 1"
};

// `eras` sorted by first_fiscal_year. An error when `jfy` comes before the first era's first
// fiscal year.
Result<JapaneseFiscalYearName> japanese_fiscal_year_name(std::span<const JapaneseEra> eras,
                                                         int jfy);

}  // namespace fms
