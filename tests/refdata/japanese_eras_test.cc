// The Japanese era table in reference data (refdata/eras.json) and the fiscal-year names it gives
// (core/japanese_era.h): 令和7年度 for JFY2025, 元 for an era's first year, a new era by override,
// and a malformed table refused with its location.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/japanese_era.h"
#include "refdata/loader.h"

namespace fms::refdata {
namespace {

using ::testing::HasSubstr;

std::string japanese(const ReferenceData& data, int jfy) {
  const Result<JapaneseFiscalYearName> name = japanese_fiscal_year_name(data.japanese_eras, jfy);
  return name.ok() ? name->japanese : "error: " + name.error().message;
}

TEST(JapaneseEras, TheBuiltInTableNamesFiscalYearsAsTheGovernmentDoes) {
  const Result<ReferenceData> data = load_builtin();
  ASSERT_TRUE(data.ok()) << data.error().message;
  ASSERT_EQ(data->japanese_eras.size(), 3U);
  EXPECT_EQ(japanese(*data, 2025), "令和7年度");
  EXPECT_EQ(japanese(*data, 2027), "令和9年度");
  EXPECT_EQ(japanese(*data, 2019), "令和元年度");  // Reiwa began 2019-05-01, within JFY2019
  EXPECT_EQ(japanese(*data, 2018), "平成30年度");
  EXPECT_EQ(japanese(*data, 1989), "平成元年度");
  EXPECT_EQ(japanese(*data, 1988), "昭和63年度");
  EXPECT_EQ(japanese(*data, 1927), "昭和2年度");  // JFY1926 stayed 大正15年度
  const Result<JapaneseFiscalYearName> reiwa = japanese_fiscal_year_name(data->japanese_eras, 2025);
  ASSERT_TRUE(reiwa.ok());
  EXPECT_EQ(reiwa->romaji, "Reiwa 7");
}

TEST(JapaneseEras, AYearBeforeTheTableIsAnError) {
  const Result<ReferenceData> data = load_builtin();
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(japanese(*data, 1926),
            "error: JFY1926 is before the first fiscal year of the first Japanese era in the "
            "reference data");
}

TEST(JapaneseEras, ANewEraIsAnOverrideNotACodeChange) {
  const Result<ReferenceData> data = load_with_override(R"({"version": "office",
    "japanese_eras": [{"effective_from": "2040-01-01", "name": "新元", "romaji": "Shingen",
      "first_fiscal_year": 2040, "confidence": "unverified"}]})",
                                                        "office.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(japanese(*data, 2039), "令和21年度");
  EXPECT_EQ(japanese(*data, 2040), "新元元年度");
  EXPECT_EQ(japanese(*data, 2041), "新元2年度");
}

// The message refusing an override file "bad.json" that adds one era.
std::string refusal_of_era(const std::string& effective_from, int first_fiscal_year) {
  const Result<ReferenceData> data = load_with_override(
      R"({"version": "bad", "japanese_eras": [{"effective_from": ")" + effective_from +
          R"(", "name": "新元", "romaji": "Shingen", "first_fiscal_year": )" +
          std::to_string(first_fiscal_year) + R"(, "confidence": "unverified"}]})",
      "bad.json");
  return data.ok() ? std::string("accepted") : data.error().message;
}

TEST(JapaneseEras, AFirstFiscalYearOutsideTheEraIsRefusedWithItsLocation) {
  const std::string message = refusal_of_era("2040-06-01", 2042);
  EXPECT_THAT(message, HasSubstr("bad.json"));
  EXPECT_THAT(message, HasSubstr("/japanese_eras/0/first_fiscal_year"));
}

TEST(JapaneseEras, AnEraThatNamesNoLaterYearThanTheOneBeforeIsRefused) {
  // Begun on 2019-12-01 and naming JFY2019 on, like Reiwa (from 2019-05-01) already does.
  const std::string message = refusal_of_era("2019-12-01", 2019);
  EXPECT_THAT(message, HasSubstr("/japanese_eras/0/first_fiscal_year"));
  EXPECT_THAT(message, HasSubstr("2019 is not after 2019"));
}

}  // namespace
}  // namespace fms::refdata
