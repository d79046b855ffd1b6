#!/usr/bin/env python3
"""Generate the fmsledger demo portfolio: examples/cases/<slug>/NN-<kind>.json and examples/demo.json.

    python3 examples/generate_demo.py            # (re)write the files next to this script
    python3 examples/generate_demo.py --check    # only verify that the files on disk are up to date
    python3 examples/generate_demo.py --money    # also print every case's statements and payments

THE FIGURES ARE ILLUSTRATIVE. The demo portfolio is a set of Japan (customer code JA) FMS
cases modelled on public AECA 36(b) notifications (quantities, notified values and dates as
reported in the press and in the Congressional Record; see /work/shared/domain/japan-fms.md
section 6 and each document's "provenance"). Everything else -- case designators, most
transmittal numbers, line breakdowns, MASL generic codes and numbers, unit costs, offer /
acceptance / implementation dates, payment schedules, amendments and modifications -- is
INVENTED for the demo and does not describe the real cases. The one transmittal number that is
public is 22-59 (SM-6 Block I, Congressional Record 14 Nov 2022); all others are illustrative.

Money is handled in integer cents only (no floating point anywhere), so every figure in the
output satisfies the format's arithmetic exactly (docs/formats/loa.md):
  line total = quantity x unit cost; net estimated cost = sum of line totals;
  total = net + PC&H + transportation + administrative surcharge + other;
  initial deposit + installments = total; installments on 15 Mar/Jun/Sep/Dec, increasing.
Below-the-line charges use illustrative percentages (see BELOW_THE_LINE) rounded half-up to
the cent; the administrative surcharge is 3.2% (rate in force since 2018-06-01) of the line
values, rounded half-up to the cent.

The execution history: the delivery listings and receipts (examples/execution/, EXECUTION) are
written by hand; the quarterly DD 645 statements (format 2) and the payments (format 2, with the
yen at the month-end rates of examples/rates/) are generated from those listings, the LOAs and
MONEY, in integer cents, and checked (parts add up, line rows add up, cumulative figures never
decrease, cost within the case value and the payments made, one payment per amount due by its
due date, the deposit paid before implementation except the one override, every line delivered
before supply/services complete). README.md, "The money", describes the rules.

Python 3 standard library only.
"""

import copy
import csv
import datetime
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
FORMAT = "fmsledger.loa/1"
PURCHASER = "Government of Japan, Ministry of Defense (Acquisition, Technology and Logistics Agency)"
OED_DAYS = 85  # Offer Expiration Date = offer + 85 days (25 days USG processing + 60 days review)
SURCHARGE_BP = 320  # 3.2 %, in force for lines accepted on or after 2018-06-01
SURCHARGE_TEXT = "3.2"

# Illustrative below-the-line percentages, as (numerator, denominator) fractions of line value.
BELOW_THE_LINE = {
    # Packing, crating and handling: materiel lines (per_unit) from DoD stock (SC S).
    "pch_stock": (35, 1000),  # 3.5 %
    # Transportation by Delivery Term Code, on materiel lines only (DTC 2 and 4: none charged).
    "transport_by_dtc": {"3": (5, 1000), "5": (75, 10000), "7": (15, 1000), "8": (175, 10000), "9": (2, 100)},
}

# Valid code lists (refdata/codes.json) used for self-checks.
TA_SOURCES = {"3": "SRE", "4": "X", "5": "P", "6": "SRE", "7": "P", "8": "SRE"}
ORC = {"A", "X", "Y", "Z"}
DTC = {"2", "3", "4", "5", "7", "8", "9"}
UI = {"EA", "LO", "SE", "PG", "BX", "KT", "HR", "MO", "DZ", "PR", "AY", "FT", "LB", "GL"}


# ----------------------------------------------------------------------------------------------
# Money (integer cents) and dates


def usd(text):
    """'2,120,000.00' -> 212000000 (cents)."""
    text = text.replace(",", "")
    whole, _, frac = text.partition(".")
    assert len(frac) <= 2 and whole.isdigit() and (frac == "" or frac.isdigit()), text
    return int(whole) * 100 + int(frac.ljust(2, "0") or "0")


def fmt(cents):
    assert isinstance(cents, int) and cents >= 0, cents
    return f"{cents // 100}.{cents % 100:02d}"


def share(amount, fraction):
    """amount x num / den, rounded half up (amount >= 0)."""
    num, den = fraction
    return (amount * num * 2 + den) // (2 * den)


def d(text):
    return datetime.date.fromisoformat(text)


def oed(offer):
    return (d(offer) + datetime.timedelta(days=OED_DAYS)).isoformat()


def quarters(first, last):
    """Billing days (15 Mar/Jun/Sep/Dec) from first to last inclusive."""
    out = []
    day = d(first)
    assert day.day == 15 and day.month in (3, 6, 9, 12), first
    while day <= d(last):
        out.append(day.isoformat())
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 15)
    return out


# ----------------------------------------------------------------------------------------------
# Document building blocks


def per_unit(number, generic_code, masl, description, quantity, unit_of_issue, unit_cost, ta, sc, orc, dtc,
             mde=False, sme=False, availability=None, notes=("1",)):
    return {
        "number": number, "generic_code": generic_code, "masl": masl, "description": description,
        "pricing": "per_unit", "quantity": quantity, "unit_of_issue": unit_of_issue,
        "unit_cost": usd(unit_cost), "type_of_assistance": ta, "source_of_supply": sc,
        "offer_release_code": orc, "delivery_term_code": dtc, "mde": mde, "sme": sme,
        "availability": availability, "notes": list(notes),
    }


def lump_sum(number, generic_code, masl, description, total, months, ta, sc, orc="A", dtc="4", notes=("1",),
             availability=None):
    return {
        "number": number, "generic_code": generic_code, "masl": masl, "description": description,
        "pricing": "lump_sum", "quantity": 1, "unit_of_issue": "LO", "lump_total": usd(total),
        "months_of_service": months, "type_of_assistance": ta, "source_of_supply": sc,
        "offer_release_code": orc, "delivery_term_code": dtc, "mde": False, "sme": False,
        "availability": availability, "notes": list(notes),
    }


def line_total(line):
    if line["pricing"] == "per_unit":
        return line["quantity"] * line["unit_cost"]
    return line["lump_total"]


def avail(from_months, to_months):
    return {"from_months": from_months, "to_months": to_months}


STANDARD_NOTES = [
    {"number": "1", "title": "Administrative surcharge",
     "text": "The FMS administrative surcharge is 3.2 percent of the line values for lines accepted on or "
             "after 1 June 2018. A line keeps the rate in force when it was accepted."},
    {"number": "2", "title": "Contract Administration Services",
     "text": "Contract Administration Services charges are included in the prices of lines supplied from "
             "procurement (Source of Supply P or X), applied to the procurement portion only."},
    {"number": "3", "title": "Estimated prices and availability",
     "text": "Prices and availability periods are United States Government estimates. The purchaser pays "
             "actual cost; availability is stated in months after acceptance."},
]


def cost_summary(lines, other=0):
    net = sum(line_total(line) for line in lines)
    pch = sum(share(line_total(line), BELOW_THE_LINE["pch_stock"]) for line in lines
              if line["pricing"] == "per_unit" and line["source_of_supply"] == "S")
    transport = sum(share(line_total(line), BELOW_THE_LINE["transport_by_dtc"][line["delivery_term_code"]])
                    for line in lines
                    if line["pricing"] == "per_unit" and line["delivery_term_code"] in BELOW_THE_LINE["transport_by_dtc"])
    surcharge = share(net, (SURCHARGE_BP, 10000))
    return {"net_estimated_cost": net, "packing_crating_handling": pch, "transportation": transport,
            "administrative_surcharge": surcharge, "other": other,
            "total": net + pch + transport + surcharge + other}


def allocate(amount, dates, weights):
    """Split amount (cents) over dates in proportion to weights, in whole thousands of dollars;
    the last date takes the remainder (so the parts add up to the cent)."""
    assert len(dates) == len(weights) and dates, (dates, weights)
    total_weight = sum(weights)
    step = 100_000  # USD 1,000.00 in cents
    out, given = [], 0
    for i, (due, weight) in enumerate(zip(dates, weights)):
        part = amount - given if i == len(dates) - 1 else amount * weight // (total_weight * step) * step
        given += part
        out.append({"due": due, "amount": part})
    return out


def schedule(total, deposit, dates, weights):
    return {"initial_deposit": deposit, "installments": allocate(total - deposit, dates, weights)}


def rephase(previous, total, keep_before, dates, weights):
    """Keep the installments due before keep_before (already billed), re-spread the rest."""
    kept = [dict(i) for i in previous["installments"] if i["due"] < keep_before]
    assert all(due >= keep_before for due in dates), (dates, keep_before)
    remaining = total - previous["initial_deposit"] - sum(i["amount"] for i in kept)
    return {"initial_deposit": previous["initial_deposit"], "installments": kept + allocate(remaining, dates, weights)}


def weights_for(dates, profile):
    """profile: {JFY: weight}; a billing day's JFY is April-March."""
    out = []
    for due in dates:
        day = d(due)
        out.append(profile[day.year if day.month >= 4 else day.year - 1])
    return out


# ----------------------------------------------------------------------------------------------
# Rendering


def render_line(line):
    out = {
        "number": line["number"], "generic_code": line["generic_code"], "masl": line["masl"],
        "description": line["description"], "pricing": line["pricing"], "quantity": line["quantity"],
        "unit_of_issue": line["unit_of_issue"],
    }
    if line["pricing"] == "per_unit":
        out["unit_cost"] = fmt(line["unit_cost"])
    out["total"] = fmt(line_total(line))
    if line["pricing"] == "lump_sum":
        out["months_of_service"] = line["months_of_service"]
    out.update({
        "type_of_assistance": line["type_of_assistance"], "source_of_supply": line["source_of_supply"],
        "offer_release_code": line["offer_release_code"], "delivery_term_code": line["delivery_term_code"],
        "mde": line["mde"], "sme": line["sme"],
    })
    if line.get("availability"):
        out["availability"] = dict(line["availability"])
    out["admin_surcharge_rate"] = SURCHARGE_TEXT
    if line["notes"]:
        out["notes"] = list(line["notes"])
    return out


