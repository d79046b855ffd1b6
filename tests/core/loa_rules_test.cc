// Tests of the LOA rules (core/loa_rules.h) and the document-kind names (core/loa.h).
// Every test starts from one valid Basic LOA built in code, breaks exactly one thing, and
// asserts the JSON Pointer and the key words of the violation. The reference data is built
// in tests/support/test_reference.h, so the tests do not depend on the shipped refdata/ tables.
#include "core/loa_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_id.h"
#include "core/loa.h"
#include "core/reference_data.h"
#include "support/test_reference.h"

namespace fms {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money usd(std::int64_t cents) {
  return Money(cents, Currency::usd());
}

using test_support::code;
using test_support::day;

const ReferenceData& reference() { return test_support::test_reference(); }

LoaLine per_unit_line(std::string number, std::int64_t quantity, std::int64_t unit_cost_cents) {
  LoaLine line;
  line.number = std::move(number);
  line.generic_code = "2DA";
  line.masl = "1410012345678";
  line.description = "Guided missile";
  line.pricing = LinePricing::per_unit;
  line.quantity = quantity;
  line.unit_of_issue = "EA";
  line.unit_cost = usd(unit_cost_cents);
  line.total = usd(unit_cost_cents * quantity);
  line.type_of_assistance = "5";
  line.source_of_supply = "P";
  line.offer_release_code = "Z";
  line.delivery_term_code = "4";
  line.major_defense_equipment = true;
  line.significant_military_equipment = true;
  line.admin_surcharge_basis_points = 320;
  return line;
}

// Net cost = sum of lines, total = sum of parts, deposit = total - installments.
void recompute_totals(LoaVersion& version) {
  std::int64_t net = 0;
  for (const LoaLine& line : version.lines) net += line.total.minor_units();
  CostSummary& cost = version.cost_summary;
  cost.net_estimated_cost = usd(net);
  cost.total =
      usd(net + cost.packing_crating_handling.minor_units() + cost.transportation.minor_units() +
          cost.administrative_surcharge.minor_units() + cost.other.minor_units());
  std::int64_t installments = 0;
  for (const PaymentInstallment& i : version.payment_schedule.installments) {
    installments += i.amount.minor_units();
  }
  version.payment_schedule.initial_deposit = usd(cost.total.minor_units() - installments);
}

// A valid Basic LOA: three lines (per-unit procurement, lump-sum service, stock sale).
LoaVersion valid_basic() {
  LoaVersion v;
  v.case_id = CaseId::parse("JA-P-AMA", reference()).value();
  v.kind = DocumentKind::basic;
  v.version = 0;
  v.title = "Test missiles";
  v.purchaser = "Japan Ministry of Defense";
  v.purpose = "Initial offer";
  v.terms_of_sale = "cash-prior-to-delivery";
  v.offer_date = day(2024, 1, 10);
  v.offer_expiration_date = day(2024, 4, 4);
  v.acceptance_date = day(2024, 2, 20);
  v.effective_date = day(2024, 2, 20);
  v.lines.push_back(per_unit_line("001", 200, 500000));  // 1,000,000.00
  LoaLine service = per_unit_line("002", 1, 0);
  service.generic_code = "R7Z";
  service.masl = "R7ZTRAINING";
  service.description = "Training";
  service.pricing = LinePricing::lump_sum;
  service.unit_of_issue = "LO";
  service.total = usd(25000000);
  service.months_of_service = 24;
  service.major_defense_equipment = false;
  service.significant_military_equipment = false;
  v.lines.push_back(service);
  LoaLine stock = per_unit_line("003", 10, 150000);  // 15,000.00
  stock.type_of_assistance = "3";
  stock.source_of_supply = "S";
  stock.unit_of_issue = "SE";
  stock.availability_months_from = 12;
  stock.availability_months_to = 24;
  stock.note_references = {"1"};
  v.lines.push_back(stock);
  v.notes.push_back({"1", "Administrative surcharge", "The rate is 3.2 percent."});
  v.cost_summary.packing_crating_handling = usd(1000000);
  v.cost_summary.transportation = usd(500000);
  v.cost_summary.administrative_surcharge = usd(4048000);
  v.cost_summary.other = usd(0);
  v.payment_schedule.installments = {{day(2024, 6, 15), usd(50000000)},
                                     {day(2024, 9, 15), usd(50000000)}};
  recompute_totals(v);
  v.provenance = "illustrative test data";
  return v;
}

// The next version: same lines, one version later, signed later.
LoaVersion next_of(const LoaVersion& previous, DocumentKind kind) {
  LoaVersion next = previous;
  next.kind = kind;
  next.version = previous.version + 1;
  next.purpose = "Follow-on document";
  next.offer_date = day(2024, 8, 1);
  if (kind == DocumentKind::modification) {
    next.offer_expiration_date.reset();
    next.acceptance_date.reset();
  } else {
    next.offer_expiration_date = day(2024, 10, 25);
    next.acceptance_date = day(2024, 9, 1);
  }
  next.effective_date = day(2024, 9, 1);
  return next;
}

std::string dump(const std::vector<RuleViolation>& violations) {
  std::string out;
  for (const RuleViolation& v : violations) out += v.location + ": " + v.message + "\n";
  return out;
}

// Messages reported at exactly `location`.
std::vector<std::string> at(const std::vector<RuleViolation>& violations,
                            std::string_view location) {
  std::vector<std::string> out;
  for (const RuleViolation& v : violations) {
    if (v.location == location) out.push_back(v.message);
  }
  return out;
}

// --- document kinds ---------------------------------------------------------------------

TEST(DocumentKindTest, NamesAndLabels) {
  EXPECT_EQ(to_string(DocumentKind::basic), "basic");
  EXPECT_EQ(to_string(DocumentKind::amendment), "amendment");
  EXPECT_EQ(to_string(DocumentKind::modification), "modification");
  EXPECT_EQ(document_label(DocumentKind::basic, 0), "Basic LOA");
  EXPECT_EQ(document_label(DocumentKind::amendment, 2), "Amendment 2");
  EXPECT_EQ(document_label(DocumentKind::modification, 3), "Modification 3");
}

TEST(DocumentKindTest, ParsesKnownKindsAndRejectsOthers) {
  for (DocumentKind kind :
       {DocumentKind::basic, DocumentKind::amendment, DocumentKind::modification}) {
    Result<DocumentKind> parsed = document_kind_from_string(to_string(kind));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, kind);
  }
  Result<DocumentKind> bad = document_kind_from_string("Amendment");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);
  EXPECT_THAT(bad.error().message, HasSubstr("\"Amendment\""));
}

