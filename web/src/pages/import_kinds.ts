// The documents a user may import, with where each goes, who may send it (the OpenAPI
// document's x-fmsledger-permission), and a template built from the format docs
// (docs/formats/*.md; the JSON ones are cut down from examples/ and import as they stand).
import { strings } from "../lib/i18n";
import type { Permission } from "../lib/session";

export type KindId = "loa" | "delivery-listings" | "receipts" | "bills" | "payments" | "rates" | "budget";
export type DocumentKind = "delivery-listing" | "receipts" | "bill" | "payments";

export interface Kind {
  id: KindId;
  /** POST here, the file as the body. */
  path: string;
  permission: Permission;
  json: boolean;
  /** The kind of execution document, for GET /api/documents?kind= and a superseding re-issue. */
  documentKind?: DocumentKind;
  template: { filename: string; text: string };
}

const loaTemplate = {
  format: "fmsledger.loa/1",
  case_id: "JA-P-ZZZ",
  document: { kind: "basic", version: 0 },
  title: "Example: training rounds",
  purchaser: "Government of Japan, Ministry of Defense",
  purpose: "Basic LOA: an example to edit before import",
  terms_of_sale: "cash-prior-to-delivery",
  currency: "USD",
  dates: { offer: "2026-10-01", offer_expiration: "2026-12-30", effective: "2026-10-01" },
  lines: [{
    number: "001", generic_code: "A2D", masl: "1410-00-000-A2D", description: "Example all-up round", pricing: "per_unit",
    quantity: 10, unit_of_issue: "EA", unit_cost: "100000.00", total: "1000000.00", type_of_assistance: "5",
    source_of_supply: "P", offer_release_code: "Z", delivery_term_code: "9", mde: false, sme: false,
  }],
  notes: [],
  cost_summary: {
    net_estimated_cost: "1000000.00", packing_crating_handling: "0.00", transportation: "0.00",
    administrative_surcharge: "32000.00", other: "0.00", total: "1032000.00",
  },
  payment_schedule: { initial_deposit: "532000.00", installments: [{ due: "2027-03-15", amount: "500000.00" }] },
  provenance: "illustrative: an example document, not a real case",
};

const budgetTemplate = {
  format: "fmsledger.budget/1",
  effective_date: "2027-04-01",
  title: "Example budget book",
  provenance: "illustrative: an example document",
  budget_rates: [{ fiscal_year: "JFY2027", pair: "USD/JPY", rate: "148", source: "budget rate JFY2027 (illustrative)" }],
  appropriations: [{
    id: "EX-JFY2027", fiscal_year: "JFY2027", programme: "Example programme", category: "FMS missiles",
    amount: "JPY 1,000,000,000", policy: "warn", cases: ["JA-P-TWK"],
  }],
  obligation_authorities: [],
  envelopes: [],
};

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

