// Tests of the reference-data loader and the look-ups of core/reference_data.h: the built-in
// tables load and say what the domain reference says; an override replaces and adds entries
// and dated rows; every malformed override is refused with the file name and JSON Pointer.
#include "refdata/loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace fms::refdata {
namespace {

CivilDate date(const char* iso) {
  return CivilDate::parse(iso).value();
}

ReferenceData builtin() {
  Result<ReferenceData> loaded = load_builtin();
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
  return loaded.value();
}

// ---- Built-in tables ---------------------------------------------------------------------------

TEST(BuiltinReferenceData, Loads) {
  Result<ReferenceData> loaded = load_builtin();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->version, "2026-11-01");
  EXPECT_EQ(loaded->offer_expiration_days_default, 85);
}

TEST(BuiltinReferenceData, JapanIsConfirmedNatoPlus5) {
  ReferenceData data = builtin();
  Result<CustomerEntry> japan = data.customer("JA");
  ASSERT_TRUE(japan.ok());
  EXPECT_EQ(japan->name, "Japan");
  EXPECT_EQ(japan->notification_group, "nato_plus5");
  EXPECT_EQ(japan->confidence, "confirmed");
}

TEST(BuiltinReferenceData, OtherCustomersAreUnverifiedWithTheirGroups) {
  ReferenceData data = builtin();
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"AT", "nato_plus5"}, {"KS", "nato_plus5"}, {"IS", "nato_plus5"}, {"NZ", "nato_plus5"},
      {"UK", "nato_plus5"}, {"GY", "nato_plus5"}, {"FR", "nato_plus5"}, {"CN", "nato_plus5"},
      {"NE", "nato_plus5"}, {"PL", "nato_plus5"}, {"TW", "other"},      {"SR", "other"}};
  for (const auto& [code, group] : expected) {
    Result<CustomerEntry> entry = data.customer(code);
    ASSERT_TRUE(entry.ok()) << code;
    EXPECT_EQ(entry->notification_group, group) << code;
    EXPECT_EQ(entry->confidence, "unverified") << code;
  }
  EXPECT_EQ(data.customers.size(), expected.size() + 1);
}

TEST(BuiltinReferenceData, CodeListsHaveTheExpectedCodes) {
  ReferenceData data = builtin();
  auto codes = [](const auto& table) {
    std::string out;
    for (const auto& [code, entry] : table) out += (out.empty() ? "" : ",") + code;
    return out;
  };
  EXPECT_EQ(codes(data.implementing_agencies), "B,C,D,F,I,M,P,Q,R,T,U,Z");
  EXPECT_EQ(codes(data.types_of_assistance), "3,4,5,6,7,8,A,M,N,U,V,Z");
  EXPECT_EQ(codes(data.sources_of_supply), "E,F,P,R,S,X");
  EXPECT_EQ(codes(data.offer_release_codes), "A,X,Y,Z");
  EXPECT_EQ(codes(data.delivery_term_codes), "2,3,4,5,7,8,9");
  EXPECT_EQ(codes(data.units_of_issue), "AY,BX,DZ,EA,FT,GL,HR,KT,LB,LO,MO,PG,PR,SE");
  EXPECT_EQ(codes(data.terms_of_sale),
            "cash-prior-to-delivery,cash-with-acceptance,dependable-undertaking,eda-grant,"
            "fms-credit,fms-credit-non-repayable,map-merger,payment-on-delivery");
}

TEST(BuiltinReferenceData, ConfidenceFollowsTheDomainReference) {
  ReferenceData data = builtin();
  EXPECT_EQ(data.implementing_agency("F")->confidence, "confirmed");
  EXPECT_EQ(data.implementing_agency("R")->confidence, "confirmed");
  EXPECT_EQ(data.implementing_agency("P")->confidence, "secondary");
  EXPECT_EQ(data.implementing_agency("Q")->confidence, "unverified");
  EXPECT_EQ(data.offer_release_code("A")->confidence, "confirmed");
  EXPECT_EQ(data.offer_release_code("Z")->confidence, "unverified");
  EXPECT_EQ(data.delivery_term_code("4")->confidence, "confirmed");
  EXPECT_EQ(data.delivery_term_code("9")->confidence, "unverified");
  EXPECT_EQ(data.term_of_sale("cash-prior-to-delivery")->confidence, "confirmed");
}