// --- check_version ----------------------------------------------------------------------

TEST(CheckVersionTest, ValidBasicHasNoViolations) {
  EXPECT_THAT(check_version(valid_basic(), reference()), IsEmpty())
      << dump(check_version(valid_basic(), reference()));
}

TEST(CheckVersionTest, LineTotalMustBeQuantityTimesUnitCost) {
  LoaVersion v = valid_basic();
  v.lines[0] = per_unit_line("001", 3, 300);
  v.lines[0].total = usd(1000);
  v.payment_schedule.installments.clear();  // the deposit covers the now smaller total
  recompute_totals(v);
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/0/total"),
              ElementsAre("total USD 10.00 does not equal quantity 3 x unit cost USD 3.00 = "
                          "USD 9.00"))
      << dump(violations);
  EXPECT_EQ(violations.size(), 1u) << dump(violations);
}

TEST(CheckVersionTest, NetEstimatedCostMustEqualSumOfLines) {
  LoaVersion v = valid_basic();
  v.cost_summary.net_estimated_cost = usd(v.cost_summary.net_estimated_cost.minor_units() + 1);
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/cost_summary/net_estimated_cost"),
              ElementsAre("net estimated cost USD 1,265,000.01 does not equal the sum of line "
                          "totals USD 1,265,000.00"))
      << dump(violations);
  // The parts no longer add up to the total either.
  EXPECT_THAT(at(violations, "/cost_summary/total"), ElementsAre(HasSubstr("sum of its parts")));
}

