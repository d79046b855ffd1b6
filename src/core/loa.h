// The Letter of Offer and Acceptance (LOA) as fmsledger models it.
//
// A case is a sequence of immutable documents ("versions"): the Basic LOA (version 0), then
// Amendments and Modifications numbered on one shared sequence (version 1, 2, ...), as the
// Defense Security Assistance Management System numbers them. Every version is a complete
// restatement of the case as it stands after that document: all its lines, notes, the
// estimated cost summary and the payment schedule. Differences between versions are derived
// by comparing two restatements, never stored as deltas.
//  - An Amendment changes scope (adds lines, changes quantities or what a line buys) and needs
//    the purchaser's acceptance by its own Offer Expiration Date (OED).
//  - A Modification may not change scope: price, schedule and administrative changes only; it
//    is implemented without purchaser acceptance (acknowledgement at most).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/case_id.h"
#include "core/civil_date.h"
#include "core/money.h"

namespace fms {

enum class DocumentKind { basic, amendment, modification };
std::string_view to_string(DocumentKind kind);  // "basic", "amendment", "modification"
Result<DocumentKind> document_kind_from_string(std::string_view text);
// "Basic LOA", "Amendment 2", "Modification 3"
std::string document_label(DocumentKind kind, int version);

// How a line is priced: articles by quantity x unit cost, or services as a lump sum over
// a number of months of service (MOS).
enum class LinePricing { per_unit, lump_sum };

// One priced line of the LOA: what is bought (MASL generic code + number + description), how
// much, under which Type of Assistance and Source of Supply, how it ships (Offer/Release and
// Delivery Term Codes) and at which administrative surcharge rate (locked at acceptance).
struct LoaLine {
  std::string number;        // "001", sub-line "001a"
  std::string generic_code;  // 3-character MASL generic code, e.g. "2DA"
  std::string masl;          // MASL number (13 characters; the NSN when the item has one)
  std::string description;
  LinePricing pricing = LinePricing::per_unit;
  std::int64_t quantity = 0;  // > 0; for lump-sum service lines conventionally 1
  std::string unit_of_issue;  // "EA", "LO" (lot), "SE" (set) ...
  Money unit_cost{0, Currency::usd()};  // per_unit lines
  Money total{0, Currency::usd()};      // quantity x unit cost, or the lump sum
  std::optional<int> months_of_service;  // required for lump-sum lines
  std::string type_of_assistance;  // TA code
  std::string source_of_supply;    // SC code
  std::string offer_release_code;  // ORC
  std::string delivery_term_code;  // DTC
  bool major_defense_equipment = false;    // MDE
  bool significant_military_equipment = false;  // SME
  bool design_and_construction = false;    // counts toward the 36(b) D&C threshold
  std::optional<int> availability_months_from;  // estimated availability, months after acceptance
  std::optional<int> availability_months_to;
  std::int64_t admin_surcharge_basis_points = 0;  // locked at the line's acceptance
  std::vector<std::string> note_references;      // note numbers that govern the line
};

struct LoaNote {
  std::string number;  // "1", "2" ... as printed
  std::string title;
  std::string text;
};

// The "below the line" summary; the parts must add up to the total to the cent, and the net
// estimated cost must equal the sum of the line totals.
struct CostSummary {
  Money net_estimated_cost{0, Currency::usd()};
  Money packing_crating_handling{0, Currency::usd()};
  Money transportation{0, Currency::usd()};
  Money administrative_surcharge{0, Currency::usd()};
  Money other{0, Currency::usd()};
  Money total{0, Currency::usd()};
};

struct PaymentInstallment {
  CivilDate due_date;  // 15 Mar / 15 Jun / 15 Sep / 15 Dec
  Money amount{0, Currency::usd()};
};

// Initial deposit (due with acceptance) plus quarterly installments; deposit + installments
// equal the cost summary total.
struct PaymentSchedule {
  Money initial_deposit{0, Currency::usd()};
  std::vector<PaymentInstallment> installments;
};

// The AECA 36(b) congressional notification the case was offered under, where there was one.
struct NotificationReference {
  std::string transmittal;  // "23-84"
  CivilDate notified_on;
  Money notified_value{0, Currency::usd()};
  Money notified_mde_value{0, Currency::usd()};
};

struct LoaVersion {
  CaseId case_id;
  DocumentKind kind = DocumentKind::basic;
  int version = 0;  // 0 for the Basic LOA, then 1, 2, ... across amendments and modifications
  std::string title;       // short case description, e.g. "Tomahawk Block IV/V and TTWCS"
  std::string purchaser;   // organisation, e.g. "Japan Ministry of Defense (ATLA)"
  std::string purpose;     // why this document exists / what it changes (required)
  std::string terms_of_sale;  // code from reference data, e.g. "cash-prior-to-delivery"
  Currency currency = Currency::usd();
  CivilDate offer_date;
  std::optional<CivilDate> offer_expiration_date;  // basic and amendment
  std::optional<CivilDate> acceptance_date;        // basic and amendment, when signed
  CivilDate effective_date;  // acceptance (basic/amendment) or implementation (modification)
  std::vector<LoaLine> lines;
  std::vector<LoaNote> notes;
  CostSummary cost_summary;
  PaymentSchedule payment_schedule;
  std::optional<NotificationReference> notification;
  std::string provenance;  // where the figures come from; says "illustrative" where invented
};

}  // namespace fms