def render(case, doc):
    dates = {"offer": doc["offer"]}
    if doc["kind"] != "modification":
        dates["offer_expiration"] = oed(doc["offer"])
    if doc.get("acceptance"):
        dates["acceptance"] = doc["acceptance"]
    dates["effective"] = doc["effective"]
    summary = doc["cost_summary"]
    out = {
        "format": FORMAT,
        "case_id": case["case_id"],
        "document": {"kind": doc["kind"], "version": doc["version"]},
        "title": case["title"],
        "purchaser": PURCHASER,
        "purpose": doc["purpose"],
        "terms_of_sale": case.get("terms_of_sale", "cash-prior-to-delivery"),
        "currency": "USD",
        "dates": dates,
    }
    if case.get("notification"):
        n = case["notification"]
        out["notification"] = {"transmittal": n["transmittal"], "notified_on": n["notified_on"],
                               "value": fmt(n["value"]), "mde_value": fmt(n["mde_value"])}
    out["lines"] = [render_line(line) for line in doc["lines"]]
    out["notes"] = copy.deepcopy(doc["notes"])
    out["cost_summary"] = {key: fmt(summary[key]) for key in
                           ("net_estimated_cost", "packing_crating_handling", "transportation",
                            "administrative_surcharge", "other", "total")}
    out["payment_schedule"] = {
        "initial_deposit": fmt(doc["schedule"]["initial_deposit"]),
        "installments": [{"due": i["due"], "amount": fmt(i["amount"])} for i in doc["schedule"]["installments"]],
    }
    out["provenance"] = case["provenance"]
    return out


# ----------------------------------------------------------------------------------------------
# Self-checks: the rules of docs/formats/loa.md, so a bad edit here fails before anything is written


def check_document(case, doc, previous):
    where = f"{case['case_id']} v{doc['version']}"
    lines, summary, sched = doc["lines"], doc["cost_summary"], doc["schedule"]
    numbers = [line["number"] for line in lines]
    assert len(numbers) == len(set(numbers)), where
    note_numbers = {note["number"] for note in doc["notes"]}
    assert len(note_numbers) == len(doc["notes"]), where
    for line in lines:
        assert line["quantity"] > 0, where
        assert line["source_of_supply"] in TA_SOURCES[line["type_of_assistance"]], (where, line["number"])
        assert line["offer_release_code"] in ORC and line["delivery_term_code"] in DTC, (where, line["number"])
        assert line["unit_of_issue"] in UI, (where, line["number"])
        assert set(line["notes"]) <= note_numbers, (where, line["number"])
        assert len(line["generic_code"]) == 3 and 1 <= len(line["masl"]) <= 20, (where, line["number"])
        assert not set("OI") & set(line["masl"] + line["generic_code"]), (where, "MASL uses 0/1, never O/I")
        if line["mde"]:
            assert line["sme"], (where, line["number"], "MDE is a subset of SME")
        if line.get("availability"):
            assert line["availability"]["from_months"] <= line["availability"]["to_months"], where
    assert summary["net_estimated_cost"] == sum(line_total(line) for line in lines), where
    assert summary["total"] == sum(summary[k] for k in ("net_estimated_cost", "packing_crating_handling",
                                                        "transportation", "administrative_surcharge", "other")), where
    inst = sched["installments"]
    assert sched["initial_deposit"] + sum(i["amount"] for i in inst) == summary["total"], where
    assert all(i["amount"] > 0 for i in inst), where
    assert all(d(i["due"]).day == 15 and d(i["due"]).month in (3, 6, 9, 12) for i in inst), where
    assert all(a["due"] < b["due"] for a, b in zip(inst, inst[1:])), where
    # dates
    if doc["kind"] == "modification":
        assert not doc.get("acceptance"), where
    else:
        if doc.get("acceptance"):
            assert doc["offer"] <= doc["acceptance"] <= oed(doc["offer"]), where
            assert doc["effective"] == doc["acceptance"], where
    assert doc["effective"] >= doc["offer"], where
    # notification: the LOA stays within the notified values
    n = case.get("notification")
    if n:
        assert summary["total"] <= n["value"], (where, "total above the notified value")
        mde = sum(line_total(line) for line in lines if line["mde"])
        assert mde <= n["mde_value"], (where, "MDE above the notified MDE value")
        assert n["notified_on"] < doc["offer"], where
    # between documents
    if previous is None:
        assert doc["kind"] == "basic" and doc["version"] == 0, where
    else:
        assert doc["kind"] != "basic" and doc["version"] == previous["version"] + 1, where
        assert doc["effective"] >= previous["effective"], where
        if doc["kind"] == "modification":
            frozen = ("number", "quantity", "masl", "generic_code", "description", "pricing", "type_of_assistance")
            before = [tuple(line[k] for k in frozen) for line in previous["lines"]]
            after = [tuple(line[k] for k in frozen) for line in lines]
            assert before == after, (where, "a modification may not change scope")


# ----------------------------------------------------------------------------------------------
# The portfolio


def finish(doc, other=0):
    doc["cost_summary"] = cost_summary(doc["lines"], other)
    return doc


def line_by_number(doc, number):
    return next(line for line in doc["lines"] if line["number"] == number)


def tomahawk():
    case = {
        "slug": "tomahawk", "case_id": "JA-P-TWK",
        "title": "Tomahawk Block IV/V all-up rounds and Tactical Tomahawk Weapon Control Systems",
        "what": "200 RGM-109E Block IV + 200 Block V Tomahawk, 14 TTWCS, support (Navy)",
        "notification": {"transmittal": "23-84", "notified_on": "2023-11-17",
                         "value": usd("2350000000.00"), "mde_value": usd("1900000000.00")},
        "provenance": (
            "Public: DSCA notification of 17 Nov 2023 (up to 200 RGM-109E Block IV and 200 Block V Tomahawk, "
            "14 Tactical Tomahawk Weapon Control Systems, est. USD 2.35 billion, Raytheon); LOA signed 18 Jan 2024; "
            "about JPY 254 billion (about USD 1.7 billion) paid over JFY2025-2027 (Kyodo/Jiji, japan-fms.md sections "
            "2 and 6). Illustrative (invented for the demo): the case designator JA-P-TWK, the transmittal number "
            "23-84 and the notified MDE value, the line breakdown, MASL codes, unit costs, offer and OED dates, "
            "implementation date, payment schedule, Modification 1 and Amendment 2."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Delivery phasing",
         "text": "Block IV all-up rounds are planned for delivery in Japanese fiscal year 2025 and Block V all-up "
                 "rounds in Japanese fiscal years 2026 and 2027 (illustrative phasing)."},
        {"number": "5", "title": "Explosive and classified shipments",
         "text": "All-up rounds, weapon control systems and classified publications ship under Offer/Release "
                 "Code Z: a Notice of Availability is sent and shipment waits for release instructions."},
    ]
    lines = [
        per_unit("001", "T4B", "1410-00-000-TB4", "RGM-109E Tomahawk Block IV all-up round", 200, "EA",
                 "2120000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(14, 26),
                 notes=("1", "2", "3", "4", "5")),
        per_unit("002", "T5B", "1410-00-000-TB5", "RGM-109E Tomahawk Block V all-up round", 200, "EA",
                 "2450000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(27, 50),
                 notes=("1", "2", "3", "4", "5")),
        per_unit("003", "TWC", "1220-00-000-TWC", "Tactical Tomahawk Weapon Control System (TTWCS), shipboard set",
                 14, "SE", "24800000.00", "5", "P", "Z", "4", mde=True, sme=True, availability=avail(12, 30),
                 notes=("1", "2", "3", "5")),
        per_unit("004", "TSP", "1410-00-000-TSP", "Spare and repair parts, missile and weapon control system", 1,
                 "LO", "96500000.00", "3", "S", "A", "4", availability=avail(12, 48), notes=("1", "3")),
        per_unit("005", "TSE", "4935-00-000-TSE",
                 "Support and test equipment, including storage and shipping containers", 1, "LO",
                 "72400000.00", "5", "P", "A", "4", availability=avail(12, 36), notes=("1", "2", "3")),
        lump_sum("006", "TTR", "6910-00-000-TTR", "Operator and maintenance training (United States Navy)",
                 "58750000.00", 36, "3", "S", dtc="2", notes=("1", "3")),
        lump_sum("007", "TTA", "R700-00-000-TTA",
                 "U.S. Government and contractor technical assistance and logistics support services",
                 "128400000.00", 48, "4", "X", notes=("1", "2", "3")),
        per_unit("008", "TPB", "7610-00-000-TPB", "Publications and technical documentation", 1, "LO",
                 "6850000.00", "3", "S", "Z", "4", availability=avail(3, 24), notes=("1", "3", "5")),
    ]
    dates = quarters("2025-06-15", "2028-03-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2023-12-08", "acceptance": "2024-01-18", "effective": "2024-01-18",
        "purpose": "Basic LOA: Tomahawk Block IV and Block V all-up rounds, Tactical Tomahawk Weapon Control "
                   "Systems, spares, support equipment, training, technical assistance and publications to give "
                   "the Japan Maritime Self-Defense Force a long-range stand-off strike capability.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("42000000.00"), dates,
                                 weights_for(dates, {2025: 8, 2026: 9, 2027: 8}))

    mod = copy.deepcopy(basic)
    mod.update(kind="modification", version=1, offer="2025-02-21", acceptance=None, effective="2025-03-14",
               purpose="Modification 1 (USG-initiated; no change in scope): line 002 unit cost rises from "
                       "2,450,000.00 to 2,512,500.00 to cover the Block V production contract price; line 003 "
                       "unit cost falls from 24,800,000.00 to 24,150,000.00 on award of the TTWCS contract "
                       "below estimate; line 002 availability moves 3 months later to follow the contractor's "
                       "production schedule; the payment schedule is re-phased to the contractor payment "
                       "profile (more in JFY2025 for the Block IV deliveries).")
    line_by_number(mod, "002")["unit_cost"] = usd("2512500.00")
    line_by_number(mod, "002")["availability"] = avail(30, 53)
    line_by_number(mod, "003")["unit_cost"] = usd("24150000.00")
    finish(mod)
    mod["schedule"] = rephase(basic["schedule"], mod["cost_summary"]["total"], mod["effective"], dates,
                              weights_for(dates, {2025: 10, 2026: 9, 2027: 7}))

    amd = copy.deepcopy(mod)
    amd.update(kind="amendment", version=2, offer="2025-07-11", acceptance="2025-08-29", effective="2025-08-29",
               purpose="Amendment 2 (purchaser request, scope change): adds line 009, Tomahawk operator and "
                       "maintainer training for the crews of the second and third ships to be fitted, requested "
                       "by the purchaser after the first ship's training; installments from 15 September 2025 "
                       "are re-phased to include it.")
    amd["lines"].append(lump_sum("009", "TTR", "6910-00-000-TT2",
                                 "Additional operator and maintainer training, second and third ships",
                                 "14600000.00", 24, "3", "S", dtc="2", notes=("1", "3")))
    finish(amd)
    later = [q for q in dates if q >= amd["effective"]]
    amd["schedule"] = rephase(mod["schedule"], amd["cost_summary"]["total"], amd["effective"], later,
                              weights_for(later, {2025: 10, 2026: 9, 2027: 7}))

    case["docs"] = [basic, mod, amd]
    case["milestones"] = [("accepted", "2024-01-18", "LOA signed at the Ministry of Defense"),
                          ("implemented", "2024-02-09", "initial deposit received by DFAS; case implemented (illustrative date)")]
    return case


