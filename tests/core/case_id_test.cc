// Tests for CaseId: well-formed identifiers parse and print back; each kind of mistake (overall
// shape, customer code, implementing agency, designator) gets an error saying which part is
// wrong; unknown codes list the known ones.
#include "core/case_id.h"

#include <gtest/gtest.h>

#include <string>

#include "refdata/loader.h"

namespace fms {
namespace {

const ReferenceData& reference() {
  static const ReferenceData data = refdata::load_builtin().value();
  return data;
}

std::string error_of(std::string_view text) {
  Result<CaseId> id = CaseId::parse(text, reference());
  EXPECT_FALSE(id.ok()) << text;
  if (id.ok()) return "";
  EXPECT_EQ(id.error().kind, ErrorKind::invalid_input);
  return id.error().message;
}

TEST(CaseId, ParsesTheThreeParts) {
  Result<CaseId> id = CaseId::parse("JA-P-AMA", reference());
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(id->customer(), "JA");
  EXPECT_EQ(id->implementing_agency(), "P");
  EXPECT_EQ(id->designator(), "AMA");
  EXPECT_EQ(id->to_string(), "JA-P-AMA");
}

TEST(CaseId, DesignatorMayHoldDigits) {
  Result<CaseId> id = CaseId::parse("AT-B-7Z9", reference());
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(id->designator(), "7Z9");
  EXPECT_TRUE(CaseId::parse("SR-D-000", reference()).ok());
}

TEST(CaseId, EqualityAndOrderFollowTheText) {
  CaseId a = CaseId::parse("JA-B-AAA", reference()).value();
  CaseId b = CaseId::parse("JA-P-AMA", reference()).value();
  CaseId b2 = CaseId::parse("JA-P-AMA", reference()).value();
  EXPECT_EQ(b, b2);
  EXPECT_NE(a, b);
  EXPECT_LT(a, b);
}

TEST(CaseId, DefaultIsEmpty) {
  CaseId id;
  EXPECT_EQ(id.to_string(), "");
  EXPECT_TRUE(id.customer().empty());
}

TEST(CaseId, UnknownImplementingAgencyListsTheKnownCodes) {
  EXPECT_EQ(error_of("JA-X-AMA"),
            "case identifier \"JA-X-AMA\": implementing agency \"X\" is not a known code; "
            "known: B, C, D, F, I, M, P, Q, R, T, U, Z");
}

TEST(CaseId, UnknownCustomerListsTheKnownCodes) {
  EXPECT_EQ(error_of("ZZ-P-AMA"),
            "case identifier \"ZZ-P-AMA\": customer code \"ZZ\" is not a known code; "
            "known: AT, CN, FR, GY, IS, JA, KS, NE, NZ, PL, SR, TW, UK");
}

TEST(CaseId, DesignatorOfTheWrongLength) {
  EXPECT_EQ(error_of("JA-P-AM"),
            "case identifier \"JA-P-AM\": designator \"AM\" must be 3 characters A-Z or 0-9 "
            "(expected CC-I-DDD, e.g. JA-P-AMA)");
  EXPECT_NE(error_of("JA-P-AMAA").find("designator \"AMAA\" must be 3 characters"),
            std::string::npos);
  EXPECT_NE(error_of("JA-P-").find("designator \"\" must be 3 characters"), std::string::npos);
}

TEST(CaseId, DesignatorWithWrongCharacters) {
  EXPECT_NE(error_of("JA-P-am1").find("designator \"am1\" must be 3 characters A-Z or 0-9"),
            std::string::npos);
  EXPECT_NE(error_of("JA-P-A_A").find("designator \"A_A\""), std::string::npos);
}

TEST(CaseId, CustomerCodeOfTheWrongForm) {
  EXPECT_NE(error_of("ja-P-AMA").find("customer code \"ja\" must be 2 capital letters A-Z"),
            std::string::npos);
  EXPECT_NE(error_of("JAP-P-AMA").find("customer code \"JAP\""), std::string::npos);
  EXPECT_NE(error_of("J1-P-AMA").find("customer code \"J1\""), std::string::npos);
}

TEST(CaseId, ImplementingAgencyOfTheWrongForm) {
  EXPECT_NE(error_of("JA-PP-AMA").find("implementing agency \"PP\" must be 1 capital letter"),
            std::string::npos);
  EXPECT_NE(error_of("JA-p-AMA").find("implementing agency \"p\""), std::string::npos);
  EXPECT_NE(error_of("JA-1-AMA").find("implementing agency \"1\""), std::string::npos);
}

TEST(CaseId, WrongOverallShape) {
  for (const char* text :
       {"", "JAPAMA", "JA-P", "JA-P-AMA-001", "JA P AMA", "JA-P-AMA/001", "-", "--"}) {
    std::string message = error_of(text);
    if (std::string(text) == "JA-P-AMA/001" || std::string(text) == "--") {
      // Three dash-separated parts: the part at fault is named instead.
      EXPECT_NE(message.find("must be"), std::string::npos) << message;
      continue;
    }
    EXPECT_EQ(message,
              "case identifier \"" + std::string(text) + "\": expected CC-I-DDD, e.g. JA-P-AMA")
        << text;
  }
}

TEST(CaseId, LongInputIsCutInTheMessage) {
  std::string text(500, 'A');
  std::string message = error_of(text);
  EXPECT_LT(message.size(), 120u);
  EXPECT_NE(message.find("...\""), std::string::npos);
}

}  // namespace
}  // namespace fms
