#!/usr/bin/env python3
# Writes src/http/openapi.json, the OpenAPI 3.1 document of the REST API, from the compact
# description below. Run it after changing a route; tests/http/openapi_test.cc checks that every
# route is documented and every documented route exists.
import json
P = lambda name, where, desc, schema=None, required=False: {"name": name, "in": where, "description": desc, "required": required, "schema": schema or {"type": "string"}}
case_id = P("case_id", "path", "Case identifier, e.g. JA-P-TWK", required=True)
user_p = P("user", "path", "User name", required=True)
token_p = P("token_id", "path", "Token id (16 hex digits)", required=True)
sdr_p = P("number", "path", "SDR number with its '/' written %2F, e.g. A0001-JA-TWK%2F001 (a stage suffix R or C may follow)", required=True)
limit = P("limit", "query", "Items per page (1 to 1000, default 100)", {"type": "integer", "minimum": 1, "maximum": 1000})
cursor = P("cursor", "query", "next_cursor of the page before")
as_of = P("as_of", "query", "Report date YYYY-MM-DD (default today)", {"type": "string", "format": "date"})
case_q = P("case", "query", "Only this case")
def problem_refs(*codes):
    d = {}
    for c in codes:
        d[str(c)] = {"$ref": f"#/components/responses/Problem"}
    return d
def ok(desc, schema_ref=None, content=None, code="200"):
    if content is None:
        content = {"application/json": {"schema": {"$ref": schema_ref} if schema_ref else {"type": "object"}}}
    return {code: {"description": desc, "content": content}}
def json_body(ref, required=True):
    return {"required": required, "content": {"application/json": {"schema": {"$ref": ref}}}}
def csv_body(desc):
    return {"required": True, "description": desc, "content": {"text/csv": {"schema": {"type": "string"}}}}