TEST(CheckVersionTest, CostSummaryPartsMustAddUpToTotal) {
  LoaVersion v = valid_basic();
  v.cost_summary.transportation = usd(500001);
  const auto violations = check_version(v, reference());
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].location, "/cost_summary/total");
  EXPECT_THAT(violations[0].message,
              HasSubstr("total USD 1,320,480.00 does not equal the sum of its parts USD "
                        "1,320,480.01"));
}

TEST(CheckVersionTest, PaymentScheduleMustEqualTotal) {
  LoaVersion v = valid_basic();
  v.payment_schedule.installments[1].amount = usd(49999999);
  const auto violations = check_version(v, reference());
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].location, "/payment_schedule");
  EXPECT_THAT(violations[0].message, HasSubstr("initial deposit USD 320,480.00"));
  EXPECT_THAT(violations[0].message,
              HasSubstr("= USD 1,320,479.99 does not equal the cost summary total USD "
                        "1,320,480.00"));
}

TEST(CheckVersionTest, InstallmentsFallOnBillingDaysInIncreasingOrder) {
  LoaVersion v = valid_basic();
  v.payment_schedule.installments[0].due_date = day(2024, 6, 30);
  v.payment_schedule.installments.push_back({day(2024, 6, 15), usd(0)});
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/payment_schedule/installments/0/due"),
              ElementsAre(HasSubstr("2024-06-30 is not a quarterly billing day")))
      << dump(violations);
  EXPECT_THAT(at(violations, "/payment_schedule/installments/2/due"),
              ElementsAre(HasSubstr("2024-06-15 is not after the previous installment's due "
                                    "date 2024-09-15")))
      << dump(violations);
}

TEST(CheckVersionTest, AcceptanceNotAfterOfferExpiration) {
  LoaVersion v = valid_basic();
  v.offer_date = day(2024, 1, 1);
  v.offer_expiration_date = day(2024, 2, 24);
  v.acceptance_date = day(2024, 3, 1);
  v.effective_date = day(2024, 3, 1);
  const auto violations = check_version(v, reference());
  EXPECT_THAT(
      at(violations, "/dates/acceptance"),
      ElementsAre(HasSubstr("acceptance 2024-03-01 is after the offer expiration date 2024-02-24")))
      << dump(violations);
}

TEST(CheckVersionTest, DatesInOrder) {
  LoaVersion v = valid_basic();
  v.offer_expiration_date = day(2024, 1, 10);  // same day as the offer
  v.acceptance_date = day(2024, 1, 9);
  v.effective_date = day(2024, 1, 9);
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/dates/offer_expiration"),
              ElementsAre(HasSubstr("is not after the offer date 2024-01-10")));
  EXPECT_THAT(at(violations, "/dates/acceptance"),
              ElementsAre(HasSubstr("acceptance 2024-01-09 is before the offer date")));
  EXPECT_THAT(at(violations, "/dates/effective"),
              ElementsAre(HasSubstr("effective date 2024-01-09 is before the offer date")));
}

TEST(CheckVersionTest, BasicNeedsOfferExpirationAndModificationHasNone) {
  LoaVersion basic = valid_basic();
  basic.offer_expiration_date.reset();
  basic.acceptance_date.reset();
  EXPECT_THAT(at(check_version(basic, reference()), "/dates/offer_expiration"),
              ElementsAre(HasSubstr("required on a Basic LOA")));

  LoaVersion modification = next_of(valid_basic(), DocumentKind::modification);
  modification.offer_expiration_date = day(2024, 10, 1);
  modification.acceptance_date = day(2024, 9, 1);
  const auto violations = check_version(modification, reference());
  EXPECT_THAT(at(violations, "/dates/offer_expiration"),
              ElementsAre(HasSubstr("a modification has no offer expiration date")));
  EXPECT_THAT(at(violations, "/dates/acceptance"),
              ElementsAre(HasSubstr("a modification has no acceptance date")));
}