TEST(BuiltinReferenceData, TypesOfAssistanceCarryValidSources) {
  ReferenceData data = builtin();
  EXPECT_EQ(data.type_of_assistance("3")->valid_sources, (std::vector<std::string>{"E", "R", "S"}));
  EXPECT_EQ(data.type_of_assistance("5")->valid_sources, (std::vector<std::string>{"P"}));
  EXPECT_EQ(data.type_of_assistance("4")->valid_sources, (std::vector<std::string>{"X"}));
  EXPECT_TRUE(data.type_of_assistance("Z")->valid_sources.empty());
}

// ---- Look-ups --------------------------------------------------------------------------------

TEST(ReferenceLookup, UnknownCodeNamesTheListAndTheKnownCodes) {
  ReferenceData data = builtin();
  Result<CodeEntry> missing = data.delivery_term_code("6");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "unknown Delivery Term Code \"6\"; known codes: 2, 3, 4, 5, 7, 8, 9");
  EXPECT_EQ(missing.error().kind, ErrorKind::invalid_input);

  EXPECT_EQ(data.offer_release_code("B").error().message,
            "unknown Offer/Release Code \"B\"; known codes: A, X, Y, Z");
  EXPECT_NE(data.customer("ZZ").error().message.find("unknown customer code \"ZZ\""),
            std::string::npos);
  EXPECT_NE(data.type_of_assistance("9").error().message.find("Type of Assistance"),
            std::string::npos);
  EXPECT_NE(data.source_of_supply("Q").error().message.find("Source of Supply"), std::string::npos);
  EXPECT_NE(data.unit_of_issue("XX").error().message.find("unit of issue"), std::string::npos);
  EXPECT_NE(data.term_of_sale("cash").error().message.find("term of sale"), std::string::npos);
  EXPECT_NE(data.implementing_agency("X").error().message.find("implementing agency"),
            std::string::npos);
}

TEST(ReferenceLookup, SurchargeRateChangesOnItsEffectiveDate) {
  ReferenceData data = builtin();
  struct Case {
    const char* date;
    std::int64_t basis_points;
  };
  const Case cases[] = {
      {"1900-01-01", 200}, {"1977-09-30", 200}, {"1977-10-01", 300}, {"1999-05-31", 300},
      {"1999-06-01", 250}, {"2006-07-31", 250}, {"2006-08-01", 380}, {"2012-10-31", 380},
      {"2012-11-01", 350}, {"2018-05-31", 350}, {"2018-06-01", 320}, {"2024-01-18", 320},
  };
  for (const Case& c : cases) {
    Result<SurchargeRate> rate = data.admin_surcharge_rate_on(date(c.date));
    ASSERT_TRUE(rate.ok()) << c.date;
    EXPECT_EQ(rate->rate_basis_points, c.basis_points) << c.date;
  }
}

TEST(ReferenceLookup, SurchargeRateBeforeTheFirstEffectiveDateIsAnError) {
  ReferenceData data;
  data.admin_surcharge_rates = {{date("2000-01-01"), 250}};
  Result<SurchargeRate> rate = data.admin_surcharge_rate_on(date("1999-12-31"));
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.error().message,
            "no administrative surcharge rate in force on 1999-12-31; the first rate takes "
            "effect on 2000-01-01");
  EXPECT_TRUE(data.admin_surcharge_rate_on(date("2000-01-01")).ok());

  ReferenceData empty;
  EXPECT_FALSE(empty.admin_surcharge_rate_on(date("2000-01-01")).ok());
}