report_content = {"application/json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}}}
finance_content = dict(report_content)
finance_content["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = {"schema": {"type": "string", "format": "binary"}}
no_content = {"204": {"description": "Done"}}
sec_public = []
def op(opid, summary, tag, roles, responses, params=(), body=None, public=False, desc=None):
    o = {"operationId": opid, "summary": summary, "tags": [tag],
         "x-fmsledger-permission": roles}
    if desc: o["description"] = desc
    if params: o["parameters"] = list(params)
    if body: o["requestBody"] = body
    r = dict(responses)
    r.update(problem_refs(*( [400, 500] if public else [400, 401, 403, 404, 422, 500])))
    o["responses"] = r
    if public: o["security"] = []
    return o
import_params = [P("source", "query", "File name recorded as the document's source"),
                 P("supersedes", "query", "Id of the document a corrected re-issue replaces"),
                 P("reason", "query", "Why it supersedes the earlier document"),
                 P("additional", "query", "true: a delivery listing that adds to an active listing whose document numbers it mostly repeats (without it, such a listing is refused with 409 as a probable corrected re-issue); ignored for other documents", {"type": "boolean"})]
organisation_q = P("organisation", "query", "Whose money: an organisation id, for a caller who acts for several (default: the caller's one organisation; for a caller over every organisation, the whole portfolio and the shared rate series)")
def import_op(opid, kind, perm):
    return {"post": op(opid, f"Import a {kind} (CSV, all or nothing)", "Execution", perm,
                       {**ok("The same content was already recorded: nothing changed", "#/components/schemas/ImportOutcome"),
                        **ok("Recorded", "#/components/schemas/ImportOutcome", code="201"),
                        **problem_refs(413, 415)},
                       import_params, csv_body(f"The {kind} (docs/formats/)"))}
paths = {
 "/healthz": {"get": op("health", "Liveness: the server answers and its database can be read", "System", "anyone", ok("Up", "#/components/schemas/Health"), public=True)},
 "/metrics": {"get": op("metrics", "Prometheus metrics (text format 0.0.4)", "System", "anyone", ok("Metrics", content={"text/plain": {"schema": {"type": "string"}}}), public=True)},
 "/api/openapi.json": {"get": op("openapi", "This document", "System", "anyone", ok("The OpenAPI 3.1 document"), public=True)},
 "/api/session": {
   "post": op("signIn", "Sign in: a session cookie and its CSRF token", "Session", "anyone",
              {**ok("Signed in; Set-Cookie carries the session", "#/components/schemas/Me", code="201"), **problem_refs(401, 415, 422, 429)},
              body=json_body("#/components/schemas/SignIn"), public=True),
   "get": op("me", "Who is signed in, with their grants (and the CSRF token of a cookie session)", "Session", "signed-in", ok("The caller", "#/components/schemas/Me")),
   "delete": op("signOut", "Sign out (the session cookie's session ends)", "Session", "signed-in", no_content)},
 "/api/tokens": {
   "get": op("listOwnTokens", "The caller's API tokens (never their secrets)", "Session", "signed-in", ok("Tokens", "#/components/schemas/TokenList")),
   "post": op("issueOwnToken", "Issue an API token for the caller; shown once", "Session", "signed-in", ok("The token, shown only now", "#/components/schemas/IssuedToken", code="201"), body=json_body("#/components/schemas/TokenRequest"))},
 "/api/tokens/{token_id}": {"delete": op("revokeOwnToken", "Revoke one of the caller's tokens", "Session", "signed-in", no_content, [token_p])},
 "/api/cases": {
   "get": op("listCases", "The caller's cases, one summary each", "Cases", "read", ok("A page of cases", "#/components/schemas/CaseList"),
             [P("status", "query", "Only cases in this status"), P("customer", "query", "Only this customer code"), limit, cursor]),
   "post": op("importLoa", "Record an LOA document (Basic LOA, Amendment or Modification)", "Cases", "manage-case",
              {**ok("Already recorded with identical content", "#/components/schemas/LoaImportOutcome"), **ok("Recorded", "#/components/schemas/LoaImportOutcome", code="201"), **problem_refs(409, 412, 413, 415, 428)},
              [P("source", "query", "File name recorded as the document's source"), P("If-Match", "header", "The case's ETag: required for a new version of an existing case")],
              {"required": True, "content": {"application/json": {"schema": {"type": "object", "description": "An LOA document (docs/formats/loa.md)"}}}})},
 "/api/cases/{case_id}": {"get": op("showCase", "One case in full: lines, cost summary, payment schedule, status", "Cases", "read",
      {"200": {"description": "The case", "headers": {"ETag": {"schema": {"type": "string"}, "description": "Send it back in If-Match to change the case"}}, "content": {"application/json": {"schema": {"type": "object"}}}}},
      [case_id, P("version", "query", "This document version (0 = Basic LOA)", {"type": "integer", "minimum": 0}), P("as_of", "query", "The case as it stood on this date", {"type": "string", "format": "date"}), P("as_recorded", "query", "The case as recorded by this UTC time")])},
 "/api/cases/{case_id}/versions": {"get": op("listVersions", "The case's documents: version, label, hash, who recorded it and when", "Cases", "read", ok("Versions"), [case_id])},
 "/api/cases/{case_id}/diff": {"get": op("diffVersions", "Line-level differences between two versions", "Cases", "read", ok("Differences"),
      [case_id, P("from", "query", "From version", {"type": "integer"}, True), P("to", "query", "To version", {"type": "integer"}, True)])},
 "/api/cases/{case_id}/transitions": {"post": op("transitionCase", "Move the case to another lifecycle status", "Cases", "manage-case",
      {**ok("Moved; the new ETag is in the ETag header", "#/components/schemas/Transitioned"), **problem_refs(409, 412, 415, 428)},
      [case_id, P("If-Match", "header", "The case's ETag", required=True)], json_body("#/components/schemas/TransitionRequest"))},
 "/api/cases/{case_id}/signatures": {"post": op("signAmendment", "Record the purchaser's signature of an amendment imported unsigned: from its date the amendment is the document in force", "Cases", "manage-case",
      {**ok("Signed; the new ETag is in the ETag header", "#/components/schemas/Signed"), **problem_refs(409, 412, 415, 428)},
      [case_id, P("If-Match", "header", "The case's ETag", required=True)], json_body("#/components/schemas/SignatureRequest"))},
 "/api/cases/{case_id}/notification": {"get": op("notificationCheck", "Is AECA 36(b) congressional notification required?", "Cases", "read", ok("The check"),
      [case_id, P("version", "query", "Check this version (default the latest)", {"type": "integer"})])},
 "/api/cases/{case_id}/history": {"get": op("caseHistory", "Every recorded event of the case: who, when, what, hash", "Cases", "read-history", ok("A page of events", "#/components/schemas/EventList"), [case_id, limit, cursor])},
 "/api/imports/delivery-listings": import_op("importDeliveryListing", "delivery listing", "manage-case"),
 "/api/imports/receipts": import_op("importReceipts", "receipt inspection file", "manage-case"),
 "/api/imports/bills": import_op("importBill", "DD 645 bill", "manage-finance"),
 "/api/imports/payments": import_op("importPayments", "payments file", "manage-finance"),
 "/api/documents": {"get": op("listDocuments", "The execution documents of the caller's cases", "Execution", "read", ok("A page of documents"),
      [P("kind", "query", "delivery-listing, receipts, bill or payments"), P("all", "query", "true: include superseded documents"), limit, cursor])},
 "/api/reconciliation": {"post": op("reconcile", "Match seller deliveries with buyer receipts and record the match set", "Execution", "manage-case",
      {**ok("Recorded: the run's matches (created, voided) and the discrepancies as of its date in the caller's cases, as `fmsledger reconcile --json` answers", code="201"), **problem_refs(415)}, body=json_body("#/components/schemas/ReconcileRequest", False))},
 "/api/discrepancies": {"get": op("listDiscrepancies", "Every discrepancy of the caller's cases, aged, with next action", "Execution", "read", ok("A page of discrepancies"),
      [as_of, case_q, P("type", "query", "Only this type, e.g. quantity-short"), limit, cursor])},
 "/api/rates": {
   "get": op("listRates", "The recorded exchange rates, by pair and date", "Finance", "read", ok("Rates"),
             [P("pair", "query", "Only this pair, e.g. USD/JPY"), P("as_of", "query", "Only rates dated on or before this date", {"type": "string", "format": "date"}), organisation_q]),
   "post": op("importRates", "Import a file of published exchange rates (CSV, all or nothing)", "Finance", "manage-finance",
              {**ok("The same content was already recorded: nothing changed"), **ok("Recorded", code="201"), **problem_refs(409, 413, 415)},
              [P("source", "query", "File name recorded as the document's source"), organisation_q], csv_body("date,pair,rate,source (docs/formats/exchange-rates.md)"))},
 "/api/rates/on": {"get": op("rateOn", "The rate of a pair on a date: the latest recorded on or before it", "Finance", "read", ok("The rate and the document that recorded it", "#/components/schemas/RateOn"),
      [P("pair", "query", "The pair, e.g. USD/JPY", required=True), P("date", "query", "The date YYYY-MM-DD", {"type": "string", "format": "date"}, True), organisation_q])},
 "/api/fiscal-years": {"get": op("japaneseFiscalYears", "Japanese fiscal years named both ways (JFY2025 / 令和7年度), from the era table of the reference data", "Finance", "read", ok("The fiscal years of the span: jfy, label, japanese and romaji (null before the era table), first_day, last_day"),
      [P("from", "query", "The first Japanese fiscal year, 1900-2199", {"type": "integer"}, True), P("to", "query", "The last one; at most 100 years from `from`", {"type": "integer"}, True)])},
 "/api/budgets": {"post": op("importBudget", "Import a budget document (fmsledger.budget/1 JSON); every case it names must be one the caller may manage finance for", "Finance", "manage-finance",
      {**ok("The same content was already recorded: nothing changed", "#/components/schemas/BudgetImportOutcome"), **ok("Recorded", "#/components/schemas/BudgetImportOutcome", code="201"), **problem_refs(409, 413, 415)},
      [P("source", "query", "File name recorded as the document's source"), organisation_q],
      {"required": True, "content": {"application/json": {"schema": {"type": "object", "description": "A budget document (docs/formats/budget.md)"}}}})},
 "/api/budgets/in-force": {"get": op("budgetInForce", "The budget document in force on a date (404 unless the caller may read every case it names)", "Finance", "read", ok("The document and its record", "#/components/schemas/BudgetInForce"), [as_of, organisation_q])},
 "/api/users": {
   "get": op("listUsers", "Every user with grants and tokens (never hashes)", "Administration", "administer", ok("Users")),
   "post": op("addUser", "Add a user", "Administration", "administer", {**ok("Added", "#/components/schemas/User", code="201"), **problem_refs(409, 415)}, body=json_body("#/components/schemas/NewUser"))},
 "/api/users/{user}": {"get": op("showUser", "One user", "Administration", "administer", ok("The user", "#/components/schemas/User"), [user_p])},
 "/api/users/{user}/password": {"post": op("setPassword", "Set a user's password (signs them out everywhere)", "Administration", "administer", {"200": {"description": "The password is changed; the user's signed-in sessions ended", "content": {"application/json": {"schema": {"type": "object", "properties": {"user": {"type": "string"}, "sessions_ended": {"type": "integer"}, "message": {"type": "string"}}}}}}}, [user_p], json_body("#/components/schemas/Password"))},
 "/api/users/{user}/disable": {"post": op("disableUser", "Disable a user (signs them out everywhere)", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Reason"))},
 "/api/users/{user}/enable": {"post": op("enableUser", "Enable a disabled user", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Reason"))},
 "/api/users/{user}/grants": {"post": op("grantRole", "Grant a role over an organisation (\"*\": every organisation)", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Grant"))},
 "/api/users/{user}/grants/revoke": {"post": op("revokeRole", "Revoke a grant", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Grant"))},
 "/api/users/{user}/tokens": {"post": op("issueUserToken", "Issue an API token acting as the user; shown once", "Administration", "administer", {**ok("The token, shown only now", "#/components/schemas/IssuedToken", code="201"), **problem_refs(415)}, [user_p], json_body("#/components/schemas/TokenRequest"))},
 "/api/users/{user}/tokens/{token_id}": {"delete": op("revokeUserToken", "Revoke a user's API token", "Administration", "administer", no_content, [user_p, token_p])},
 "/api/organisations": {
   "get": op("listOrganisations", "The caller's organisations (all, for an administrator)", "Administration", "signed-in", ok("Organisations")),
   "post": op("recordOrganisation", "Create or restate an organisation and the customer codes it owns", "Administration", "administer", ok("Recorded", "#/components/schemas/Organisation", code="201"), body=json_body("#/components/schemas/Organisation"))},
 "/api/audit": {"get": op("auditEvents", "The audit stream: sign-ins, failed sign-ins, denials, exports", "Administration", "verify", ok("A page of events", "#/components/schemas/EventList"), [limit, cursor])},
 "/api/sdrs": {"post": op("raiseSdr", "Draft a Supply Discrepancy Report (SF 364) on one discrepancy", "SDRs", "manage-case",
      {**ok("Drafted; Location and ETag name the new SDR", "#/components/schemas/SdrOutcome", code="201"), **problem_refs(409, 415)}, body=json_body("#/components/schemas/SdrRequest"),
      desc="The discrepancy is named as `GET /api/discrepancies` lists it: case, type, first document (and line, when the document spans several). The list of SDRs is the SDR report, `GET /api/reports/sdr`.")},
 "/api/sdrs/{number}": {"get": op("showSdr", "One SDR in full, with every step", "SDRs", "read",
      {"200": {"description": "The SDR, with the rows of its case's delivery listings that answer it (listing_answers) and what they credit (listing_credited_usd)", "headers": {"ETag": {"schema": {"type": "string"}, "description": "Send it back in If-Match to take a step"}}, "content": {"application/json": {"schema": {"type": "object"}}}}}, [sdr_p])},
 "/api/sdrs/{number}/steps": {"post": op("stepSdr", "Take a step: submit, answer, reconsider, contest or close (a draft's close is its withdrawal)", "SDRs", "manage-case",
      {**ok("Taken; the new ETag is in the ETag header", "#/components/schemas/SdrOutcome"), **problem_refs(409, 412, 415, 428)},
      [sdr_p, P("If-Match", "header", "The SDR's ETag", required=True)], json_body("#/components/schemas/SdrStep"))},
 "/api/verify": {"get": op("verify", "Check the hash chain, replay the log against the projections, re-hash segments", "Administration", "verify", ok("The result", "#/components/schemas/VerifyResult"))},
}
for name, summary in [("status", "Case financial status: ordered, delivered, billed, paid, advance held"),
                      ("closure", "Closure readiness of the cases in execution"),
                      ("exceptions", "Exceptions by group (unsettled, unreconciled, mismatched)"),
                      ("sdr", "Supply Discrepancy Reports: status, claimed and credited, deadlines")]:
    params = [as_of, case_q]
    if name == "exceptions": params = [as_of, P("detail", "query", "true: list each group's cases")]
    if name == "sdr": params = [as_of, case_q, P("status", "query", "draft, submitted, answered or closed"), P("open", "query", "true: only SDRs not closed")]
    paths[f"/api/reports/{name}"] = {"get": op(f"report{name.capitalize()}", summary, "Reports", "read",
        {"200": {"description": "The report (JSON by default; CSV or .xlsx by Accept)", "content": finance_content}, **problem_refs(406)}, params)}
for name, summary in [("forecast", "Payments per Japanese fiscal quarter in USD and in yen at the budget and current rates"),
                      ("exposure", "Exchange-rate exposure per Japanese fiscal year"),
                      ("envelope", "Programme envelopes and obligation authorities")]:
    paths[f"/api/reports/{name}"] = {"get": op(f"report{name.capitalize()}", summary, "Reports", "read",
        {"200": {"description": "The report (JSON by default; CSV or .xlsx by Accept)", "content": finance_content}, **problem_refs(406)}, [as_of, case_q, organisation_q])}
paths["/api/reports/workbook"] = {"get": op("reportWorkbook", "The forecast, exposure and envelope reports in one .xlsx workbook", "Reports", "read",
    {"200": {"description": "The workbook (.xlsx only)", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}, **problem_refs(406)}, [as_of, organisation_q])}
# A sign-in body over the limit is refused before it is read.
paths["/api/session"]["post"]["responses"].update(problem_refs(413))

S = lambda props, required=(), extra=False: {"type": "object", "properties": props, "required": list(required), "additionalProperties": extra}
s = {"type": "string"}
schemas = {
 "Problem": {"type": "object", "description": "RFC 9457 problem details", "properties": {"type": s, "title": s, "status": {"type": "integer"}, "detail": s, "errors": {"type": "array", "items": s}}, "required": ["type", "title", "status", "detail"]},
 "Health": S({"status": s}, ["status"]),
 "SignIn": S({"user": s, "password": {"type": "string", "format": "password"}}, ["user", "password"]),
 "GrantView": S({"role": {"enum": ["viewer", "case-manager", "finance", "auditor", "admin"]}, "organisation": s}, ["role", "organisation"]),
 "Me": S({"user": s, "display_name": s, "grants": {"type": "array", "items": {"$ref": "#/components/schemas/GrantView"}}, "csrf_token": s}, ["user", "display_name", "grants"]),
 "TokenRequest": S({"label": s, "expires_at": {"type": ["string", "null"], "format": "date-time"}}, ["label"]),
 "IssuedToken": S({"token_id": s, "token": s, "note": s}, ["token_id", "token"]),
 "Token": S({"token_id": s, "label": s, "issued_at": s, "expires_at": {"type": ["string", "null"]}, "revoked": {"type": "boolean"}}),
 "TokenList": S({"tokens": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}),
 "CaseSummary": {"type": "object", "properties": {k: s for k in ["case_id", "customer", "implementing_agency", "title", "purchaser", "status", "status_date", "latest_document", "currency", "value"]}},
 "CaseList": S({"cases": {"type": "array", "items": {"$ref": "#/components/schemas/CaseSummary"}}, "next_cursor": {"type": ["string", "null"]}}),
 "LoaImportOutcome": S({"recorded": {"type": "boolean"}, "case_id": s, "version": {"type": "integer"}, "document": s, "message": s}),
 "TransitionRequest": S({"to": s, "date": {"type": "string", "format": "date"}, "reason": s, "override": {"type": "string", "description": "Why the step is taken although something it requires is missing (the initial deposit, every line delivered, a settled final statement); recorded with what was missing. Without it such a step is refused with 409 naming what is missing"}}, ["to", "date", "reason"]),
 "Transitioned": S({"case_id": s, "from": s, "to": s, "date": s, "override": {"type": ["object", "null"], "description": "The override recorded: reason and missing"}}),
 "SignatureRequest": S({"version": {"type": "integer", "minimum": 1}, "date": {"type": "string", "format": "date"}, "reason": s}, ["version", "date", "reason"]),
 "Signed": S({"case_id": s, "version": {"type": "integer"}, "document": s, "acceptance_date": s}),
 "Event": {"type": "object", "properties": {"sequence": {"type": "integer"}, "recorded_at": s, "actor": s, "case_id": s, "type": s, "type_version": {"type": "integer"}, "payload": {}, "previous_hash": s, "hash": s}},
 "EventList": S({"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "next_cursor": {"type": ["string", "null"]}}),
 "ImportOutcome": S({"recorded": {"type": "boolean"}, "kind": s, "document_id": s, "rows": {"type": "integer"}, "cases": {"type": "array", "items": s}, "supersedes": {"type": ["string", "null"]}, "message": s}),
 "RateOn": S({"pair": s, "date": s, "rate": s, "point_date": s, "source": s, "document": s, "document_source": s}),
 "BudgetImportOutcome": S({"recorded": {"type": "boolean"}, "document_id": s, "effective_date": {"type": "string", "format": "date"}, "message": s}),
 "BudgetInForce": S({"content_hash": s, "source": s, "recorded_at": s, "actor": s, "document": {"type": "object", "description": "The canonical budget document (docs/formats/budget.md)"}}),
 "ReconcileRequest": S({"as_of": {"type": "string", "format": "date"}}),
 "NewUser": S({"user": s, "display_name": s, "password": {"type": "string", "format": "password", "minLength": 12}}, ["user", "display_name", "password"]),
 "User": {"type": "object", "properties": {"user": s, "display_name": s, "disabled": {"type": "boolean"}, "added_at": s, "grants": {"type": "array", "items": {"$ref": "#/components/schemas/GrantView"}}, "tokens": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}},
 "Password": S({"password": {"type": "string", "format": "password", "minLength": 12}}, ["password"]),
 "Reason": S({"reason": s}, ["reason"]),
 "Grant": S({"role": {"enum": ["viewer", "case-manager", "finance", "auditor", "admin"]}, "organisation": s}, ["role", "organisation"]),
 "Organisation": S({"id": s, "name": s, "customers": {"type": "array", "items": s}}, ["id", "name", "customers"]),
 "SdrRequest": S({"case": s, "type": s, "document": s, "line": s, "office": {"type": "string", "minLength": 1, "maxLength": 1}, "codes": {"type": "array", "items": s, "maxItems": 3}, "as_of": {"type": "string", "format": "date"}, "reason": s}, ["case", "type", "document", "reason"]),
 "SdrStep": S({"action": {"enum": ["submit", "answer", "reconsider", "contest", "close"]}, "date": {"type": "string", "format": "date"},
               "late_reason": {"type": "string", "description": "submit: required after the deadline"},
               "resolution": {"enum": ["credit", "replacement", "rejected"], "description": "answer: required"},
               "credit": {"type": "string", "description": "answer with credit: USD amount, e.g. \"2,120,000.00\""},
               "reply_code": {"type": "string", "description": "answer: the agency's reply (disposition) code"},
               "note": {"type": "string", "description": "answer: anything worth keeping"},
               "reason": {"type": "string", "description": "reconsider, contest, close: required"}}, ["action", "date"]),
 "SdrOutcome": S({"message": s, "warnings": {"type": "array", "items": s}, "sdr": {"type": "object"}}),
 "VerifyResult": {"type": "object", "properties": {"ok": {"type": "boolean"}, "error": s, "scope": {"oneOf": [{"const": "all organisations"}, {"type": "array", "items": s}]}, "events": {"type": "integer"}, "cases": {"type": "integer"}, "documents": {"type": "integer"}, "segments": {"type": "integer"}, "head_hash": s}},
}
doc = {
 "openapi": "3.1.0",
 "info": {"title": "fmsledger API", "version": "1", "description": "The purchaser's system of record for Foreign Military Sales cases. Every route but health, metrics, this document and signing in needs a session cookie (with X-CSRF-Token on unsafe methods) or an API token (Authorization: Bearer). A case outside the caller's organisations is answered exactly as a missing one (404). x-fmsledger-permission names what the route needs (docs/api.md, Roles). Errors are application/problem+json (RFC 9457)."},
 "servers": [{"url": "/"}],
 "security": [{"session": []}, {"token": []}],
 "paths": paths,
 "components": {
   "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "fmsledger_session"}, "token": {"type": "http", "scheme": "bearer"}},
   "responses": {"Problem": {"description": "A problem (RFC 9457)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
   "schemas": schemas}}
import pathlib
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "http" / "openapi.json"
out.write_text(json.dumps(doc, indent=1) + "\n")
print(len(paths))