TEST(CheckVersionTest, BasicIsVersionZero) {
  LoaVersion v = valid_basic();
  v.version = 2;
  EXPECT_THAT(at(check_version(v, reference()), "/document/version"),
              ElementsAre("a Basic LOA is version 0, got version 2"));
  LoaVersion amendment = next_of(valid_basic(), DocumentKind::amendment);
  amendment.version = 0;
  EXPECT_THAT(
      at(check_version(amendment, reference()), "/document/version"),
      ElementsAre("an amendment is numbered 1 or more (the Basic LOA is version 0), got 0"));
}

TEST(CheckVersionTest, UnknownCodesAreNamed) {
  LoaVersion v = valid_basic();
  v.lines[0].type_of_assistance = "Q";
  v.lines[1].source_of_supply = "W";
  v.lines[1].offer_release_code = "B";
  v.lines[2].delivery_term_code = "6";
  v.lines[2].unit_of_issue = "XX";
  v.terms_of_sale = "barter";
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/0/type_of_assistance"),
              ElementsAre(HasSubstr("unknown Type of Assistance (TA) code \"Q\"; known codes: "
                                    "3, 5, N")))
      << dump(violations);
  EXPECT_THAT(at(violations, "/lines/1/source_of_supply"),
              ElementsAre(HasSubstr("unknown Source of Supply (SC) code \"W\"")));
  EXPECT_THAT(at(violations, "/lines/1/offer_release_code"),
              ElementsAre(HasSubstr("unknown Offer/Release Code (ORC) \"B\"")));
  EXPECT_THAT(at(violations, "/lines/2/delivery_term_code"),
              ElementsAre(HasSubstr("unknown Delivery Term Code (DTC) \"6\"")));
  EXPECT_THAT(at(violations, "/lines/2/unit_of_issue"),
              ElementsAre(HasSubstr("unknown unit of issue \"XX\"")));
  EXPECT_THAT(at(violations, "/terms_of_sale"),
              ElementsAre(HasSubstr("unknown terms of sale code \"barter\"")));
  EXPECT_EQ(violations.size(), 6u) << dump(violations);
}

TEST(CheckVersionTest, SourceOfSupplyMustBeValidForTypeOfAssistance) {
  LoaVersion v = valid_basic();
  v.lines[0].source_of_supply = "S";  // TA 5 is new procurement: only P
  v.lines[2].source_of_supply = "E";  // TA 3 allows S, R, E
  const auto violations = check_version(v, reference());
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].location, "/lines/0/source_of_supply");
  EXPECT_EQ(violations[0].message,
            "Source of Supply \"S\" is not valid for Type of Assistance \"5\"; valid sources: P");
}

TEST(CheckVersionTest, TypeOfAssistanceWithoutSourceListAcceptsAnyKnownSource) {
  LoaVersion v = valid_basic();
  v.lines[0].type_of_assistance = "N";
  v.lines[0].source_of_supply = "X";
  EXPECT_THAT(check_version(v, reference()), IsEmpty());
}

TEST(CheckVersionTest, LineNumbersUniqueAndWellFormed) {
  LoaVersion v = valid_basic();
  v.lines[2].number = "001";
  v.lines[1].number = "01";
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/2/number"),
              ElementsAre("line number 001 is used more than once (first at /lines/0)"))
      << dump(violations);
  EXPECT_THAT(at(violations, "/lines/1/number"), ElementsAre(HasSubstr("not well formed")));

  LoaVersion sub_lines = valid_basic();
  sub_lines.lines[1].number = "001a";
  EXPECT_THAT(check_version(sub_lines, reference()), IsEmpty());
  sub_lines.lines[1].number = "000";
  EXPECT_THAT(at(check_version(sub_lines, reference()), "/lines/1/number"),
              ElementsAre(HasSubstr("not well formed")));
}