def sm6():
    case = {
        "slug": "sm6-block1", "case_id": "JA-P-SXB",
        "title": "Standard Missile 6 Block I all-up rounds and support",
        "what": "32 SM-6 Block I in two tranches of 16, MK 21 canisters, support (Navy)",
        "notification": {"transmittal": "22-59", "notified_on": "2022-10-20",
                         "value": usd("450000000.00"), "mde_value": usd("340000000.00")},
        "provenance": (
            "Public: AECA 36(b) Transmittal No. 22-59 of 20 Oct 2022 (Navy; Government of Japan; up to 32 SM-6 "
            "Block I with MK 21 VLS canisters, spares, handling equipment, engineering/integration/test, training, "
            "publications and support; est. USD 450 million; Raytheon; delivery in two tranches of 16) - DSCA "
            "release and Congressional Record of 14 Nov 2022. Illustrative (invented for the demo): the case "
            "designator JA-P-SXB, the notified MDE value, the line breakdown, MASL codes, unit costs, all "
            "document dates, the payment schedule, Modification 1 and the supply/services-complete date. "
            "Illustrative situations: the DD 645 of 31 Mar 2026 never reaches the purchaser (statement-missing); "
            "the final statement of account of 30 Sep 2026 leaves a refund of USD 710,975.20 (payments received "
            "USD 369,416,980.00 less total cost USD 368,706,004.80: the second tranche, the canisters and the "
            "handling equipment cost less than the LOA estimates), not yet received (settlement-outstanding)."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Delivery in two tranches",
         "text": "The missiles are delivered in two tranches of 16 (sub-lines 001a and 001b)."},
        {"number": "5", "title": "Explosive and classified shipments",
         "text": "Missiles, canisters and classified publications ship under Offer/Release Code Z."},
    ]
    lines = [
        per_unit("001a", "S6B", "1410-00-000-S6B", "Standard Missile 6 (SM-6) Block I all-up round, first tranche",
                 16, "EA", "9650000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(24, 30),
                 notes=("1", "2", "3", "4", "5")),
        per_unit("001b", "S6B", "1410-00-000-S6B", "Standard Missile 6 (SM-6) Block I all-up round, second tranche",
                 16, "EA", "9650000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(30, 36),
                 notes=("1", "2", "3", "4", "5")),
        per_unit("002", "V21", "1450-00-000-V21", "MK 21 Mod 3 Vertical Launching System canister", 32, "EA",
                 "185000.00", "5", "P", "Z", "4", availability=avail(18, 30), notes=("1", "2", "3", "5")),
        per_unit("003", "SHE", "4935-00-000-SHE", "Canister handling and special test equipment", 1, "LO",
                 "7450000.00", "4", "X", "A", "4", availability=avail(12, 24), notes=("1", "2", "3")),
        per_unit("004", "SSP", "1410-00-000-SSP", "Spare and repair parts", 1, "LO", "4380000.00", "3", "S",
                 "A", "4", availability=avail(12, 30), notes=("1", "3")),
        lump_sum("005", "SET", "R700-00-000-SET", "Engineering, integration and test support for production",
                 "18900000.00", 30, "5", "P", notes=("1", "2", "3")),
        lump_sum("006", "STR", "6910-00-000-STR", "Training and training equipment support", "3250000.00", 24,
                 "3", "S", dtc="2", notes=("1", "3")),
        per_unit("007", "SPB", "7610-00-000-SPB", "Technical publications and data", 1, "LO", "1120000.00", "3",
                 "S", "Z", "4", availability=avail(3, 18), notes=("1", "3", "5")),
        lump_sum("008", "STA", "R700-00-000-STA",
                 "U.S. Government and contractor engineering, technical and logistics support services",
                 "9800000.00", 36, "4", "X", notes=("1", "2", "3")),
    ]
    dates = quarters("2023-06-15", "2025-12-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2022-12-16", "acceptance": "2023-02-24", "effective": "2023-02-24",
        "purpose": "Basic LOA: SM-6 Block I missiles, canisters, handling and test equipment, spares, production "
                   "engineering support, training, publications and technical support for the Japan Maritime "
                   "Self-Defense Force's Aegis-equipped destroyers.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("18000000.00"), dates,
                                 weights_for(dates, {2023: 9, 2024: 10, 2025: 8}))

    mod = copy.deepcopy(basic)
    mod.update(kind="modification", version=1, offer="2024-04-19", acceptance=None, effective="2024-05-10",
               purpose="Modification 1 (USG-initiated; no change in scope): the SM-6 unit cost on sub-lines 001a "
                       "and 001b falls from 9,650,000.00 to 9,410,000.00 after award of the production contract "
                       "below the estimate; sub-line 001b availability moves 3 months later; installments from "
                       "15 June 2024 are re-phased for the lower total.")
    for number in ("001a", "001b"):
        line_by_number(mod, number)["unit_cost"] = usd("9410000.00")
    line_by_number(mod, "001b")["availability"] = avail(33, 39)
    finish(mod)
    later = [q for q in dates if q >= mod["effective"]]
    mod["schedule"] = rephase(basic["schedule"], mod["cost_summary"]["total"], mod["effective"], later,
                              weights_for(later, {2024: 10, 2025: 8}))
    case["docs"] = [basic, mod]
    case["milestones"] = [
        ("accepted", "2023-02-24", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2023-03-24", "initial deposit received by DFAS; case implemented (illustrative date)"),
        ("supply-services-complete", "2026-07-31",
         "all lines delivered or performed; implementing agency's Notice of Supply/Services Completion (illustrative)"),
    ]
    return case


def e2d():
    case = {
        "slug": "e2d", "case_id": "JA-P-HEW",
        "title": "E-2D Advanced Hawkeye airborne early warning and control aircraft",
        "what": "5 E-2D aircraft, spare engines, support, training (Navy)",
        "notification": {"transmittal": "23-19", "notified_on": "2023-03-07",
                         "value": usd("1381000000.00"), "mde_value": usd("1100000000.00")},
        "provenance": (
            "Public: DSCA notification of 7 Mar 2023 (up to five E-2D, est. USD 1.381 billion, Northrop Grumman; "
            "japan-fms.md section 6). Illustrative (invented for the demo): the case designator JA-P-HEW, the "
            "transmittal number 23-19 and the notified MDE value, the line breakdown, MASL codes, unit costs, all "
            "document dates, the payment schedule, Amendment 1 and Modification 2."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Aircraft delivery",
         "text": "Aircraft are delivered at the contractor's facility; the purchaser arranges the ferry flight "
                 "(Delivery Term Code 4)."},
    ]
    lines = [
        per_unit("001", "E2D", "1510-00-000-E2D", "E-2D Advanced Hawkeye airborne early warning and control aircraft",
                 5, "EA", "198500000.00", "5", "P", "Z", "4", mde=True, sme=True, availability=avail(36, 60),
                 notes=("1", "2", "3", "4")),
        per_unit("002", "E2E", "2840-00-000-E2E", "T56-A-427A turboprop engine, spare", 2, "EA", "4350000.00", "5",
                 "P", "A", "4", availability=avail(30, 48), notes=("1", "2", "3")),
        per_unit("003", "E2S", "1560-00-000-E2S", "Airframe and mission system spare and repair parts", 1, "LO",
                 "58400000.00", "3", "S", "A", "4", availability=avail(24, 60), notes=("1", "3")),
        per_unit("004", "E2G", "4920-00-000-E2G", "Support equipment and ground support equipment", 1, "LO",
                 "36250000.00", "5", "P", "A", "4", availability=avail(30, 54), notes=("1", "2", "3")),
        lump_sum("005", "E2T", "6910-00-000-E2T", "Aircrew and maintenance training", "27600000.00", 36, "3", "S",
                 dtc="2", notes=("1", "3")),
        per_unit("006", "E2P", "7610-00-000-E2P", "Publications and technical data", 1, "LO", "4950000.00", "3",
                 "S", "Z", "4", availability=avail(12, 48), notes=("1", "3")),
        lump_sum("007", "E2A", "R700-00-000-E2A",
                 "U.S. Government and contractor engineering, technical and logistics support services",
                 "61300000.00", 60, "4", "X", notes=("1", "2", "3")),
    ]
    dates = quarters("2023-12-15", "2028-06-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2023-06-09", "acceptance": "2023-08-25", "effective": "2023-08-25",
        "purpose": "Basic LOA: five E-2D Advanced Hawkeye aircraft with spare engines, spares, support equipment, "
                   "training, publications and support to expand the Japan Air Self-Defense Force airborne early "
                   "warning fleet.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("60000000.00"), dates,
                                 weights_for(dates, {2023: 4, 2024: 7, 2025: 9, 2026: 8, 2027: 5, 2028: 3}))

    amd = copy.deepcopy(basic)
    amd.update(kind="amendment", version=1, offer="2024-05-17", acceptance="2024-07-26", effective="2024-07-26",
               purpose="Amendment 1 (purchaser request, scope change): increases line 002 from 2 to 3 spare "
                       "engines for an additional purchaser requirement at the second operating base, and adds "
                       "line 008, contractor logistics support for the first 24 months of operation; "
                       "installments from 15 September 2024 are re-phased.")
    line_by_number(amd, "002")["quantity"] = 3
    amd["lines"].append(lump_sum("008", "E2L", "R700-00-000-E2L", "Contractor logistics support, initial 24 months",
                                 "42800000.00", 24, "5", "P", notes=("1", "2", "3")))
    finish(amd)
    later = [q for q in dates if q >= amd["effective"]]
    amd["schedule"] = rephase(basic["schedule"], amd["cost_summary"]["total"], amd["effective"], later,
                              weights_for(later, {2024: 7, 2025: 9, 2026: 8, 2027: 5, 2028: 3}))

    mod = copy.deepcopy(amd)
    mod.update(kind="modification", version=2, offer="2025-10-10", acceptance=None, effective="2025-10-31",
               purpose="Modification 2 (USG-initiated; no change in scope): line 001 unit cost rises from "
                       "198,500,000.00 to 201,750,000.00 on definitization of the production contract; line 001 "
                       "availability slips 4 months (contractor schedule); installments from 15 December 2025 "
                       "are re-phased.")
    line_by_number(mod, "001")["unit_cost"] = usd("201750000.00")
    line_by_number(mod, "001")["availability"] = avail(40, 64)
    finish(mod)
    later = [q for q in dates if q >= mod["effective"]]
    mod["schedule"] = rephase(amd["schedule"], mod["cost_summary"]["total"], mod["effective"], later,
                              weights_for(later, {2025: 9, 2026: 8, 2027: 6, 2028: 3}))
    case["docs"] = [basic, amd, mod]
    case["milestones"] = [
        ("accepted", "2023-08-25", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2023-09-22", "initial deposit received by DFAS; case implemented (illustrative date)"),
    ]
    return case


def jassm():
    case = {
        "slug": "jassm-er", "case_id": "JA-D-JER",
        "title": "JASSM-ER air-to-surface stand-off missiles",
        "what": "50 AGM-158B-2 JASSM-ER, training missiles, containers, support (Air Force)",
        "notification": {"transmittal": "23-61", "notified_on": "2023-08-28",
                         "value": usd("104000000.00"), "mde_value": usd("90000000.00")},
        "provenance": (
            "Public: DSCA notification of 28 Aug 2023 (up to 50 AGM-158B/B-2 JASSM-ER with JAGR, training missiles, "
            "containers, munitions support and support equipment, spares; est. USD 104 million; Lockheed Martin; "
            "japan-fms.md sections 3 and 6). Illustrative (invented for the demo): the case designator JA-D-JER, "
            "the transmittal number 23-61 and the notified MDE value, the line breakdown, MASL codes, unit costs, "
            "all document dates, the payment schedule and Modification 1. Illustrative situations: the 50 "
            "missiles' production costs are fully incurred before their delivery, so the costs to date reach 91% "
            "of the case value (cost-near-case-value); the payment of 11 Sep 2026 (USD 7,412,000.00) is not "
            "credited on the DD 645 of 30 Sep 2026 (payment-not-credited); spares shipped on 24 Sep 2026 reach "
            "DFAS after that statement (delivered-not-billed)."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Explosive and classified shipments",
         "text": "Missiles, classified software and classified publications ship under Offer/Release Code Z; "
                 "missiles move to Japan under U.S. Government control (Delivery Term Code 9)."},
    ]
    lines = [
        per_unit("001", "J8B", "1410-00-000-J8B", "AGM-158B-2 JASSM-ER all-up round with anti-jam GPS receiver", 50,
                 "EA", "1540000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(30, 42),
                 notes=("1", "2", "3", "4")),
        per_unit("002", "J8T", "1410-00-000-J8T", "JASSM-ER inert training missile", 4, "EA", "285000.00", "5",
                 "P", "A", "4", availability=avail(24, 36), notes=("1", "2", "3")),
        per_unit("003", "J8C", "8140-00-000-J8C", "Missile container", 54, "EA", "21500.00", "5", "P", "A", "4",
                 availability=avail(24, 42), notes=("1", "2", "3")),
        per_unit("004", "J8E", "4935-00-000-J8E", "Munitions support and support equipment", 1, "LO",
                 "3240000.00", "4", "X", "A", "4", availability=avail(18, 36), notes=("1", "2", "3")),
        per_unit("005", "J8S", "1410-00-000-J8S", "Spare parts, consumables and accessories", 1, "LO",
                 "1865000.00", "3", "S", "A", "4", availability=avail(18, 42), notes=("1", "3")),
        per_unit("006", "J8M", "7030-00-000-J8M", "Mission planning and classified software", 1, "LO",
                 "2150000.00", "3", "S", "Z", "4", availability=avail(12, 30), notes=("1", "3", "4")),
        per_unit("007", "J8P", "7610-00-000-J8P", "Publications and technical documentation", 1, "LO",
                 "640000.00", "3", "S", "Z", "4", availability=avail(6, 24), notes=("1", "3", "4")),
        lump_sum("008", "J8A", "R700-00-000-J8A",
                 "U.S. Government and contractor engineering, technical and logistics support services",
                 "6380000.00", 48, "4", "X", notes=("1", "2", "3")),
    ]
    dates = quarters("2024-03-15", "2026-12-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2023-10-27", "acceptance": "2023-12-15", "effective": "2023-12-15",
        "purpose": "Basic LOA: JASSM-ER missiles for the upgraded F-15J, with training missiles, containers, "
                   "support equipment, spares, mission planning software, publications and support, for the "
                   "Japan Air Self-Defense Force stand-off capability.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("5000000.00"), dates,
                                 weights_for(dates, {2023: 6, 2024: 9, 2025: 10, 2026: 6}))

    mod = copy.deepcopy(basic)
    mod.update(kind="modification", version=1, offer="2025-01-24", acceptance=None, effective="2025-02-14",
               purpose="Modification 1 (USG-initiated; no change in scope): line 001 unit cost rises from "
                       "1,540,000.00 to 1,585,000.00 to cover the production lot contract price; line 001 "
                       "availability slips 6 months (production lot schedule); installments from 15 March 2025 "
                       "are re-phased.")
    line_by_number(mod, "001")["unit_cost"] = usd("1585000.00")
    line_by_number(mod, "001")["availability"] = avail(36, 48)
    finish(mod)
    later = [q for q in dates if q >= mod["effective"]]
    mod["schedule"] = rephase(basic["schedule"], mod["cost_summary"]["total"], mod["effective"], later,
                              weights_for(later, {2024: 6, 2025: 10, 2026: 8}))
    case["docs"] = [basic, mod]
    case["milestones"] = [
        ("accepted", "2023-12-15", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2024-01-12", "initial deposit received by DFAS; case implemented (illustrative date)"),
    ]
    return case


def kc46a():
    case = {
        "slug": "kc46a", "case_id": "JA-D-KTA",
        "title": "KC-46A Pegasus aerial refueling tanker aircraft",
        "what": "9 KC-46A with 18 installed PW4062 engines, support (Air Force)",
        "notification": {"transmittal": "24-92", "notified_on": "2024-09-13",
                         "value": usd("4100000000.00"), "mde_value": usd("3000000000.00")},
        "provenance": (
            "Public: DSCA notification of 13 Sep 2024 (nine KC-46A and eighteen PW4062 engines, est. USD 4.1 billion; "
            "Boeing, Pratt & Whitney, RTX, Northrop Grumman; japan-fms.md section 6). Illustrative (invented for "
            "the demo): the case designator JA-D-KTA, the transmittal number 24-92 and the notified MDE value, the "
            "line breakdown (including treating the installed engines as MDE), MASL codes, unit costs, all document "
            "dates, the payment schedule and Amendment 1. Illustrative situation: the payment of 13 Mar 2026 "
            "(USD 152,341,000.00) is remitted and acknowledged on the DD 645s but not recorded in the ledger "
            "(credited-not-recorded)."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Installed engines",
         "text": "The PW4062 engines on line 002 are installed in the aircraft of line 001 (two per aircraft) and "
                 "are delivered with them."},
    ]
    lines = [
        per_unit("001", "K46", "1560-00-000-K46", "KC-46A Pegasus aerial refueling tanker aircraft", 9, "EA",
                 "262000000.00", "5", "P", "Z", "4", mde=True, sme=True, availability=avail(36, 84),
                 notes=("1", "2", "3")),
        per_unit("002", "K4E", "2840-00-000-K4E", "PW4062 turbofan engine, installed", 18, "EA", "13400000.00",
                 "5", "P", "Z", "4", mde=True, sme=True, availability=avail(36, 84), notes=("1", "2", "3", "4")),
        per_unit("003", "K4S", "1560-00-000-K4S", "Aircraft spare and repair parts", 1, "LO", "186000000.00", "4",
                 "X", "A", "4", availability=avail(30, 84), notes=("1", "2", "3")),
        per_unit("004", "K4G", "4920-00-000-K4G", "Support equipment and ground support equipment", 1, "LO",
                 "142500000.00", "5", "P", "A", "4", availability=avail(30, 72), notes=("1", "2", "3")),
        lump_sum("005", "K4T", "6910-00-000-K4T", "Aircrew and maintenance training, including training devices",
                 "96800000.00", 48, "3", "S", dtc="2", notes=("1", "3")),
        per_unit("006", "K4P", "7610-00-000-K4P", "Publications and technical orders", 1, "LO", "18450000.00", "3",
                 "S", "Z", "4", availability=avail(12, 60), notes=("1", "3")),
        lump_sum("007", "K4L", "R700-00-000-K4L", "Contractor logistics support and engineering services",
                 "268000000.00", 72, "5", "P", notes=("1", "2", "3")),
        lump_sum("008", "K4A", "R700-00-000-K4A", "U.S. Government technical assistance and program management",
                 "54300000.00", 84, "3", "S", notes=("1", "3")),
    ]
    dates = quarters("2025-06-15", "2029-12-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2024-11-22", "acceptance": "2025-01-31", "effective": "2025-01-31",
        "purpose": "Basic LOA: nine KC-46A tankers with installed engines, spares, support equipment, training, "
                   "technical orders, contractor logistics support and program management to expand the Japan "
                   "Air Self-Defense Force tanker fleet.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("150000000.00"), dates,
                                 weights_for(dates, {2025: 6, 2026: 8, 2027: 9, 2028: 7, 2029: 4}))

    amd = copy.deepcopy(basic)
    amd.update(kind="amendment", version=1, offer="2025-07-18", acceptance="2025-09-26", effective="2025-09-26",
               purpose="Amendment 1 (purchaser request, scope change): adds line 009, boom operator weapon system "
                       "trainer support, requested after the purchaser's training review; installments from "
                       "15 December 2025 are re-phased.")
    amd["lines"].append(lump_sum("009", "K4B", "6910-00-000-K4B", "Boom operator weapon system trainer support",
                                 "24600000.00", 36, "5", "P", notes=("1", "2", "3")))
    finish(amd)
    later = [q for q in dates if q >= amd["effective"]]
    amd["schedule"] = rephase(basic["schedule"], amd["cost_summary"]["total"], amd["effective"], later,
                              weights_for(later, {2025: 6, 2026: 8, 2027: 9, 2028: 7, 2029: 4}))
    case["docs"] = [basic, amd]
    case["milestones"] = [
        ("accepted", "2025-01-31", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2025-02-28", "initial deposit received by DFAS; case implemented (illustrative date)"),
    ]
    return case


def amraam():
    case = {
        "slug": "amraam", "case_id": "JA-D-AMX",
        "title": "AIM-120D-3 and AIM-120C-8 AMRAAM air-to-air missiles",
        "what": "800 AIM-120D-3 + 400 AIM-120C-8, spare guidance sections, CATMs, support (Air Force)",
        "notification": {"transmittal": "25-07", "notified_on": "2025-01-02",
                         "value": usd("3640000000.00"), "mde_value": usd("3300000000.00")},
        "provenance": (
            "Public: DSCA notification of 2 Jan 2025 (up to 1,200 AIM-120D-3/C-8 AMRAAM, up to 20 AIM-120D-3 and 4 "
            "AIM-120C-8 guidance sections, captive air training missiles, spares, documentation and support; est. "
            "USD 3.64 billion; RTX; japan-fms.md section 6 and press). Illustrative (invented for the demo): the "
            "case designator JA-D-AMX, the transmittal number 25-07 and the notified MDE value, the D-3/C-8 split, "
            "the line breakdown, MASL codes, unit costs, the offer date and the payment schedule. The LOA is "
            "offered and not yet accepted."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Explosive and classified shipments",
         "text": "All-up rounds move to Japan under U.S. Government control (Delivery Term Code 9); missiles, "
                 "guidance sections, warheads and classified documentation ship under Offer/Release Code Z."},
    ]
    lines = [
        per_unit("001", "A2D", "1410-00-000-A2D", "AIM-120D-3 AMRAAM all-up round", 800, "EA", "2310000.00", "5",
                 "P", "Z", "9", mde=True, sme=True, availability=avail(30, 72), notes=("1", "2", "3", "4")),
        per_unit("002", "A2C", "1410-00-000-A2C", "AIM-120C-8 AMRAAM all-up round", 400, "EA", "1720000.00", "5",
                 "P", "Z", "9", mde=True, sme=True, availability=avail(30, 60), notes=("1", "2", "3", "4")),
        per_unit("003", "A2G", "1410-00-000-A2G", "AIM-120D-3 guidance section, spare", 20, "EA", "1050000.00",
                 "5", "P", "Z", "4", mde=True, sme=True, availability=avail(30, 48), notes=("1", "2", "3", "4")),
        per_unit("004", "A2H", "1410-00-000-A2H", "AIM-120C-8 guidance section, spare", 4, "EA", "820000.00", "5",
                 "P", "Z", "4", mde=True, sme=True, availability=avail(30, 48), notes=("1", "2", "3", "4")),
        per_unit("005", "A2T", "6920-00-000-A2T", "AIM-120 captive air training missile", 24, "EA", "540000.00",
                 "5", "P", "A", "4", availability=avail(24, 42), notes=("1", "2", "3")),
        per_unit("006", "A2W", "1410-00-000-A2W",
                 "Warhead and propulsion sections, containers and support equipment", 1, "LO", "96400000.00",
                 "4", "X", "Z", "4", availability=avail(24, 60), notes=("1", "2", "3", "4")),
        per_unit("007", "A2S", "1410-00-000-A2S", "Spare and repair parts", 1, "LO", "42700000.00", "3", "S", "A",
                 "4", availability=avail(18, 60), notes=("1", "3")),
        per_unit("008", "A2P", "7610-00-000-A2P", "Technical documentation", 1, "LO", "4850000.00", "3", "S", "Z",
                 "4", availability=avail(6, 36), notes=("1", "3", "4")),
        lump_sum("009", "A2A", "R700-00-000-A2A",
                 "U.S. Government and contractor technical, engineering and logistics support services",
                 "61500000.00", 72, "4", "X", notes=("1", "2", "3")),
    ]
    dates = quarters("2027-06-15", "2031-12-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2026-10-16", "acceptance": None, "effective": "2026-10-16",
        "purpose": "Basic LOA: AIM-120D-3 and AIM-120C-8 AMRAAM missiles with spare guidance sections, captive air "
                   "training missiles, support equipment, spares, documentation and support for the Japan Air "
                   "Self-Defense Force F-15J and F-35 fleets.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("120000000.00"), dates,
                                 weights_for(dates, {2027: 6, 2028: 9, 2029: 9, 2030: 7, 2031: 4}))
    case["docs"] = [basic]
    case["milestones"] = []
    return case


def aegis_fots():
    case = {
        "slug": "aegis-fots", "case_id": "JA-P-FTS",
        "title": "Aegis destroyer follow-on technical support (FOTS)",
        "what": "Aegis Weapon System engineering and technical services, JCPTS support (Navy)",
        "notification": {"transmittal": "24-71", "notified_on": "2024-09-03",
                         "value": usd("150000000.00"), "mde_value": usd("0.00")},
        "provenance": (
            "Public: DSCA notification of 3 Sep 2024 (Aegis destroyer follow-on technical support, est. USD 150 "
            "million, Lockheed Martin; earlier FOTS cases 19-54 of 2019 and Aug 2021; japan-fms.md section 6). "
            "Illustrative (invented for the demo): the case designator JA-P-FTS, the transmittal number 24-71, the "
            "service line breakdown, MASL codes, prices, months of service, all document dates, the payment "
            "schedule and Modification 1. Illustrative situation: the purchaser withholds USD 2,000,000.00 of the "
            "USD 11,336,000.00 the DD 645 of 30 Jun 2026 asks by 15 Sep 2026, pending its query on the labour-rate "
            "increase of Modification 1 (statement-overdue); the DD 645 of 30 Sep 2026 asks for it again."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Service acceptance",
         "text": "Service lines are performed over the stated months of service; the purchaser records completion "
                 "of each period of service for receipt inspection."},
    ]
    lines = [
        lump_sum("001", "AFT", "R700-00-000-AFT", "Aegis Weapon System follow-on engineering and technical services",
                 "62400000.00", 36, "4", "X", notes=("1", "2", "3", "4")),
        lump_sum("002", "ACP", "R700-00-000-ACP", "Aegis computer program maintenance and baseline upgrade support",
                 "31750000.00", 36, "5", "P", notes=("1", "2", "3", "4")),
        lump_sum("003", "ACT", "R700-00-000-ACT", "Japan Aegis Computer Program Test Site (JCPTS) support",
                 "18600000.00", 36, "5", "P", notes=("1", "2", "3", "4")),
        lump_sum("004", "AST", "R700-00-000-AST",
                 "Shipboard integration and test support by U.S. Navy personnel", "12300000.00", 24, "3", "S",
                 notes=("1", "3", "4")),
        per_unit("005", "ASP", "5895-00-000-ASP", "Aegis Weapon System spare and repair parts", 1, "LO",
                 "6850000.00", "3", "S", "A", "3", availability=avail(6, 30), notes=("1", "3")),
        per_unit("006", "APB", "7610-00-000-APB", "Publications and technical documentation", 1, "LO",
                 "1480000.00", "3", "S", "Z", "4", availability=avail(3, 24), notes=("1", "3")),
    ]
    dates = quarters("2025-03-15", "2027-12-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2024-11-15", "acceptance": "2025-01-24", "effective": "2025-01-24",
        "purpose": "Basic LOA: follow-on technical support for the Japan Maritime Self-Defense Force Aegis "
                   "destroyers: engineering and technical services, computer program maintenance, JCPTS support, "
                   "shipboard integration and test, spares and publications.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("9000000.00"), dates,
                                 weights_for(dates, {2024: 8, 2025: 9, 2026: 9, 2027: 7}))

    mod = copy.deepcopy(basic)
    mod.update(kind="modification", version=1, offer="2026-01-16", acceptance=None, effective="2026-02-13",
               purpose="Modification 1 (USG-initiated; no change in scope): line 001 rises from 62,400,000.00 to "
                       "64,950,000.00 for higher contractor labour rates; line 004 months of service extend from "
                       "24 to 30 because the ships' availability for integration testing moved; installments from "
                       "15 March 2026 are re-phased.")
    line_by_number(mod, "001")["lump_total"] = usd("64950000.00")
    line_by_number(mod, "004")["months_of_service"] = 30
    finish(mod)
    later = [q for q in dates if q >= mod["effective"]]
    mod["schedule"] = rephase(basic["schedule"], mod["cost_summary"]["total"], mod["effective"], later,
                              weights_for(later, {2025: 9, 2026: 9, 2027: 8}))
    case["docs"] = [basic, mod]
    case["milestones"] = [
        ("accepted", "2025-01-24", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2025-02-14", "initial deposit received by DFAS; case implemented (illustrative date)"),
    ]
    return case


def sm6_follow_on():
    case = {
        "slug": "sm6-follow-on", "case_id": "JA-P-SXC",
        "title": "Standard Missile 6 Block I all-up rounds, follow-on buy",
        "what": "72 SM-6 Block I (first part of the up to 150 notified), MK 21 canisters, support (Navy)",
        "notification": {"transmittal": "25-14", "notified_on": "2025-01-31",
                         "value": usd("900000000.00"), "mde_value": usd("760000000.00")},
        "provenance": (
            "Public: DSCA notification of 31 Jan 2025 (up to 150 SM-6 Block I, est. USD 900 million, RTX, Camden, "
            "Arkansas; japan-fms.md section 6). Illustrative (invented for the demo): the case designator JA-P-SXC, "
            "the transmittal number 25-14 and the notified MDE value, an LOA for 72 of the 150 missiles, the line "
            "breakdown, MASL codes, unit costs, all document dates and the payment schedule. Illustrative "
            "situation (deposit-unpaid): the case is implemented on 24 Jul 2026 as a DSCA-approved emergency "
            "implementation, before the initial deposit arrives, so that the missiles go on the production "
            "contract of August 2026 (the demo's one lifecycle override); the purchaser pays USD 50,000,000.00 "
            "of the USD 77,000,000.00 deposit on 21 Aug 2026 and the rest waits for the supplementary budget, "
            "so the deposit stays partly unpaid."),
    }
    notes = STANDARD_NOTES + [
        {"number": "4", "title": "Explosive and classified shipments",
         "text": "Missiles, canisters and classified publications ship under Offer/Release Code Z; missiles move "
                 "to Japan under U.S. Government control (Delivery Term Code 9)."},
    ]
    lines = [
        per_unit("001", "S6B", "1410-00-000-S6C", "Standard Missile 6 (SM-6) Block I all-up round", 72, "EA",
                 "9520000.00", "5", "P", "Z", "9", mde=True, sme=True, availability=avail(30, 54),
                 notes=("1", "2", "3", "4")),
        per_unit("002", "V21", "1450-00-000-V2C", "MK 21 Mod 3 Vertical Launching System canister", 72, "EA",
                 "190000.00", "5", "P", "Z", "4", availability=avail(24, 48), notes=("1", "2", "3", "4")),
        per_unit("003", "SSP", "1410-00-000-SSC", "Spare and repair parts", 1, "LO", "6200000.00", "3", "S", "A",
                 "4", availability=avail(18, 48), notes=("1", "3")),
        per_unit("004", "SPB", "7610-00-000-SPC", "Technical publications and data", 1, "LO", "950000.00", "3",
                 "S", "Z", "4", availability=avail(6, 24), notes=("1", "3", "4")),
        lump_sum("005", "SET", "R700-00-000-SEC", "Engineering, integration and test support for production",
                 "18400000.00", 48, "5", "P", notes=("1", "2", "3")),
        lump_sum("006", "STA", "R700-00-000-STC",
                 "U.S. Government and contractor engineering, technical and logistics support services",
                 "9600000.00", 54, "4", "X", notes=("1", "2", "3")),
    ]
    dates = quarters("2026-12-15", "2030-09-15")
    basic = finish({
        "kind": "basic", "version": 0, "offer": "2026-05-22", "acceptance": "2026-07-10", "effective": "2026-07-10",
        "purpose": "Basic LOA: 72 SM-6 Block I missiles (the first part of the up to 150 notified) with MK 21 "
                   "canisters, spares, publications, production engineering support and technical support for the "
                   "Japan Maritime Self-Defense Force's Aegis-equipped destroyers.",
        "lines": lines, "notes": notes,
    })
    basic["schedule"] = schedule(basic["cost_summary"]["total"], usd("77000000.00"), dates,
                                 weights_for(dates, {2026: 6, 2027: 9, 2028: 10, 2029: 8, 2030: 4}))
    case["docs"] = [basic]
    case["milestones"] = [
        ("accepted", "2026-07-10", "LOA signed by the ATLA contracting officer (illustrative date)"),
        ("implemented", "2026-07-24", "emergency implementation approved by DSCA before the initial deposit "
                                      "(illustrative)",
         "DSCA-approved emergency implementation (SAMM): the missiles must go on the production contract of "
         "August 2026; the initial deposit follows (illustrative)"),
    ]
    return case


CASES = [tomahawk, sm6, e2d, jassm, kc46a, amraam, aegis_fots, sm6_follow_on]

# ----------------------------------------------------------------------------------------------
# Execution history

# The documents written by hand (examples/execution/*.csv: the delivery listings and receipts that
# README.md describes): (date the document is in hand, kind, file). The DD 645 statements and the
# payments are generated from them, the LOAs and MONEY (below). Every execution document is played
# in date order among the case steps, so every case is implemented before its records arrive.
EXECUTION = [
    ("2025-06-30", "delivery-listing", "execution/aegis-fots-deliveries-2025q2.csv"),
    ("2025-07-10", "receipts", "execution/aegis-fots-receipts-2025.csv"),
    ("2025-09-30", "delivery-listing", "execution/tomahawk-deliveries-2025q3.csv"),
    ("2025-09-30", "receipts", "execution/tomahawk-receipts-2025q3.csv"),
    ("2025-12-31", "delivery-listing", "execution/tomahawk-deliveries-2025q4.csv"),
    ("2025-12-31", "delivery-listing", "execution/sm6-deliveries-2024q1-2025q4.csv"),
    ("2025-12-31", "delivery-listing", "execution/jassm-deliveries-2025q4.csv"),
    ("2026-01-09", "receipts", "execution/tomahawk-receipts-2025q4.csv"),
    ("2026-06-30", "delivery-listing", "execution/sm6-deliveries-2026q1-2026q2.csv"),
    ("2026-06-30", "delivery-listing", "execution/jassm-deliveries-2026q2.csv"),
    ("2026-06-30", "receipts", "execution/jassm-receipts-2025-2026.csv"),
    ("2026-07-17", "receipts", "execution/sm6-receipts-2024-2026.csv"),
    ("2026-10-09", "delivery-listing", "execution/jassm-deliveries-2026q3.csv"),
]
# One reconciliation run once everything is in, so the reports read recorded matches.
RECONCILE_AS_OF = "2026-10-31"
TODAY = "2026-12-07"  # the demo's present: nothing is dated later
LAST_STATEMENT = "2026-09-30"  # the latest quarter end whose DD 645 has come (the next is due mid-January)
STATEMENT_IN_HAND_DAYS = 15  # a DD 645 is issued about 15 days after its quarter end (fms-reference.md 6.2)

HEADERS = {
    "delivery-listing": "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
                        "reporting_quarter_end",
    "receipts": "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
                "quantity_rejected,condition,inspector",
    # DD 645 format 2 (docs/formats/dd645-bill.md), canonical headings
    "bill": "statement_date,case_id,line,statement_type,cumulative_delivered_usd,costs_in_progress_usd,"
            "packing_crating_handling_usd,transportation_usd,admin_surcharge_usd,contract_administration_usd,"
            "total_cost_usd,cumulative_payments_usd,amount_due_usd,due_date,forecast_next_quarter_usd",
    # payments format 2 (docs/formats/payments.md): the dollars remitted, the yen they cost, the rate
    "payments": "payment_id,date,case_id,usd_amount,jpy_amount,rate_jpy_per_usd",
}

# The statements' charges (illustrative rates, README.md "The money"), as fractions of their bases.
STATEMENT_PCH = BELOW_THE_LINE["pch_stock"]  # PC&H: 3.5 % of deliveries on per-unit lines from stock (SC S)
STATEMENT_TRANSPORT = BELOW_THE_LINE["transport_by_dtc"]  # of deliveries on per-unit lines, by DTC
STATEMENT_SURCHARGE = (SURCHARGE_BP, 10000)  # 3.2 % of deliveries + costs in progress
STATEMENT_CAS = {"P": (120, 10000), "X": (60, 10000)}  # CAS: 1.2 % of procurement; SC X half (the 50/50 default)
PROGRESS_CAP = (9, 10)  # progress payments reach at most 90 % of a procurement line before it is delivered
AWARD_MONTHS = 3  # contract award, where not stated: implementation + 3 months

# The money of each implemented case (illustrative). files: the execution files' name prefix. deposit: the initial deposit's payments,
# (date, USD cents or None for the whole deposit). work: per line, when the work behind the costs
# in progress starts (contract award, first month of service), ends (a procurement line: its
# planned availability unless stated) and the share of a procurement line it reaches before
# delivery (PROGRESS_CAP unless stated). The situations each case shows on purpose, stated in its
# LOA provenance: skip (statements never received: statement-missing), withheld ({statement: the
# part of its amount due the purchaser does not pay}: statement-overdue), unrecorded (payments made but not recorded:
# credited-not-recorded), uncredited ({statement: [statements whose payment it does not
# acknowledge]}: payment-not-credited), final (the final statement of account), billed_from
# ({document number: the first statement that bills it}: delivered-not-billed).
MONEY = {
    "JA-P-TWK": {
        "files": "tomahawk",
        "deposit": [("2024-02-02", None)],
        "work": {"001": {"start": "2025-04-01", "end": "2026-12-31"}, "002": {"start": "2025-10-01"},
                 "003": {"start": "2025-04-01", "end": "2027-03-31"}, "005": {"start": "2025-04-01"},
                 "006": {"start": "2024-03-04"}, "007": {"start": "2024-10-01"}},
    },
    "JA-P-SXB": {
        "files": "sm6",
        "deposit": [("2023-03-10", None)],
        "work": {},
        "final": "2026-09-30",
        "skip": {"2026-03-31"},
    },
    "JA-P-HEW": {
        "files": "e2d",
        "deposit": [("2023-09-08", None)],
        "work": {"008": {"start": "2027-01-04"}},
    },
    "JA-D-JER": {
        "files": "jassm",
        "deposit": [("2024-01-05", None)],
        "work": {"001": {"start": "2024-10-01", "end": "2026-09-30", "cap": (1, 1)}},
        "billed_from": {"DJAZJER6267001": "2026-12-31"},
        "uncredited": {"2026-09-30": ["2026-06-30"]},
    },
    "JA-D-KTA": {
        "files": "kc46a",
        "deposit": [("2025-02-14", None)],
        "work": {"001": {"start": "2025-04-01", "end": "2030-01-31"}, "002": {"start": "2025-04-01", "end": "2030-01-31"},
                 "007": {"start": "2028-01-31"}},
        "unrecorded": {"2025-12-31"},
    },
    "JA-P-FTS": {
        "files": "aegis-fots",
        "deposit": [("2025-01-31", None)],
        "work": {},
        "withheld": {"2026-06-30": usd("2000000.00")},
    },
    "JA-P-SXC": {
        "files": "sm6-follow-on",
        "deposit": [("2026-08-21", usd("50000000.00"))],
        "work": {"001": {"start": "2026-08-03"}, "002": {"start": "2026-08-03"}},
    },
}


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def quarter_end(day):
    """The last day of the calendar quarter containing day."""
    month = (day.month - 1) // 3 * 3 + 3
    return add_months(datetime.date(day.year, month, 1), 1) - datetime.timedelta(days=1)


def statement_due(statement_date):
    """The 15th of the third month after the quarter end (dd645-bill.md, due_date)."""
    return add_months(d(statement_date).replace(day=15), 3).isoformat()


def pay_day(due):
    """The purchaser remits two days before the due date, on a weekday."""
    day = d(due) - datetime.timedelta(days=2)
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day.isoformat()


def jfy(date):
    day = d(date)
    return day.year if day.month >= 4 else day.year - 1


def fmt_signed(cents):
    return fmt(cents) if cents >= 0 else "-" + fmt(-cents)


def read_csv(rel):
    with open(HERE / rel, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def listing_rows():
    rows = []
    for _, kind, rel in EXECUTION:
        if kind != "delivery-listing":
            continue
        for r in read_csv(rel):
            rows.append({"document": r["document_number"], "case": r["case_id"], "line": r["line"],
                         "ship": r["ship_date"], "quantity": int(r["quantity"]), "value": usd(r["value_usd"]),
                         "quarter": r["reporting_quarter_end"]})
    return rows


def month_end_rates():
    """[(date, rate text)] from the demo's month-end USD/JPY series."""
    return [(r["date"], r["rate"]) for r in read_csv("rates/usd-jpy-2023-2026.csv") if r["pair"] == "USD/JPY"]


def yen_cost(cents, rate):
    """The yen USD cents cost at a rate ('148.88'), rounded half up to the yen."""
    whole, _, frac = rate.partition(".")
    scale = 10 ** len(frac)
    num = int(whole) * scale + int(frac or "0")
    return (cents * num * 2 + 100 * scale) // (200 * scale)


def in_force(case, date):
    """The case's document in force on a date: the latest whose effective date has come."""
    docs = [doc for doc in case["docs"] if doc["effective"] <= date]
    assert docs, (case["case_id"], date)
    return docs[-1]


def first_effective(case, number):
    return next(doc["effective"] for doc in case["docs"] if any(l["number"] == number for l in doc["lines"]))


def fraction_done(start, end, date):
    span = (end - start).days
    done = min(max((d(date) - start).days, 0), span)
    return done, span


def statement_costs(case, money, q, rows, implemented, running):
    """The seller's cost to date on quarter end q, line by line and part by part (integer cents)."""
    doc = in_force(case, q)
    acceptance = d(case["docs"][0]["acceptance"])
    billed_from = money.get("billed_from", {})
    lines = {}
    for line in doc["lines"]:
        number, total = line["number"], line_total(line)
        delivered = sum(r["value"] for r in rows
                        if r["case"] == case["case_id"] and r["line"] == number and r["ship"] <= q
                        and r["quarter"] <= q and billed_from.get(r["document"], q) <= q)
        work = money["work"].get(number, {})
        begun = max(d(implemented), d(first_effective(case, number)))
        if line["pricing"] == "lump_sum":
            start = d(work.get("start", begun.isoformat()))
            done, span = fraction_done(start, add_months(start, line["months_of_service"]), q)
            progress = total * done // span
        elif line["source_of_supply"] in ("P", "X"):
            start = d(work["start"]) if "start" in work else add_months(begun, AWARD_MONTHS)
            end = d(work["end"]) if "end" in work else add_months(acceptance, line["availability"]["to_months"])
            num, den = work.get("cap", PROGRESS_CAP)
            done, span = fraction_done(start, end, q)
            progress = total * done * num // (span * den)
        else:
            progress = 0  # from stock: a cost when delivered
        incurred = max(running.get(number, 0), delivered, progress)
        running[number] = incurred
        lines[number] = {"line": line, "delivered": delivered, "cip": incurred - delivered}
    delivered = sum(v["delivered"] for v in lines.values())
    cip = sum(v["cip"] for v in lines.values())
    per_unit = [v for v in lines.values() if v["line"]["pricing"] == "per_unit"]
    pch = share(sum(v["delivered"] for v in per_unit if v["line"]["source_of_supply"] == "S"), STATEMENT_PCH)
    transport = sum(share(sum(v["delivered"] for v in per_unit if v["line"]["delivery_term_code"] == dtc), rate)
                    for dtc, rate in STATEMENT_TRANSPORT.items())
    surcharge = share(delivered + cip, STATEMENT_SURCHARGE)
    cas = sum(share(sum(v["delivered"] + v["cip"] for v in lines.values() if v["line"]["source_of_supply"] == sc),
                    rate) for sc, rate in STATEMENT_CAS.items())
    return {"lines": lines, "delivered": delivered, "cip": cip, "pch": pch, "transport": transport,
            "surcharge": surcharge, "cas": cas, "total": delivered + cip + pch + transport + surcharge + cas,
            "value": doc["cost_summary"]["total"], "document": doc}


def requirement(doc, statement_date):
    """What the payment schedule in force requires by the statement's due date: the seller's
    forecast of the next quarter is this less the cost to date."""
    due = statement_due(statement_date)
    sched = doc["schedule"]
    return sched["initial_deposit"] + sum(i["amount"] for i in sched["installments"] if i["due"] <= due)


def case_money(case, rows):
    """The case's DD 645 statements and payments, quarter by quarter from its implementation."""
    cid, money = case["case_id"], MONEY[case["case_id"]]
    implemented = next(date for to, date, *_ in case["milestones"] if to == "implemented")
    deposit = case["docs"][0]["schedule"]["initial_deposit"]
    payments = [{"date": date, "usd": deposit if amount is None else amount, "recorded": True, "for": "deposit"}
                for date, amount in money["deposit"]]
    statements, running = [], {}
    q = quarter_end(d(implemented))
    final = money.get("final")
    while q.isoformat() <= (final or LAST_STATEMENT):
        date = q.isoformat()
        q = add_months(q + datetime.timedelta(days=1), 3) - datetime.timedelta(days=1)
        costs = statement_costs(case, money, date, rows, implemented, running)
        if date in money.get("skip", ()):
            continue
        uncredited = money.get("uncredited", {}).get(date, [])
        received = sum(p["usd"] for p in payments if p["date"] <= date and p["for"] not in uncredited)
        total = costs["total"]
        if date == final:
            forecast, due = 0, total - received  # a credit when negative: the refund due
        else:
            required = requirement(costs["document"], date)
            assert total <= required, (cid, date, "cost to date above what the payment schedule requires")
            # cash prior to delivery: what the purchaser has paid keeps ahead of the seller's costs
            paid = sum(p["usd"] for p in payments if p["date"] <= date)
            assert total <= paid, (cid, date, "cost to date above the payments made")
            forecast = required - total
            due = max(0, total + forecast - received)
        statement = dict(costs, date=date, final=date == final, received=received, forecast=forecast, due=due,
                         due_date=statement_due(date))
        statements.append(statement)
        withheld = money.get("withheld", {}).get(date, 0)
        if due > withheld and date != final:
            paid_on = pay_day(statement["due_date"])
            if paid_on <= TODAY:
                payments.append({"date": paid_on, "usd": due - withheld,
                                 "recorded": date not in money.get("unrecorded", ()), "for": date})
    return statements, payments, implemented


def render_bill(case, s):
    out = [HEADERS["bill"]]
    out.append(",".join([s["date"], case["case_id"], "", "final" if s["final"] else "quarterly",
                         fmt(s["delivered"]), fmt(s["cip"]), fmt(s["pch"]), fmt(s["transport"]),
                         fmt(s["surcharge"]), fmt(s["cas"]), fmt(s["total"]), fmt(s["received"]),
                         fmt_signed(s["due"]), s["due_date"], fmt(s["forecast"])]))
    for number, v in s["lines"].items():
        if v["delivered"] or v["cip"]:
            out.append(",".join([s["date"], case["case_id"], number, "", fmt(v["delivered"]), fmt(v["cip"])]
                                + [""] * 9))
    return "\n".join(out) + "\n"


def render_payments(case, payments, rates):
    out = [HEADERS["payments"]]
    designator = case["case_id"].split("-")[2]
    for p in payments:
        rate = [r for when, r in rates if when < p["date"]][-1]  # the last month-end before the remittance
        out.append(",".join([f"MOD-{designator}-{p['date'].replace('-', '')}", p["date"], case["case_id"],
                             fmt(p["usd"]), str(yen_cost(p["usd"], rate)), rate]))
    return "\n".join(out) + "\n"


def check_money(case, statements, payments, implemented, rows):
    """The arithmetic and the story the generated statements and payments must keep."""
    cid, money = case["case_id"], MONEY[case["case_id"]]
    previous = None
    for s in statements:
        where = (cid, s["date"])
        assert d(s["date"]) == quarter_end(d(s["date"])) and s["date"] <= TODAY, where
        assert s["total"] == sum(s[k] for k in ("delivered", "cip", "pch", "transport", "surcharge", "cas")), where
        assert s["delivered"] == sum(v["delivered"] for v in s["lines"].values()), where
        assert s["cip"] == sum(v["cip"] for v in s["lines"].values()), where
        assert all(v["cip"] >= 0 for v in s["lines"].values()), where
        assert s["total"] <= s["value"], (where, "cost to date above the case value")
        if s["final"]:
            assert s["due"] == s["total"] - s["received"] and s["cip"] == 0, where
        else:
            assert s["due"] >= 0 and s["due"] == max(0, s["forecast"] - (s["received"] - s["total"])), where
        if previous:
            for key in ("delivered", "pch", "transport", "surcharge", "cas", "total", "received"):
                assert s[key] >= previous[key], (where, key, "a cumulative figure decreased")
        previous = s
    # every quarter end from implementation has its statement, except those skipped on purpose
    expected, q = [], quarter_end(d(implemented))
    while q.isoformat() <= (money.get("final") or LAST_STATEMENT):
        if q.isoformat() not in money.get("skip", ()):
            expected.append(q.isoformat())
        q = add_months(q + datetime.timedelta(days=1), 3) - datetime.timedelta(days=1)
    assert [s["date"] for s in statements] == expected, (cid, "statements")
    # one payment per amount due, on or before its due date, after its statement
    by_date = {s["date"]: s for s in statements}
    for p in payments:
        assert p["usd"] > 0 and p["date"] <= TODAY, (cid, p)
        if p["for"] != "deposit":
            s = by_date[p["for"]]
            withheld = money.get("withheld", {}).get(s["date"], 0)
            assert s["date"] < p["date"] <= s["due_date"] and p["usd"] == s["due"] - withheld, (cid, p)
    # the initial deposit is paid by the implementation date, unless implementation was an override
    override = any(len(m) > 3 for m in case["milestones"] if m[0] == "implemented")
    deposit = case["docs"][0]["schedule"]["initial_deposit"]
    paid_by = sum(p["usd"] for p in payments if p["recorded"] and p["date"] <= implemented)
    assert (paid_by >= deposit) != override, (cid, "deposit before implementation", paid_by, deposit)
    acceptance = case["docs"][0]["acceptance"]
    assert all(acceptance <= p["date"] for p in payments), (cid, "a payment before acceptance")
    # supply/services complete only with every line delivered by then (the lifecycle guard)
    ssc = [date for to, date, *_ in case["milestones"] if to == "supply-services-complete"]
    doc = case["docs"][-1]
    short = []
    for line in doc["lines"]:
        mine = [r for r in rows if r["case"] == cid and r["line"] == line["number"] and r["ship"] <= (ssc or [TODAY])[0]]
        if line["pricing"] == "per_unit":
            short += [line["number"]] if sum(r["quantity"] for r in mine) < line["quantity"] else []
        else:
            short += [line["number"]] if sum(r["value"] for r in mine) < line_total(line) else []
    assert not (ssc and short), (cid, "supply/services complete with lines undelivered", short)
    if cid == "JA-P-TWK":
        assert short, "Tomahawk keeps undelivered lines, so the guard refuses supply/services complete"


def money_files(cases):
    """{relative path: text} of the statements and payments, their [(in hand, kind, file)], and
    the statements and payments per case (for the summary)."""
    rows = listing_rows()
    rates = month_end_rates()
    files, execution, summary = {}, [], {}
    for case in cases:
        if case["case_id"] not in MONEY:
            continue
        statements, payments, implemented = case_money(case, rows)
        check_money(case, statements, payments, implemented, rows)
        summary[case["case_id"]] = (statements, payments)
        for s in statements:
            rel = f"execution/{MONEY[case['case_id']]['files']}-dd645-{s['date']}.csv"
            files[rel] = render_bill(case, s)
            in_hand = (d(s["date"]) + datetime.timedelta(days=STATEMENT_IN_HAND_DAYS)).isoformat()
            execution.append((in_hand, "bill", rel))
        recorded = [p for p in payments if p["recorded"]]
        groups = {}
        for p in recorded:
            groups.setdefault("deposit" if p["for"] == "deposit" else f"jfy{jfy(p['date'])}", []).append(p)
        for name, group in groups.items():
            rel = f"execution/{MONEY[case['case_id']]['files']}-payments-{name}.csv"
            files[rel] = render_payments(case, group, rates)
            execution.append((max(p["date"] for p in group), "payments", rel))
    # the figures the LOA provenance texts quote
    sxb = summary["JA-P-SXB"][0][-1]
    assert (sxb["final"], sxb["received"], sxb["total"]) == (True, 36941698000, 36870600480), "JA-P-SXB provenance"
    jer_payments = summary["JA-D-JER"][1]
    assert [(p["date"], p["usd"]) for p in jer_payments if p["for"] == "2026-06-30"] == [("2026-09-11", 741200000)]
    assert summary["JA-D-JER"][0][-1]["total"] * 100 // summary["JA-D-JER"][0][-1]["value"] == 91
    assert [(p["date"], p["usd"]) for p in summary["JA-D-KTA"][1] if not p["recorded"]] == [("2026-03-13", 15234100000)]
    assert [s["due"] for s in summary["JA-P-FTS"][0] if s["date"] == "2026-06-30"] == [1133600000]
    # the latest statements: only JA-D-JER's cost is near its case value (cost-near-case-value);
    # JA-P-SXB's, at supply/services complete, ends near its value as a complete case does
    for cid, (statements, _) in summary.items():
        latest = statements[-1]
        near = latest["total"] * 10 >= latest["value"] * 9
        assert near == (cid in ("JA-D-JER", "JA-P-SXB")), (cid, "cost near the case value")
    return files, execution, summary


def check_execution_files(generated):
    """Every execution file on disk is either listed in EXECUTION (written by hand, with the header
    of its kind) or generated, and each is listed once."""
    listed = [rel for _, _, rel in EXECUTION]
    assert len(listed) == len(set(listed)) and not set(listed) & set(generated), "an execution file twice"
    on_disk = sorted(f"execution/{p.name}" for p in (HERE / "execution").glob("*.csv"))
    stale = sorted(set(on_disk) - set(listed) - set(generated))
    assert not stale, ("execution files neither listed nor generated (delete them)", stale)
    for _, kind, rel in EXECUTION:
        first = (HERE / rel).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == HEADERS[kind], (rel, first)
    assert all(when <= RECONCILE_AS_OF for when, _, _ in EXECUTION)


def file_name(doc):
    return f"{doc['version']:02d}-{doc['kind']}.json"


def build():
    """{relative path: text} for every generated file, plus the cases (for the summary)."""
    files, events, cases = {}, [], []
    for make in CASES:
        case = make()
        cases.append(case)
        previous = None
        for doc in case["docs"]:
            check_document(case, doc, previous)
            previous = doc
            rel = f"cases/{case['slug']}/{file_name(doc)}"
            files[rel] = json.dumps(render(case, doc), indent=2, ensure_ascii=False) + "\n"
            when = doc["offer"] if doc["kind"] == "basic" else doc["effective"]
            events.append((when, {"import": rel}))
        # lifecycle transitions, checked to follow the legal order and the documents' dates
        order = ["offered", "accepted", "implemented", "supply-services-complete", "closure-submitted", "closed"]
        basic = case["docs"][0]
        last_date, state = basic["offer"], "offered"
        for to, date, reason, *override in case["milestones"]:
            assert order.index(to) == order.index(state) + 1, (case["case_id"], state, to)
            assert date >= last_date, (case["case_id"], to, date)
            if to == "accepted":
                assert date == basic["acceptance"] and date <= oed(basic["offer"]), case["case_id"]
            if to == "implemented":
                later_docs = [doc["effective"] for doc in case["docs"][1:]]
                assert all(date < eff for eff in later_docs), (case["case_id"], "implement before later documents")
            step = {"case": case["case_id"], "to": to, "date": date, "reason": reason}
            if override:
                step["override"] = override[0]
            events.append((date, {"transition": step}))
            last_date, state = date, to
        case["status"] = state
    money, generated, summary = money_files(cases)
    files.update(money)
    check_execution_files(money)
    assert all(when <= RECONCILE_AS_OF for when, _, _ in generated), "a generated document after the reconciliation"
    for when, kind, rel in sorted(EXECUTION + generated, key=lambda entry: entry[0]):
        events.append((when, {"import-execution": {"kind": kind, "file": rel}}))
    events.append((RECONCILE_AS_OF, {"reconcile": {"as_of": RECONCILE_AS_OF}}))
    # Money over time: the month-end USD/JPY series and the budget book (examples/budget/), which
    # names every case, so it comes after the last case document.
    events.append((FINANCE_AS_OF, {"import-rates": "rates/usd-jpy-2023-2026.csv"}))
    events.append((FINANCE_AS_OF, {"import-budget": "budget/jmod-fms-budget.json"}))
    # one chronological script; ties keep generation order (a case's own steps stay in order)
    steps = [step for _, _, step in sorted((when, i, step) for i, (when, step) in enumerate(events))]
    # The people come first: an organisation and its users exist before the cases they work on.
    steps = access_steps() + steps
    demo = {"format": "fmsledger.demo/1", "steps": steps}
    files["demo.json"] = json.dumps(demo, indent=2, ensure_ascii=False) + "\n"
    return files, cases, summary


FINANCE_AS_OF = "2026-11-01"

# Who uses the demo portfolio (docs/architecture.md, "Access"). Japan's ATLA buys for customer
# code JA; Korea's DAPA buys for KS and has no case in the demo: it is there to show that another
# purchaser sees nothing of Japan's cases. Every demo user has the password DEMO_PASSWORD, which
# the README publishes: these users are for trying the system out, never for real data.
DEMO_PASSWORD = "fmsledger-demo"
ORGANISATIONS = [
    ("JMOD", "Japan Ministry of Defense (ATLA)", ["JA"]),
    ("KRDAPA", "Republic of Korea Defense Acquisition Program Administration", ["KS"]),
]
# (user name, display name, role, organisation); "*" is every organisation.
USERS = [
    ("admin", "System administrator", "admin", "*"),
    ("pmo", "ATLA programme office", "case-manager", "JMOD"),
    ("finance", "ATLA finance officer", "finance", "JMOD"),
    ("auditor", "Board of Audit examiner", "auditor", "JMOD"),
    ("viewer", "JMSDF receiving unit", "viewer", "JMOD"),
    ("dapa", "DAPA case manager", "case-manager", "KRDAPA"),
]


def access_steps():
    """The organisations, users and grants, recorded before any case."""
    ids = [org_id for org_id, _, _ in ORGANISATIONS]
    customers = [code for _, _, codes in ORGANISATIONS for code in codes]
    assert len(ids) == len(set(ids)) and len(customers) == len(set(customers)), "one owner per code"
    steps = [{"organisation": {"id": org_id, "name": name, "customers": codes}}
             for org_id, name, codes in ORGANISATIONS]
    for name, display_name, role, organisation in USERS:
        assert organisation == "*" or organisation in ids, (name, organisation)
        steps.append({"user": {"name": name, "display_name": display_name, "password": DEMO_PASSWORD}})
        steps.append({"grant": {"user": name, "role": role, "organisation": organisation}})
    return steps


def main(argv):
    files, cases, summary = build()
    check_only = "--check" in argv[1:]
    stale = []
    for rel, text in sorted(files.items()):
        path = HERE / rel
        if check_only:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for case in cases:
        for doc in case["docs"]:
            print(f"{case['case_id']}  {case['slug']}/{file_name(doc):<20} total {fmt(doc['cost_summary']['total']):>17}"
                  f"  net {fmt(doc['cost_summary']['net_estimated_cost']):>17}")
        print(f"{case['case_id']}  status after demo: {case['status']}")
        if "--money" in argv[1:] and case["case_id"] in summary:
            statements, payments = summary[case["case_id"]]
            for s in statements:
                print(f"    DD 645 {s['date']}{' final' if s['final'] else ''}: delivered {fmt(s['delivered']):>16}"
                      f"  in progress {fmt(s['cip']):>16}  total cost {fmt(s['total']):>16}"
                      f" ({s['total'] * 100 // s['value']}% of value)  received {fmt(s['received']):>16}"
                      f"  forecast {fmt(s['forecast']):>15}  due {fmt_signed(s['due']):>15} by {s['due_date']}")
            for p in payments:
                print(f"    paid {p['date']} {fmt(p['usd']):>16} for {p['for']}{'' if p['recorded'] else ' (not recorded)'}")
    if stale:
        print("out of date:", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