TEST(ReferenceLookup, NotificationThresholdsByGroup) {
  ReferenceData data = builtin();
  Result<NotificationThresholds> nato =
      data.notification_thresholds_on("nato_plus5", date("2023-11-17"));
  ASSERT_TRUE(nato.ok());
  EXPECT_EQ(nato->mde_usd, 25'000'000);
  EXPECT_EQ(nato->articles_services_usd, 100'000'000);
  EXPECT_EQ(nato->design_construction_usd, 300'000'000);
  EXPECT_EQ(nato->review_period_days, 15);

  Result<NotificationThresholds> other =
      data.notification_thresholds_on("other", date("2023-11-17"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->mde_usd, 14'000'000);
  EXPECT_EQ(other->articles_services_usd, 50'000'000);
  EXPECT_EQ(other->design_construction_usd, 200'000'000);
  EXPECT_EQ(other->review_period_days, 30);

  Result<NotificationThresholds> unknown =
      data.notification_thresholds_on("asean", date("2023-11-17"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "unknown AECA 36(b) notification group \"asean\"; known groups: nato_plus5, other");
}

TEST(ReferenceLookup, NotificationThresholdsBeforeTheFirstRowIsAnError) {
  ReferenceData data;
  data.notification_thresholds = {{date("2000-01-01"), "other", 1, 2, 3, 30}};
  Result<NotificationThresholds> none =
      data.notification_thresholds_on("other", date("1999-12-31"));
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("first take effect on 2000-01-01"), std::string::npos);
}

// ---- Overrides that work -----------------------------------------------------------------------

TEST(Override, ReplacesEntriesByCodeAndKeepsTheRest) {
  Result<ReferenceData> data = load_with_override(R"({
    "version": "local-1",
    "delivery_term_codes": [
      {"code": "5", "meaning": "USG delivers to and loads at the port of embarkation",
       "confidence": "confirmed", "source": "MILSTRIP App. 2.5, checked 2027-01-05"}
    ]
  })",
                                                  "site.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->delivery_term_code("5")->confidence, "confirmed");
  EXPECT_EQ(data->delivery_term_codes.size(), 7u);
  EXPECT_EQ(data->delivery_term_code("4")->confidence, "confirmed");
  EXPECT_EQ(data->customers.size(), 13u);
  EXPECT_EQ(data->version, "2026-11-01+local-1");
}

TEST(Override, AddsNewCodes) {
  Result<ReferenceData> data = load_with_override(R"({
    "version": "local-2",
    "customers": [
      {"code": "BE", "name": "Belgium", "notification_group": "nato_plus5",
       "confidence": "secondary"}
    ],
    "delivery_term_codes": [
      {"code": "E", "meaning": "parcel post variant", "confidence": "unverified"}
    ],
    "types_of_assistance": [
      {"code": "3", "meaning": "AECA 21(b) stock sale", "valid_sources": ["S", "R"],
       "confidence": "confirmed"}
    ]
  })",
                                                  "site.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->customer("BE")->name, "Belgium");
  EXPECT_TRUE(data->delivery_term_code("E").ok());
  EXPECT_EQ(data->delivery_term_codes.size(), 8u);
  EXPECT_EQ(data->type_of_assistance("3")->valid_sources, (std::vector<std::string>{"S", "R"}));
}

TEST(Override, DatedRowsReplaceSameDateAndOtherwiseAreAddedInOrder) {
  Result<ReferenceData> data = load_with_override(R"({
    "version": "local-3",
    "admin_surcharge_rates": [
      {"effective_from": "2015-01-01", "rate_basis_points": 340, "confidence": "unverified"},
      {"effective_from": "2018-06-01", "rate_basis_points": 325, "confidence": "unverified"},
      {"effective_from": "2030-10-01", "rate_basis_points": 300, "confidence": "unverified"}
    ]
  })",
                                                  "site.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  const auto& rates = data->admin_surcharge_rates;
  ASSERT_EQ(rates.size(), 8u);
  for (std::size_t i = 1; i < rates.size(); ++i) {
    EXPECT_LT(rates[i - 1].effective_from, rates[i].effective_from);
  }
  EXPECT_EQ(data->admin_surcharge_rate_on(date("2014-12-31"))->rate_basis_points, 350);
  EXPECT_EQ(data->admin_surcharge_rate_on(date("2015-01-01"))->rate_basis_points, 340);
  EXPECT_EQ(data->admin_surcharge_rate_on(date("2018-06-01"))->rate_basis_points, 325);
  EXPECT_EQ(data->admin_surcharge_rate_on(date("2030-09-30"))->rate_basis_points, 325);
  EXPECT_EQ(data->admin_surcharge_rate_on(date("2030-10-01"))->rate_basis_points, 300);
}