TEST(CheckVersionTest, NoteReferencesMustExistAndNoteNumbersBeUnique) {
  LoaVersion v = valid_basic();
  v.lines[0].note_references = {"1", "7"};
  v.notes.push_back({"1", "Again", "Duplicate number"});
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/0/notes/1"),
              ElementsAre("line 001 refers to note 7, which is not among the document's notes"))
      << dump(violations);
  EXPECT_THAT(at(violations, "/notes/1/number"),
              ElementsAre(HasSubstr("note number 1 is used more than once")));
  EXPECT_EQ(violations.size(), 2u) << dump(violations);
}

TEST(CheckVersionTest, QuantityMustBePositive) {
  LoaVersion v = valid_basic();
  v.lines[0].quantity = 0;
  v.lines[2].quantity = -3;
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/0/quantity"),
              ElementsAre("quantity must be greater than zero, got 0"));
  EXPECT_THAT(at(violations, "/lines/2/quantity"),
              ElementsAre("quantity must be greater than zero, got -3"));
}

TEST(CheckVersionTest, NegativeAmountsRefused) {
  LoaVersion v = valid_basic();
  v.cost_summary.other = usd(-500);
  recompute_totals(v);
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/cost_summary/other"),
              ElementsAre("amounts must not be negative, got USD -5.00"))
      << dump(violations);
  EXPECT_EQ(violations.size(), 1u) << dump(violations);
}

TEST(CheckVersionTest, LumpSumLineNeedsMonthsOfService) {
  LoaVersion v = valid_basic();
  v.lines[1].months_of_service.reset();
  EXPECT_THAT(at(check_version(v, reference()), "/lines/1/months_of_service"),
              ElementsAre(HasSubstr("lump-sum line needs its months of service")));
  v.lines[1].months_of_service = 0;
  EXPECT_THAT(at(check_version(v, reference()), "/lines/1/months_of_service"),
              ElementsAre(HasSubstr("greater than zero, got 0")));
}

TEST(CheckVersionTest, AvailabilityFromNotAfterTo) {
  LoaVersion v = valid_basic();
  v.lines[2].availability_months_from = 30;
  EXPECT_THAT(at(check_version(v, reference()), "/lines/2/availability/from_months"),
              ElementsAre("availability from 30 months is after to 24 months"));
  v.lines[2].availability_months_to.reset();
  EXPECT_THAT(at(check_version(v, reference()), "/lines/2/availability"),
              ElementsAre(HasSubstr("needs both")));
}

TEST(CheckVersionTest, LineFieldShapes) {
  LoaVersion v = valid_basic();
  v.lines[0].generic_code = "2D";
  v.lines[0].masl = std::string(21, 'M');
  v.lines[0].description.clear();
  v.title.clear();
  const auto violations = check_version(v, reference());
  EXPECT_THAT(at(violations, "/lines/0/generic_code"), ElementsAre(HasSubstr("3 characters")));
  EXPECT_THAT(at(violations, "/lines/0/masl"), ElementsAre(HasSubstr("1 to 20 characters")));
  EXPECT_THAT(at(violations, "/lines/0/description"), ElementsAre(HasSubstr("must not be empty")));
  EXPECT_THAT(at(violations, "/title"), ElementsAre(HasSubstr("must not be empty")));
}

TEST(CheckVersionTest, BasicSurchargeRateIsTheRateOnAcceptance) {
  LoaVersion v = valid_basic();
  v.lines[0].admin_surcharge_basis_points = 350;
  EXPECT_THAT(at(check_version(v, reference()), "/lines/0/admin_surcharge_rate"),
              ElementsAre("admin surcharge rate 3.50% is not the rate in force on the acceptance "
                          "date 2024-02-20 (3.20%)"));

  // Unsigned: the offer date decides. Offered in May 2018, before the 3.2% rate.
  LoaVersion unsigned_basic = valid_basic();
  unsigned_basic.offer_date = day(2018, 5, 1);
  unsigned_basic.offer_expiration_date = day(2018, 7, 25);
  unsigned_basic.acceptance_date.reset();
  unsigned_basic.effective_date = day(2018, 5, 1);
  unsigned_basic.payment_schedule.installments = {{day(2018, 6, 15), usd(100000000)}};
  recompute_totals(unsigned_basic);
  EXPECT_THAT(at(check_version(unsigned_basic, reference()), "/lines/0/admin_surcharge_rate"),
              ElementsAre(HasSubstr("not the rate in force on the offer date 2018-05-01 (3.50%)")));
  for (LoaLine& line : unsigned_basic.lines) line.admin_surcharge_basis_points = 350;
  EXPECT_THAT(check_version(unsigned_basic, reference()), IsEmpty())
      << dump(check_version(unsigned_basic, reference()));
}