export const kinds: Kind[] = [
  { id: "loa", path: "/api/cases", permission: "manage-case", json: true,
    template: { filename: "loa-template.json", text: `${JSON.stringify(loaTemplate, null, 2)}\n` } },
  { id: "delivery-listings", path: "/api/imports/delivery-listings", permission: "manage-case", json: false, documentKind: "delivery-listing",
    template: { filename: "delivery-listing-template.csv", text: csv(
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,reporting_quarter_end,transaction_type,sdr",
      "PJAZTWK6301001,JA-P-TWK,001,2026-10-02,2,4240000.00,9,PJAZTWK6301001XAX,2026-12-31,shipment,") } },
  { id: "receipts", path: "/api/imports/receipts", permission: "manage-case", json: false, documentKind: "receipts",
    template: { filename: "receipts-template.csv", text: csv(
      "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,quantity_rejected,condition,inspector",
      "JKR-2026-0401,PJAZTWK6301001,JA-P-TWK,001,2026-11-04,2,2,0,,Sato Kenji") } },
  { id: "bills", path: "/api/imports/bills", permission: "manage-finance", json: false, documentKind: "bill",
    template: { filename: "dd645-template.csv", text: csv(
      "statement_date,case_id,line,statement_type,cumulative_delivered_usd,costs_in_progress_usd,total_cost_usd,cumulative_payments_usd,amount_due_usd,due_date",
      "2026-12-31,JA-P-TWK,,quarterly,172740833.33,150000000.00,322740833.33,362781000.00,161192000.00,2027-03-15") } },
  { id: "payments", path: "/api/imports/payments", permission: "manage-finance", json: false, documentKind: "payments",
    template: { filename: "payments-template.csv", text: csv(
      "payment_id,date,case_id,usd_amount,jpy_amount,rate_jpy_per_usd",
      "MOD-JFY2026-0901,2026-12-01,JA-P-TWK,1000000.00,152800000,152.80") } },
  { id: "rates", path: "/api/rates", permission: "manage-finance", json: false,
    template: { filename: "exchange-rates-template.csv", text: csv("date,pair,rate,source", "2026-11-30,USD/JPY,152.80,month-end rate (illustrative)") } },
  { id: "budget", path: "/api/budgets", permission: "manage-finance", json: true,
    template: { filename: "budget-template.json", text: `${JSON.stringify(budgetTemplate, null, 2)}\n` } },
];

export const kindWords = strings(
  {
    loa: "LOA", "delivery-listings": "Delivery listing", receipts: "Receipts", bills: "DD 645 bill", payments: "Payments",
    rates: "Exchange rates", budget: "Budget",
    "loa-about": "An LOA document (fmsledger.loa/1, JSON): the Basic LOA creates the case; each Amendment or Modification restates the whole case as a new version.",
    "delivery-listings-about": "The implementing agency's delivery listing (CSV): shipments and services performed, with credits, charges and replies to SDRs. Tick “additional” for a listing that adds to one already recorded for the same quarter.",
    "receipts-about": "Receipt inspections (CSV): what arrived, what was accepted and rejected, by whom. Reconciliation matches them with the delivery listings.",
    "bills-about": "The quarterly DD 645 bill (CSV): each case's statement of cost and amount due; the line rows must add up to the case row.",
    "payments-about": "Payments (CSV): the dollars remitted and, where known, the yen they cost; a negative amount is a refund.",
    "rates-about": "An exchange-rate series (CSV): one rate per pair and date, recorded in your organisation's own series.",
    "budget-about": "A budget document (fmsledger.budget/1, JSON): budget rates, appropriations, obligation authorities and envelopes, restating the whole book from its effective date.",
  },
  {
    loa: "LOA", "delivery-listings": "納入リスト", receipts: "受領検査", bills: "DD 645 請求書", payments: "支払",
    rates: "為替レート", budget: "予算",
    "loa-about": "LOA文書（fmsledger.loa/1、JSON）。基本LOAでケースを作成し、修正（Amendment）・変更（Modification）はケース全体を新しい版として記載します。",
    "delivery-listings-about": "実施機関の納入リスト（CSV）。出荷・役務の実施、クレジット、諸費用、SDRへの回答を含みます。同じ四半期について記録済みのリストに追加する場合は「追加分」にチェックを入れてください。",
    "receipts-about": "受領検査記録（CSV）。受領数、合格数・不合格数と検査者を記録します。照合で納入リストと突き合わせます。",
    "bills-about": "四半期ごとの DD 645 請求書（CSV）。ケースごとの費用明細と支払額。ライン行の合計はケース行と一致する必要があります。",
    "payments-about": "支払（CSV）。送金したドル額と、判明している場合は円貨額。負の額は返金です。",
    "rates-about": "為替レート系列（CSV）。通貨ペアと日付ごとに1レート。所属組織の系列に記録されます。",
    "budget-about": "予算文書（fmsledger.budget/1、JSON）。支出官レート、歳出予算、国庫債務負担行為、計画枠を、適用開始日から全体として記載します。",
  },
);