TEST(Override, AddsANewThresholdRowForOneGroup) {
  Result<ReferenceData> data = load_with_override(R"({
    "version": "hr3613",
    "notification_thresholds": [
      {"effective_from": "2027-01-01", "group": "nato_plus5", "mde_usd": 30000000,
       "articles_services_usd": 100000000, "design_construction_usd": 300000000,
       "review_period_days": 15, "confidence": "unverified"}
    ],
    "offer_expiration_days_default": {"value": 90, "confidence": "unverified"}
  })",
                                                  "hr3613.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->notification_thresholds.size(), 3u);
  EXPECT_EQ(data->notification_thresholds_on("nato_plus5", date("2026-12-31"))->mde_usd,
            25'000'000);
  EXPECT_EQ(data->notification_thresholds_on("nato_plus5", date("2027-01-01"))->mde_usd,
            30'000'000);
  EXPECT_EQ(data->notification_thresholds_on("other", date("2027-01-01"))->mde_usd, 14'000'000);
  EXPECT_EQ(data->offer_expiration_days_default, 90);
}

TEST(Override, ReplacesAThresholdRowOfTheSameGroupAndDate) {
  Result<ReferenceData> data = load_with_override(R"({
    "version": "crs-2016",
    "notification_thresholds": [
      {"effective_from": "1900-01-01", "group": "nato_plus5", "mde_usd": 25000000,
       "articles_services_usd": 50000000, "design_construction_usd": 300000000,
       "review_period_days": 15, "confidence": "secondary"}
    ]
  })",
                                                  "crs.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->notification_thresholds.size(), 2u);
  EXPECT_EQ(
      data->notification_thresholds_on("nato_plus5", date("2020-01-01"))->articles_services_usd,
      50'000'000);
}

TEST(Override, VersionOnlyChangesNothingElse) {
  Result<ReferenceData> data = load_with_override(R"({"version": "empty"})", "empty.json");
  ASSERT_TRUE(data.ok()) << data.error().message;
  ReferenceData base = builtin();
  EXPECT_EQ(data->customers.size(), base.customers.size());
  EXPECT_EQ(data->admin_surcharge_rates.size(), base.admin_surcharge_rates.size());
}

// ---- Malformed overrides -----------------------------------------------------------------------

struct Malformed {
  const char* name;
  const char* json;
  const char* location;  // what follows "bad.json" in the message: ": /pointer" or ":1:2"
  const char* message;   // a part of the rest of the message
};

class MalformedOverride : public testing::TestWithParam<Malformed> {};

TEST_P(MalformedOverride, IsRefusedNamingFileAndLocation) {
  const Malformed& c = GetParam();
  Result<ReferenceData> data = load_with_override(c.json, "bad.json");
  ASSERT_FALSE(data.ok()) << c.name;
  EXPECT_EQ(data.error().kind, ErrorKind::invalid_input);
  const std::string& message = data.error().message;
  const std::string prefix = std::string("bad.json") + c.location + ": ";
  EXPECT_EQ(message.rfind(prefix, 0), 0u) << message;
  EXPECT_NE(message.find(c.message), std::string::npos) << message;
}

#define DTC(body) R"({"version": "v", "delivery_term_codes": [)" body "]}"
#define RATES(body) R"({"version": "v", "admin_surcharge_rates": [)" body "]}"