TEST(CheckVersionTest, LaterVersionRateMustHaveExisted) {
  LoaVersion v = next_of(valid_basic(), DocumentKind::amendment);
  v.lines[0].admin_surcharge_basis_points = 350;  // an older, locked rate: fine here
  EXPECT_THAT(check_version(v, reference()), IsEmpty()) << dump(check_version(v, reference()));
  v.lines[0].admin_surcharge_basis_points = 400;
  EXPECT_THAT(at(check_version(v, reference()), "/lines/0/admin_surcharge_rate"),
              ElementsAre(HasSubstr("4.00% was never in force on or before 2024-09-01")));
}

TEST(CheckVersionTest, DocumentNeedsALine) {
  LoaVersion v = valid_basic();
  v.lines.clear();
  recompute_totals(v);
  EXPECT_THAT(at(check_version(v, reference()), "/lines"),
              ElementsAre(HasSubstr("at least one line")));
}

// --- check_successor --------------------------------------------------------------------

TEST(CheckSuccessorTest, ModificationWithPriceChangesOnlyIsAccepted) {
  const LoaVersion basic = valid_basic();
  LoaVersion modification = next_of(basic, DocumentKind::modification);
  modification.lines[0].unit_cost = usd(510000);
  modification.lines[0].total = usd(std::int64_t{510000} * 200);
  modification.lines[2].availability_months_to = 30;
  recompute_totals(modification);
  EXPECT_THAT(check_version(modification, reference()), IsEmpty())
      << dump(check_version(modification, reference()));
  EXPECT_THAT(check_successor(basic, modification, reference()), IsEmpty())
      << dump(check_successor(basic, modification, reference()));
}

TEST(CheckSuccessorTest, ModificationMayNotAddLine) {
  const LoaVersion basic = valid_basic();
  LoaVersion modification = next_of(basic, DocumentKind::modification);
  modification.lines.push_back(per_unit_line("004", 1, 100));
  recompute_totals(modification);
  const auto violations = check_successor(basic, modification, reference());
  EXPECT_THAT(at(violations, "/lines/3/number"),
              ElementsAre("a modification may not add line 004 (use an amendment)"))
      << dump(violations);
}

TEST(CheckSuccessorTest, ModificationMayNotChangeQuantity) {
  const LoaVersion basic = valid_basic();
  LoaVersion modification = next_of(basic, DocumentKind::modification);
  modification.lines[0] = per_unit_line("001", 250, 500000);
  recompute_totals(modification);
  const auto violations = check_successor(basic, modification, reference());
  ASSERT_EQ(violations.size(), 1u) << dump(violations);
  EXPECT_EQ(violations[0].location, "/lines/0/quantity");
  EXPECT_EQ(violations[0].message,
            "a modification may not change scope: quantity of line 001 changed from 200 to 250 "
            "(use an amendment)");
}

TEST(CheckSuccessorTest, ModificationMayNotChangeWhatALineBuysOrRemoveIt) {
  const LoaVersion basic = valid_basic();
  LoaVersion modification = next_of(basic, DocumentKind::modification);
  modification.lines[0].masl = "1410099999999";
  modification.lines[0].description = "Different missile";
  modification.lines[0].type_of_assistance = "3";
  modification.lines[0].source_of_supply = "S";
  modification.lines.pop_back();
  recompute_totals(modification);
  const auto violations = check_successor(basic, modification, reference());
  EXPECT_THAT(at(violations, "/lines/0/masl"),
              ElementsAre(HasSubstr("MASL of line 001 changed from 1410012345678 to "
                                    "1410099999999")))
      << dump(violations);
  EXPECT_THAT(at(violations, "/lines/0/description"),
              ElementsAre(HasSubstr("may not change scope")));
  EXPECT_THAT(at(violations, "/lines/0/type_of_assistance"),
              ElementsAre(HasSubstr("Type of Assistance of line 001 changed from 5 to 3")));
  EXPECT_THAT(at(violations, "/lines"),
              ElementsAre("a modification may not remove line 003 (use an amendment)"));
}