const Malformed kMalformed[] = {
    {"syntax", R"({"version": "v",)", ":1:17", "not valid JSON"},
    {"empty", "", ":1:1", "not valid JSON"},
    {"top_level_array", "[]", ": (document root)", "must be a JSON object, got an array"},
    {"missing_version", R"({"customers": []})", ": (document root)",
     "missing required field \"version\""},
    {"version_number", R"({"version": 3})", ": /version", "must be a string, got a number"},
    {"version_characters", R"({"version": "a b"})", ": /version", "may only use"},
    {"unknown_table", R"({"version": "v", "custmers": []})", ": /custmers",
     "unknown field \"custmers\""},
    {"table_not_array", R"({"version": "v", "customers": {}})", ": /customers", "must be an array"},
    {"entry_not_object", R"({"version": "v", "customers": ["JA"]})", ": /customers/0",
     "must be a JSON object, got a string"},
    {"unknown_entry_field", R"({"version": "v", "customers": [{"code": "BE", "nmae": "Belgium"}]})",
     ": /customers/0/nmae", "unknown field \"nmae\""},
    {"missing_entry_field",
     R"({"version": "v", "customers": [{"code": "BE", "name": "Belgium",
        "confidence": "unverified"}]})",
     ": /customers/0", "missing required field \"notification_group\""},
    {"code_wrong_type", DTC(R"({"code": 6, "meaning": "m", "confidence": "unverified"})"),
     ": /delivery_term_codes/0/code", "must be a string"},
    {"code_wrong_form", DTC(R"({"code": "66", "meaning": "m", "confidence": "unverified"})"),
     ": /delivery_term_codes/0/code", "not a valid code"},
    {"customer_code_form",
     R"({"version": "v", "customers": [{"code": "B", "name": "Belgium",
        "notification_group": "nato_plus5", "confidence": "unverified"}]})",
     ": /customers/0/code", "expected 2 characters"},
    {"empty_meaning", DTC(R"({"code": "6", "meaning": "", "confidence": "unverified"})"),
     ": /delivery_term_codes/0/meaning", "must not be empty"},
    {"bad_confidence", DTC(R"({"code": "6", "meaning": "m", "confidence": "probably"})"),
     ": /delivery_term_codes/0/confidence", "must be one of"},
    {"source_wrong_type",
     DTC(R"({"code": "6", "meaning": "m", "confidence": "unverified", "source": 1})"),
     ": /delivery_term_codes/0/source", "must be a string"},
    {"duplicate_code", DTC(R"({"code": "6", "meaning": "m", "confidence": "unverified"},
            {"code": "6", "meaning": "n", "confidence": "unverified"})"),
     ": /delivery_term_codes/1/code",
     "duplicate code \"6\"; already defined at "
     "/delivery_term_codes/0"},
    {"duplicate_json_key",
     DTC(R"({"code": "6", "meaning": "m", "meaning": "n", "confidence": "unverified"})"),
     ": /delivery_term_codes/0/meaning", "field \"meaning\" appears more than once"},
    {"terms_of_sale_not_kebab",
     R"({"version": "v", "terms_of_sale": [{"code": "Cash_Sale", "meaning": "m",
        "confidence": "unverified"}]})",
     ": /terms_of_sale/0/code", "lower-case words"},
    {"rate_as_fraction", RATES(R"({"effective_from": "2030-01-01", "rate_basis_points": 3.2,
               "confidence": "unverified"})"),
     ": /admin_surcharge_rates/0/rate_basis_points", "must be a whole number"},
    {"rate_as_string", RATES(R"({"effective_from": "2030-01-01", "rate_basis_points": "320",
               "confidence": "unverified"})"),
     ": /admin_surcharge_rates/0/rate_basis_points", "must be a whole number, got a string"},
    {"rate_negative", RATES(R"({"effective_from": "2030-01-01", "rate_basis_points": -1,
               "confidence": "unverified"})"),
     ": /admin_surcharge_rates/0/rate_basis_points", "is -1; allowed 0 to 10000"},
    {"rate_bad_date", RATES(R"({"effective_from": "2030-13-01", "rate_basis_points": 300,
               "confidence": "unverified"})"),
     ": /admin_surcharge_rates/0/effective_from", "has month 13"},
    {"rates_unsorted",
     RATES(
         R"({"effective_from": "2030-01-01", "rate_basis_points": 300, "confidence": "unverified"},
              {"effective_from": "2029-01-01", "rate_basis_points": 310, "confidence": "unverified"})"),
     ": /admin_surcharge_rates/1/effective_from", "rows must be in order"},
    {"rates_duplicate_date",
     RATES(
         R"({"effective_from": "2030-01-01", "rate_basis_points": 300, "confidence": "unverified"},
              {"effective_from": "2030-01-01", "rate_basis_points": 310, "confidence": "unverified"})"),
     ": /admin_surcharge_rates/1/effective_from", "duplicate row for effective_from 2030-01-01"},
    {"threshold_negative",
     R"({"version": "v", "notification_thresholds": [{"effective_from": "2030-01-01",
        "group": "other", "mde_usd": -5, "articles_services_usd": 1,
        "design_construction_usd": 1, "review_period_days": 30, "confidence": "unverified"}]})",
     ": /notification_thresholds/0/mde_usd", "allowed 1 to"},
    {"threshold_duplicate_group_and_date",
     R"({"version": "v", "notification_thresholds": [
        {"effective_from": "2030-01-01", "group": "other", "mde_usd": 1,
         "articles_services_usd": 1, "design_construction_usd": 1, "review_period_days": 30,
         "confidence": "unverified"},
        {"effective_from": "2030-01-01", "group": "other", "mde_usd": 2,
         "articles_services_usd": 2, "design_construction_usd": 2, "review_period_days": 30,
         "confidence": "unverified"}]})",
     ": /notification_thresholds/1/effective_from", "duplicate row for group \"other\""},
    {"offer_expiration_boolean",
     R"({"version": "v", "offer_expiration_days_default": {"value": true,
        "confidence": "unverified"}})",
     ": /offer_expiration_days_default/value", "must be a whole number, got a boolean"},
    {"offer_expiration_bare_number", R"({"version": "v", "offer_expiration_days_default": 85})",
     ": /offer_expiration_days_default", "must be a JSON object, got a number"},
    {"valid_sources_not_array",
     R"({"version": "v", "types_of_assistance": [{"code": "3", "meaning": "m",
        "valid_sources": "S", "confidence": "unverified"}]})",
     ": /types_of_assistance/0/valid_sources", "must be an array"},
    {"valid_source_unknown",
     R"({"version": "v", "types_of_assistance": [{"code": "3", "meaning": "m",
        "valid_sources": ["S", "Q"], "confidence": "unverified"}]})",
     ": /types_of_assistance/0/valid_sources/1",
     "Source of Supply \"Q\" is not a known code; known: E, F, P, R, S, X"},
    {"valid_source_twice",
     R"({"version": "v", "types_of_assistance": [{"code": "3", "meaning": "m",
        "valid_sources": ["S", "S"], "confidence": "unverified"}]})",
     ": /types_of_assistance/0/valid_sources/1", "listed twice"},
    {"customer_group_without_thresholds",
     R"({"version": "v", "customers": [{"code": "BE", "name": "Belgium",
        "notification_group": "benelux", "confidence": "unverified"}]})",
     ": /customers/0/notification_group", "group \"benelux\" has no AECA 36(b) thresholds"},
    {"pointer_escapes_slash", R"({"version": "v", "a/b": 1})", ": /a~1b", "unknown field"},
};

#undef DTC
#undef RATES

INSTANTIATE_TEST_SUITE_P(Refdata, MalformedOverride, testing::ValuesIn(kMalformed),
                         [](const testing::TestParamInfo<Malformed>& param_info) {
                           return std::string(param_info.param.name);
                         });

// ---- Override files ----------------------------------------------------------------------------

class OverrideFile : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("fmsledger-refdata-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(OverrideFile, IsReadAndApplied) {
  const std::string path = write("site.json", R"({"version": "file-1", "units_of_issue": [
      {"code": "RL", "meaning": "roll", "confidence": "unverified"}]})");
  Result<ReferenceData> data = load_with_override_file(path);
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->unit_of_issue("RL")->meaning, "roll");
  EXPECT_EQ(data->version, "2026-11-01+file-1");
}

TEST_F(OverrideFile, ErrorsNameThePath) {
  const std::string path = write("broken.json", R"({"version": "v", "units_of_issue": [
      {"code": "rl", "meaning": "roll", "confidence": "unverified"}]})");
  Result<ReferenceData> data = load_with_override_file(path);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().message.rfind(path + ": /units_of_issue/0/code: ", 0), 0u)
      << data.error().message;
}

TEST_F(OverrideFile, MissingFileIsAnIoErrorNamingThePath) {
  const std::string path = (dir_ / "absent.json").string();
  Result<ReferenceData> data = load_with_override_file(path);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.error().kind, ErrorKind::io);
  EXPECT_NE(data.error().message.find("\"" + path + "\""), std::string::npos);
}

TEST_F(OverrideFile, DirectoryIsRefused) {
  Result<ReferenceData> data = load_with_override_file(dir_.string());
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find(dir_.string()), std::string::npos);
}

TEST_F(OverrideFile, OversizedFileIsRefused) {
  const std::string path = write("huge.json", std::string(std::size_t{2} * 1024 * 1024, ' '));
  Result<ReferenceData> data = load_with_override_file(path);
  ASSERT_FALSE(data.ok());
  EXPECT_NE(data.error().message.find("larger than"), std::string::npos);
}

}  // namespace
}  // namespace fms::refdata