TEST(CheckSuccessorTest, AmendmentMayChangeScope) {
  const LoaVersion basic = valid_basic();
  LoaVersion amendment = next_of(basic, DocumentKind::amendment);
  amendment.lines[0] = per_unit_line("001", 250, 500000);
  amendment.lines.push_back(per_unit_line("004", 5, 20000));
  amendment.lines.erase(amendment.lines.begin() + 1);  // drops line 002
  recompute_totals(amendment);
  EXPECT_THAT(check_version(amendment, reference()), IsEmpty())
      << dump(check_version(amendment, reference()));
  EXPECT_THAT(check_successor(basic, amendment, reference()), IsEmpty())
      << dump(check_successor(basic, amendment, reference()));
}

TEST(CheckSuccessorTest, VersionsFollowOnInSequence) {
  const LoaVersion basic = valid_basic();
  LoaVersion amendment = next_of(basic, DocumentKind::amendment);
  amendment.version = 2;
  const auto violations = check_successor(basic, amendment, reference());
  EXPECT_THAT(at(violations, "/document/version"),
              ElementsAre("version 2 is out of sequence: the previous version is 0, so the next "
                          "must be 1"))
      << dump(violations);

  LoaVersion second_basic = basic;
  second_basic.version = 1;
  EXPECT_THAT(at(check_successor(basic, second_basic, reference()), "/document/kind"),
              ElementsAre(HasSubstr("a Basic LOA cannot follow Basic LOA")));
}

TEST(CheckSuccessorTest, SameCaseAndNotEffectiveEarlier) {
  const LoaVersion basic = valid_basic();
  LoaVersion modification = next_of(basic, DocumentKind::modification);
  modification.case_id = CaseId::parse("JA-P-AMB", reference()).value();
  modification.effective_date = day(2024, 2, 1);
  const auto violations = check_successor(basic, modification, reference());
  EXPECT_THAT(at(violations, "/case_id"),
              ElementsAre(HasSubstr("case JA-P-AMB does not match the previous version's case "
                                    "JA-P-AMA")));
  EXPECT_THAT(at(violations, "/dates/effective"),
              ElementsAre(HasSubstr("2024-02-01 is before the previous version's effective date "
                                    "2024-02-20")));
}

TEST(CheckSuccessorTest, CarriedOverLinesKeepTheirLockedRateNewLinesTakeTheCurrentOne) {
  // Basic accepted in 2017 at 3.5%; amendment accepted in 2019 when the rate is 3.2%.
  LoaVersion basic = valid_basic();
  basic.offer_date = day(2017, 3, 1);
  basic.offer_expiration_date = day(2017, 5, 25);
  basic.acceptance_date = day(2017, 5, 1);
  basic.effective_date = day(2017, 5, 1);
  basic.payment_schedule.installments = {{day(2017, 6, 15), usd(100000000)}};
  for (LoaLine& line : basic.lines) line.admin_surcharge_basis_points = 350;
  recompute_totals(basic);
  ASSERT_THAT(check_version(basic, reference()), IsEmpty())
      << dump(check_version(basic, reference()));

  LoaVersion amendment = next_of(basic, DocumentKind::amendment);
  amendment.offer_date = day(2019, 1, 10);
  amendment.offer_expiration_date = day(2019, 4, 5);
  amendment.acceptance_date = day(2019, 2, 1);
  amendment.effective_date = day(2019, 2, 1);
  LoaLine added = per_unit_line("004", 2, 10000);
  added.admin_surcharge_basis_points = 320;
  amendment.lines.push_back(added);
  recompute_totals(amendment);
  EXPECT_THAT(check_version(amendment, reference()), IsEmpty())
      << dump(check_version(amendment, reference()));
  EXPECT_THAT(check_successor(basic, amendment, reference()), IsEmpty())
      << dump(check_successor(basic, amendment, reference()));

  LoaVersion repriced = amendment;
  repriced.lines[0].admin_surcharge_basis_points = 320;
  repriced.lines[3].admin_surcharge_basis_points = 350;
  const auto violations = check_successor(basic, repriced, reference());
  EXPECT_THAT(at(violations, "/lines/0/admin_surcharge_rate"),
              ElementsAre("line 001 keeps its locked admin surcharge rate 3.50%, got 3.20%; a "
                          "line's rate is fixed when it is accepted"))
      << dump(violations);
  EXPECT_THAT(at(violations, "/lines/3/admin_surcharge_rate"),
              ElementsAre(HasSubstr("line 004 is new in this version and takes the rate in force "
                                    "on the acceptance date 2019-02-01 (3.20%), got 3.50%")));
}

// --- diff_lines -------------------------------------------------------------------------

TEST(DiffLinesTest, AddedRemovedAndChangedInLineOrder) {
  LoaVersion from = valid_basic();
  from.lines[0] = per_unit_line("001", 200, 500);  // total 1,000.00
  LoaVersion to = from;
  to.lines[0] = per_unit_line("001", 250, 440);  // total 1,100.00
  to.lines[0].admin_surcharge_basis_points = 350;
  to.lines[0].note_references = {"1"};
  to.lines.erase(to.lines.begin() + 1);  // 002 removed
  LoaLine sub_line = per_unit_line("001a", 1, 100);
  to.lines.push_back(per_unit_line("004", 1, 100));
  to.lines.push_back(sub_line);

  const std::vector<LineDifference> differences = diff_lines(from, to);
  ASSERT_EQ(differences.size(), 4u);
  EXPECT_EQ(differences[0].line_number, "001");
  EXPECT_EQ(differences[0].change, "changed");
  EXPECT_THAT(
      differences[0].fields,
      ElementsAre("quantity: 200 -> 250", "unit_cost: 5.00 -> 4.40", "total: 1,000.00 -> 1,100.00",
                  "admin_surcharge_rate: 3.20% -> 3.50%", "notes: none -> 1"));
  EXPECT_EQ(differences[1].line_number, "001a");
  EXPECT_EQ(differences[1].change, "added");
  EXPECT_THAT(differences[1].fields, IsEmpty());
  EXPECT_EQ(differences[2].line_number, "002");
  EXPECT_EQ(differences[2].change, "removed");
  EXPECT_EQ(differences[3].line_number, "004");
  EXPECT_EQ(differences[3].change, "added");
}

TEST(DiffLinesTest, DescribesEveryKindOfField) {
  const LoaVersion from = valid_basic();
  LoaVersion to = from;
  LoaLine& line = to.lines[2];
  line.description = "Spare parts";
  line.delivery_term_code = "9";
  line.major_defense_equipment = false;
  line.availability_months_to = 36;
  LoaLine& service = to.lines[1];
  service.months_of_service = 36;
  service.pricing = LinePricing::per_unit;
  const std::vector<LineDifference> differences = diff_lines(from, to);
  ASSERT_EQ(differences.size(), 2u);
  EXPECT_EQ(differences[0].line_number, "002");
  EXPECT_THAT(differences[0].fields,
              ElementsAre("pricing: lump_sum -> per_unit", "months_of_service: 24 -> 36"));
  EXPECT_EQ(differences[1].line_number, "003");
  EXPECT_THAT(differences[1].fields,
              ElementsAre("description: \"Guided missile\" -> \"Spare parts\"",
                          "delivery_term_code: 4 -> 9", "mde: true -> false",
                          "availability: 12-24 months -> 12-36 months"));
}

TEST(DiffLinesTest, IdenticalVersionsHaveNoDifferences) {
  EXPECT_THAT(diff_lines(valid_basic(), valid_basic()), IsEmpty());
}

}  // namespace
}  // namespace fms
