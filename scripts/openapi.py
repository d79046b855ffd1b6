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
lang_q = P("lang", "query", "Language of a CSV or .xlsx answer: en (default) or ja (column headings, sheet names, codes, yes/no and fiscal years such as 令和7年度 in Japanese, from src/http/words.json); JSON is not worded", {"enum": ["en", "ja"]})
def problem_refs(*codes):
    d = {}
    for c in codes:
        d[str(c)] = {"$ref": f"#/components/responses/Problem"}
    return d
def ok(desc, schema_ref=None, content=None, code="200"):
    if content is None:
        # Every JSON answer names its schema, so the web UI's generated types say what it gets.
        assert schema_ref, f"no schema for the JSON answer \"{desc}\""
        content = {"application/json": {"schema": {"$ref": schema_ref}}}
    return {code: {"description": desc, "content": content}}
def json_body(ref, required=True):
    return {"required": required, "content": {"application/json": {"schema": {"$ref": ref}}}}
def csv_body(desc):
    return {"required": True, "description": desc, "content": {"text/csv": {"schema": {"type": "string"}}}}
# A report's answer: JSON (its own schema) by default, CSV or .xlsx by the Accept header.
def report_content(schema):
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}
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
 "/api/openapi.json": {"get": op("openapi", "This document", "System", "anyone", ok("The OpenAPI 3.1 document", "#/components/schemas/OpenApiDocument"), public=True)},
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
      {"200": {"description": "The case", "headers": {"ETag": {"schema": {"type": "string"}, "description": "Send it back in If-Match to change the case"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseDetail"}}}}},
      [case_id, P("version", "query", "This document version (0 = Basic LOA)", {"type": "integer", "minimum": 0}), P("as_of", "query", "The case as it stood on this date", {"type": "string", "format": "date"}), P("as_recorded", "query", "The case as recorded by this UTC time")])},
 "/api/cases/{case_id}/versions": {"get": op("listVersions", "The case's documents: version, label, hash, who recorded it and when", "Cases", "read", ok("Versions", "#/components/schemas/VersionList"), [case_id])},
 "/api/cases/{case_id}/diff": {"get": op("diffVersions", "Line-level differences between two versions", "Cases", "read", ok("Differences", "#/components/schemas/Diff"),
      [case_id, P("from", "query", "From version", {"type": "integer"}, True), P("to", "query", "To version", {"type": "integer"}, True)])},
 "/api/cases/{case_id}/transitions": {"post": op("transitionCase", "Move the case to another lifecycle status", "Cases", "manage-case",
      {**ok("Moved; the new ETag is in the ETag header", "#/components/schemas/Transitioned"), **problem_refs(409, 412, 415, 428)},
      [case_id, P("If-Match", "header", "The case's ETag", required=True)], json_body("#/components/schemas/TransitionRequest"))},
 "/api/cases/{case_id}/signatures": {"post": op("signAmendment", "Record the purchaser's signature of an amendment imported unsigned: from its date the amendment is the document in force", "Cases", "manage-case",
      {**ok("Signed; the new ETag is in the ETag header", "#/components/schemas/Signed"), **problem_refs(409, 412, 415, 428)},
      [case_id, P("If-Match", "header", "The case's ETag", required=True)], json_body("#/components/schemas/SignatureRequest"))},
 "/api/cases/{case_id}/notification": {"get": op("notificationCheck", "Is AECA 36(b) congressional notification required?", "Cases", "read", ok("The check", "#/components/schemas/Notification"),
      [case_id, P("version", "query", "Check this version (default the latest)", {"type": "integer"})])},
 "/api/cases/{case_id}/history": {"get": op("caseHistory", "Every recorded event of the case: who, when, what, hash", "Cases", "read-history", ok("A page of events", "#/components/schemas/EventList"), [case_id, limit, cursor])},
 "/api/imports/delivery-listings": import_op("importDeliveryListing", "delivery listing", "manage-case"),
 "/api/imports/receipts": import_op("importReceipts", "receipt inspection file", "manage-case"),
 "/api/imports/bills": import_op("importBill", "DD 645 bill", "manage-finance"),
 "/api/imports/payments": import_op("importPayments", "payments file", "manage-finance"),
 "/api/documents": {"get": op("listDocuments", "The execution documents of the caller's cases", "Execution", "read", ok("A page of documents", "#/components/schemas/DocumentList"),
      [P("kind", "query", "delivery-listing, receipts, bill or payments"), P("all", "query", "true: include superseded documents"), limit, cursor])},
 "/api/reconciliation": {"post": op("reconcile", "Match seller deliveries with buyer receipts and record the match set", "Execution", "manage-case",
      {**ok("Recorded: the run's matches (created, voided) and the discrepancies as of its date in the caller's cases, as `fmsledger reconcile --json` answers", "#/components/schemas/ReconciliationRun", code="201"), **problem_refs(415)}, body=json_body("#/components/schemas/ReconcileRequest", False))},
 "/api/discrepancies": {"get": op("listDiscrepancies", "Every discrepancy of the caller's cases, aged, with next action", "Execution", "read", ok("A page of discrepancies", "#/components/schemas/DiscrepancyList"),
      [as_of, case_q, P("type", "query", "Only this type, e.g. quantity-short"), limit, cursor])},
 "/api/rates": {
   "get": op("listRates", "The recorded exchange rates, by pair and date", "Finance", "read", ok("Rates", "#/components/schemas/RateList"),
             [P("pair", "query", "Only this pair, e.g. USD/JPY"), P("as_of", "query", "Only rates dated on or before this date", {"type": "string", "format": "date"}), organisation_q]),
   "post": op("importRates", "Import a file of published exchange rates (CSV, all or nothing)", "Finance", "manage-finance",
              {**ok("The same content was already recorded: nothing changed", "#/components/schemas/RatesImportOutcome"), **ok("Recorded", "#/components/schemas/RatesImportOutcome", code="201"), **problem_refs(409, 413, 415)},
              [P("source", "query", "File name recorded as the document's source"), organisation_q], csv_body("date,pair,rate,source (docs/formats/exchange-rates.md)"))},
 "/api/rates/on": {"get": op("rateOn", "The rate of a pair on a date: the latest recorded on or before it", "Finance", "read", ok("The rate and the document that recorded it", "#/components/schemas/RateOn"),
      [P("pair", "query", "The pair, e.g. USD/JPY", required=True), P("date", "query", "The date YYYY-MM-DD", {"type": "string", "format": "date"}, True), organisation_q])},
 "/api/fiscal-years": {"get": op("japaneseFiscalYears", "Japanese fiscal years named both ways (JFY2025 / 令和7年度), from the era table of the reference data", "Finance", "read", ok("The fiscal years of the span: jfy, label, japanese and romaji (null before the era table), first_day, last_day", "#/components/schemas/FiscalYearList"),
      [P("from", "query", "The first Japanese fiscal year, 1900-2199", {"type": "integer"}, True), P("to", "query", "The last one; at most 100 years from `from`", {"type": "integer"}, True)])},
 "/api/budgets": {"post": op("importBudget", "Import a budget document (fmsledger.budget/1 JSON); every case it names must be one the caller may manage finance for", "Finance", "manage-finance",
      {**ok("The same content was already recorded: nothing changed", "#/components/schemas/BudgetImportOutcome"), **ok("Recorded", "#/components/schemas/BudgetImportOutcome", code="201"), **problem_refs(409, 413, 415)},
      [P("source", "query", "File name recorded as the document's source"), organisation_q],
      {"required": True, "content": {"application/json": {"schema": {"type": "object", "description": "A budget document (docs/formats/budget.md)"}}}})},
 "/api/budgets/in-force": {"get": op("budgetInForce", "The budget document in force on a date (404 unless the caller may read every case it names)", "Finance", "read", ok("The document and its record", "#/components/schemas/BudgetInForce"), [as_of, organisation_q])},
 "/api/users": {
   "get": op("listUsers", "Every user with grants and tokens (never hashes)", "Administration", "administer", ok("Users", "#/components/schemas/UserList")),
   "post": op("addUser", "Add a user", "Administration", "administer", {**ok("Added", "#/components/schemas/User", code="201"), **problem_refs(409, 415)}, body=json_body("#/components/schemas/NewUser"))},
 "/api/users/{user}": {"get": op("showUser", "One user", "Administration", "administer", ok("The user", "#/components/schemas/User"), [user_p])},
 "/api/users/{user}/password": {"post": op("setPassword", "Set a user's password (signs them out everywhere)", "Administration", "administer", ok("The password is changed; the user's signed-in sessions ended", "#/components/schemas/PasswordChanged"), [user_p], json_body("#/components/schemas/Password"))},
 "/api/users/{user}/disable": {"post": op("disableUser", "Disable a user (signs them out everywhere)", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Reason"))},
 "/api/users/{user}/enable": {"post": op("enableUser", "Enable a disabled user", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Reason"))},
 "/api/users/{user}/grants": {"post": op("grantRole", "Grant a role over an organisation (\"*\": every organisation)", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Grant"))},
 "/api/users/{user}/grants/revoke": {"post": op("revokeRole", "Revoke a grant", "Administration", "administer", no_content, [user_p], json_body("#/components/schemas/Grant"))},
 "/api/users/{user}/tokens": {"post": op("issueUserToken", "Issue an API token acting as the user; shown once", "Administration", "administer", {**ok("The token, shown only now", "#/components/schemas/IssuedToken", code="201"), **problem_refs(415)}, [user_p], json_body("#/components/schemas/TokenRequest"))},
 "/api/users/{user}/tokens/{token_id}": {"delete": op("revokeUserToken", "Revoke a user's API token", "Administration", "administer", no_content, [user_p, token_p])},
 "/api/organisations": {
   "get": op("listOrganisations", "The caller's organisations (all, for an administrator)", "Administration", "signed-in", ok("Organisations", "#/components/schemas/OrganisationList")),
   "post": op("recordOrganisation", "Create or restate an organisation and the customer codes it owns", "Administration", "administer", ok("Recorded", "#/components/schemas/Organisation", code="201"), body=json_body("#/components/schemas/Organisation"))},
 "/api/audit": {"get": op("auditEvents", "The audit stream: sign-ins, failed sign-ins, denials, exports", "Administration", "verify", ok("A page of events", "#/components/schemas/EventList"), [limit, cursor])},
 "/api/sdrs": {"post": op("raiseSdr", "Draft a Supply Discrepancy Report (SF 364) on one discrepancy", "SDRs", "manage-case",
      {**ok("Drafted; Location and ETag name the new SDR", "#/components/schemas/SdrOutcome", code="201"), **problem_refs(409, 415)}, body=json_body("#/components/schemas/SdrRequest"),
      desc="The discrepancy is named as `GET /api/discrepancies` lists it: case, type, first document (and line, when the document spans several). The list of SDRs is the SDR report, `GET /api/reports/sdr`.")},
 "/api/sdrs/{number}": {"get": op("showSdr", "One SDR in full, with every step", "SDRs", "read",
      {"200": {"description": "The SDR, with the rows of its case's delivery listings that answer it (listing_answers) and what they credit (listing_credited_usd)", "headers": {"ETag": {"schema": {"type": "string"}, "description": "Send it back in If-Match to take a step"}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SdrDetail"}}}}}, [sdr_p])},
 "/api/sdrs/{number}/steps": {"post": op("stepSdr", "Take a step: submit, answer, reconsider, contest or close (a draft's close is its withdrawal)", "SDRs", "manage-case",
      {**ok("Taken; the new ETag is in the ETag header", "#/components/schemas/SdrOutcome"), **problem_refs(409, 412, 415, 428)},
      [sdr_p, P("If-Match", "header", "The SDR's ETag", required=True)], json_body("#/components/schemas/SdrStep"))},
 "/api/verify": {"get": op("verify", "Check the hash chain, replay the log against the projections, re-hash segments", "Administration", "verify", ok("The result", "#/components/schemas/VerifyResult"))},
}
for name, summary in [("status", "Case financial status: ordered, delivered, billed, paid, advance held"),
                      ("closure", "Closure readiness of the cases in execution"),
                      ("exceptions", "Exceptions by group (unsettled, unreconciled, mismatched)"),
                      ("sdr", "Supply Discrepancy Reports: status, claimed and credited, deadlines"),
                      ("discrepancies", "Every discrepancy of the caller's cases, unpaged (GET /api/discrepancies pages the same list)")]:
    schema = {"status": "StatusReport", "closure": "ClosureReport", "exceptions": "ExceptionsReport", "sdr": "SdrReport", "discrepancies": "DiscrepancyReport"}[name]
    params = [as_of, case_q]
    if name == "exceptions": params = [as_of, P("detail", "query", "true: list each group's cases")]
    if name == "discrepancies": params = [as_of, case_q, P("type", "query", "Only this discrepancy type")]
    if name == "sdr": params = [as_of, case_q, P("status", "query", "draft, submitted, answered or closed"), P("open", "query", "true: only SDRs not closed")]
    params = params + [lang_q]
    paths[f"/api/reports/{name}"] = {"get": op(f"report{name.capitalize()}", summary, "Reports", "read",
        {"200": {"description": "The report (JSON by default; CSV or .xlsx by Accept)", "content": report_content(schema)}, **problem_refs(406)}, params)}
for name, summary in [("forecast", "Payments per Japanese fiscal quarter in USD and in yen at the budget and current rates"),
                      ("exposure", "Exchange-rate exposure per Japanese fiscal year"),
                      ("envelope", "Programme envelopes and obligation authorities")]:
    paths[f"/api/reports/{name}"] = {"get": op(f"report{name.capitalize()}", summary, "Reports", "read",
        {"200": {"description": "The report (JSON by default; CSV or .xlsx by Accept)", "content": report_content(f"{name.capitalize()}Report")}, **problem_refs(406)}, [as_of, case_q, organisation_q, lang_q])}
paths["/api/reports/workbook"] = {"get": op("reportWorkbook", "The forecast, exposure and envelope reports in one .xlsx workbook", "Reports", "read",
    {"200": {"description": "The workbook (.xlsx only)", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}, **problem_refs(406)}, [as_of, organisation_q, lang_q])}
# A sign-in body over the limit is refused before it is read.
paths["/api/session"]["post"]["responses"].update(problem_refs(413))

S = lambda props, required=(), extra=False: {"type": "object", "properties": props, "required": list(required), "additionalProperties": extra}
s = {"type": "string"}
schemas = {
 "Problem": {"type": "object", "description": "RFC 9457 problem details", "properties": {"type": s, "title": s, "status": {"type": "integer"}, "detail": s, "code": {"type": "string", "description": "Stable name of the kind of problem, for a client to word in its own language: by status bad-request, not-signed-in, forbidden, not-found, method-not-allowed, not-acceptable, timeout, conflict, precondition-failed, too-large, unsupported-media-type, invalid-input, precondition-required, too-many-requests, headers-too-large, server-error, unavailable; narrower: sign-in-failed"}, "pointer": {"type": "string", "description": "The request field the problem is about, as a JSON pointer"}, "errors": {"type": "array", "items": s}}, "required": ["type", "title", "status", "detail", "code"]},
 "Health": S({"status": s}, ["status"]),
 "SignIn": S({"user": s, "password": {"type": "string", "format": "password"}}, ["user", "password"]),
 "GrantView": S({"role": {"enum": ["viewer", "case-manager", "finance", "auditor", "admin"]}, "organisation": s, "permissions": {"type": "array", "description": "What the role may do (in the session's answer): read, read-history, manage-case, manage-finance, verify, administer", "items": {"enum": ["read", "read-history", "manage-case", "manage-finance", "verify", "administer"]}}}, ["role", "organisation"]),
 "Me": S({"user": s, "display_name": s, "grants": {"type": "array", "items": {"$ref": "#/components/schemas/GrantView"}}, "csrf_token": s}, ["user", "display_name", "grants"]),
 "TokenRequest": S({"label": s, "expires_at": {"type": ["string", "null"], "format": "date-time"}}, ["label"]),
 "IssuedToken": S({"token_id": s, "token": s, "note": s}, ["token_id", "token"]),
 "Token": S({"token_id": s, "label": s, "issued_at": s, "expires_at": {"type": ["string", "null"]}, "revoked": {"type": "boolean"}}, ["token_id", "label", "issued_at", "expires_at", "revoked"]),
 "TokenList": S({"tokens": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}}, ["tokens"]),
 "CaseSummary": {"type": "object", "properties": {**{k: s for k in ["case_id", "customer", "implementing_agency", "title", "purchaser"]}, "status": {"$ref": "#/components/schemas/CaseStatus"}, "status_date": {"type": "string", "format": "date"}, "latest_version": {"type": "integer"}, "latest_document": s, "currency": s, "value": {"type": "string", "description": "The case's total in its currency, a decimal string"}, "line_count": {"type": "integer"}},
                 "required": ["case_id", "customer", "implementing_agency", "title", "purchaser", "status", "status_date", "latest_version", "latest_document", "currency", "value", "line_count"]},
 "CaseList": S({"cases": {"type": "array", "items": {"$ref": "#/components/schemas/CaseSummary"}}, "next_cursor": {"type": ["string", "null"]}}, ["cases", "next_cursor"]),
 "LoaImportOutcome": S({"recorded": {"type": "boolean"}, "case_id": s, "version": {"type": "integer"}, "document": s, "message": s}, ["recorded", "case_id", "version", "document", "message"]),
 "TransitionRequest": S({"to": s, "date": {"type": "string", "format": "date"}, "reason": s, "override": {"type": "string", "description": "Why the step is taken although something it requires is missing (the initial deposit, every line delivered, a settled final statement); recorded with what was missing. Without it such a step is refused with 409 naming what is missing"}}, ["to", "date", "reason"]),
 "Transitioned": S({"case_id": s, "from": {"type": "string", "description": "The status left (\"\" if none)"}, "to": {"$ref": "#/components/schemas/CaseStatus"}, "date": {"type": "string", "format": "date"}, "override": {"oneOf": [{"$ref": "#/components/schemas/GuardOverride"}, {"type": "null"}], "description": "The override recorded: reason and missing"}}, ["case_id", "from", "to", "date", "override"]),
 "SignatureRequest": S({"version": {"type": "integer", "minimum": 1}, "date": {"type": "string", "format": "date"}, "reason": s}, ["version", "date", "reason"]),
 "Signed": S({"case_id": s, "version": {"type": "integer"}, "document": s, "acceptance_date": {"type": "string", "format": "date"}}, ["case_id", "version", "document", "acceptance_date"]),
 "Event": {"type": "object", "properties": {"sequence": {"type": "integer"}, "recorded_at": s, "actor": s, "case_id": {"type": "string", "description": "The case, or a stream such as @audit"}, "type": s, "type_version": {"type": "integer"}, "payload": {"description": "The event as recorded (its type decides its members)"}, "previous_hash": s, "hash": s},
           "required": ["sequence", "recorded_at", "actor", "case_id", "type", "type_version", "payload", "previous_hash", "hash"]},
 "EventList": S({"events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, "next_cursor": {"type": ["string", "null"]}}, ["events", "next_cursor"]),
 "ImportOutcome": S({"recorded": {"type": "boolean"}, "kind": {"enum": ["delivery-listing", "receipts", "bill", "payments"]}, "document_id": s, "rows": {"type": "integer"}, "cases": {"type": "array", "items": s}, "supersedes": {"type": ["string", "null"]}, "message": s}, ["recorded", "kind", "document_id", "rows", "cases", "supersedes", "message"]),
 "RateOn": S({"pair": s, "date": {"type": "string", "format": "date"}, "rate": s, "point_date": {"type": "string", "format": "date", "description": "The date of the rate used: the latest on or before `date`"}, "source": s, "document": s, "document_source": s}, ["pair", "date", "rate", "point_date", "source", "document", "document_source"]),
 "BudgetImportOutcome": S({"recorded": {"type": "boolean"}, "document_id": s, "effective_date": {"type": "string", "format": "date"}, "message": s}, ["recorded", "document_id", "effective_date", "message"]),
 "BudgetInForce": S({"content_hash": s, "source": s, "recorded_at": s, "actor": s, "document": {"$ref": "#/components/schemas/BudgetDocument"}}, ["content_hash", "source", "recorded_at", "actor", "document"]),
 "ReconcileRequest": S({"as_of": {"type": "string", "format": "date"}}),
 "NewUser": S({"user": s, "display_name": s, "password": {"type": "string", "format": "password", "minLength": 12}}, ["user", "display_name", "password"]),
 "User": {"type": "object", "properties": {"user": s, "display_name": s, "disabled": {"type": "boolean"}, "added_at": s, "grants": {"type": "array", "items": {"$ref": "#/components/schemas/GrantView"}}, "tokens": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}},
          "required": ["user", "display_name", "disabled", "added_at", "grants", "tokens"]},
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
 "SdrOutcome": S({"message": s, "warnings": {"type": "array", "items": s}, "sdr": {"$ref": "#/components/schemas/Sdr"}}, ["message", "warnings", "sdr"]),
 "VerifyResult": {"type": "object", "required": ["ok"], "description": "ok false: only ok and error", "properties": {"ok": {"type": "boolean"}, "error": s, "scope": {"oneOf": [{"const": "all organisations"}, {"type": "array", "items": s}]}, "events": {"type": "integer"}, "cases": {"type": "integer"}, "documents": {"type": "integer"}, "segments": {"type": "integer"}, "head_hash": s}},
}
# The schemas of the answers (GET bodies, reports). Unlike S (request bodies, whose unknown
# members the server refuses), R leaves additionalProperties unstated so that a member added to
# an answer later breaks no client; every member the server always writes is required, and the
# few it writes only sometimes are named in `optional`. A member that may be null says so.
def R(props, optional=(), desc=None):
    o = {"type": "object", "properties": props, "required": [k for k in props if k not in optional]}
    if desc: o["description"] = desc
    return o
ref = lambda name: {"$ref": f"#/components/schemas/{name}"}
def N(schema):
    """The schema, or null."""
    if "$ref" in schema: return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}
arr = lambda items: {"type": "array", "items": items}
i = {"type": "integer"}
b = {"type": "boolean"}
day = {"type": "string", "format": "date"}
usd = {"type": "string", "description": "US dollars as a decimal string, e.g. \"1234.56\" (negative with a leading -)"}
jpy = {"type": "string", "description": "Yen as an integer string, e.g. \"17760000000\""}
money = {"type": "string", "description": "An amount in the case's currency as a decimal string"}
rate = {"type": "string", "description": "An exchange rate as a decimal string, e.g. \"152.80\""}
strs = arr(s)
next_cursor = {"type": ["string", "null"], "description": "The cursor of the next page; null on the last page"}
# What every reconciliation-based report starts with.
freshness = {"as_of": day, "matches_recorded": {"type": "boolean", "description": "false: no reconciliation covers the recorded documents; matches were computed for this answer"}, "unreconciled_documents": i}
# A finance report: the rates and budget it used, its notes, and its tables (one array of rows
# per sheet of the .xlsx form, keyed by the sheet's name in snake case).
def finance_report(name, tables, desc):
    return R({"report": {"type": "string", "enum": [name]}, "as_of": day, "current_rate": ref("RateUsed"), "budget": N(ref("BudgetUsed")),
              "budget_rates": arr(ref("BudgetRateUsed")), "notes": strs, "over_block": {"type": "boolean", "description": "An appropriation whose policy is block is exceeded"},
              "tables": R({k: arr(ref(v)) for k, v in tables.items()})}, desc=desc)
answers = {
 # Names the server writes from fixed tables (core/case_status.cc, recon/names.cc, core/sdr.cc).
 "CaseStatus": {"enum": ["lor-received", "pa-issued", "in-development", "cn-pending", "offered", "restated", "offer-expired", "withdrawn", "accepted", "implemented", "suspended",
                         "cancellation-requested", "cancelled", "supply-services-complete", "closure-submitted", "closed-interim", "closed", "reopened"]},
 "DiscrepancyType": {"enum": ["shipped-not-received", "received-not-reported", "quantity-short", "quantity-over", "rejected-on-inspection", "value-mismatch", "line-mismatch",
                              "duplicate-document", "delivered-beyond-line-quantity", "line-past-availability-undelivered", "billed-not-delivered", "delivered-not-billed",
                              "paid-ahead-of-bill", "past-ssc-unsettled", "payment-not-credited", "credited-not-recorded", "statement-overdue", "statement-missing",
                              "deposit-unpaid", "case-value-mismatch", "cost-near-case-value", "cost-above-case-value", "settlement-outstanding"]},
 "SdrStatus": {"enum": ["draft", "submitted", "answered", "closed"]},
 "SdrResolution": {"enum": ["credit", "replacement", "rejected"]},
 "OpenApiDocument": {"type": "object", "properties": {"openapi": s, "info": {"type": "object"}, "paths": {"type": "object"}, "components": {"type": "object"}},
                     "required": ["openapi", "info", "paths"], "additionalProperties": True},
 # Cases
 "GuardOverride": R({"reason": s, "missing": strs}, desc="A lifecycle step taken although something it requires was missing"),
 "CaseLine": R({"number": s, "generic_code": s, "masl": s, "description": s, "pricing": {"enum": ["per_unit", "lump_sum"]}, "quantity": i, "unit_of_issue": s,
                "unit_cost": money, "total": money, "type_of_assistance": s, "source_of_supply": s, "offer_release_code": s, "delivery_term_code": s,
                "mde": b, "sme": b, "admin_surcharge_basis_points": i}),
 "CostSummary": R({k: money for k in ["net_estimated_cost", "packing_crating_handling", "transportation", "administrative_surcharge", "other", "total"]}),
 "ScheduledPayment": R({"due": day, "what": {"enum": ["initial deposit", "installment"]}, "us_fiscal_quarter": s, "japan_fiscal_quarter": s, "amount": money}),
 "CaseDocument": R({"version": i, "document": s, "offer_date": day, "offer_expiration": N(day), "acceptance_date": N(day), "effective_date": day, "in_force": {"type": "boolean", "description": "false: an amendment offered and not signed"},
                    "total": money, "purpose": s, "sha256": s, "recorded_at": s, "recorded_by": s}),
 "StatusChange": R({"date": day, "from": N(ref("CaseStatus")), "to": ref("CaseStatus"), "reason": s, "override": N(ref("GuardOverride")),
                    "recorded": {"type": "boolean", "description": "false: derived (from the offer expiration date), not recorded"}, "recorded_at": s, "recorded_by": s}),
 "CaseDetail": R({"case_id": s, "title": s, "purchaser": s, "status": ref("CaseStatus"), "status_date": day, "version": {"type": "integer", "description": "The version shown"},
                  "document": s, "currency": s, "lines": arr(ref("CaseLine")), "cost_summary": ref("CostSummary"), "payment_schedule": arr(ref("ScheduledPayment")),
                  "documents": arr(ref("CaseDocument")), "status_history": arr(ref("StatusChange"))}, desc="One case as of the version or date asked; amounts in its currency"),
 "Version": R({"version": i, "document": s, "effective_date": day, "purpose": s, "sha256": s, "source": s, "recorded_at": s, "actor": s}),
 "VersionList": R({"case_id": s, "versions": arr(ref("Version"))}),
 "LineDifference": R({"line": s, "change": {"enum": ["added", "removed", "changed"]}, "fields": {**strs, "description": "For changed: \"quantity: 200 -> 250\", ..."}}),
 "Diff": R({"case_id": s, "from_version": i, "to_version": i, "from_total": money, "to_total": money, "lines": arr(ref("LineDifference"))}),
 "RecordedNotification": R({"transmittal": s, "notified_on": day, "value": money}),
 "Notification": R({"case_id": s, "version": i, "required": b, "group": {"type": "string", "description": "nato_plus5 or other"}, "thresholds_effective_from": day,
                    "reference_date": day, "mde_value": usd, "total_value": usd, "design_construction_value": usd, "triggered": strs,
                    "review_period_days": {"type": "integer", "description": "When required"}, "recorded_notification": ref("RecordedNotification")},
                   optional=["recorded_notification"], desc="recorded_notification only when the document records one"),
 # Execution
 "ExecutionDocument": R({"id": s, "short_id": s, "kind": {"enum": ["delivery-listing", "receipts", "bill", "payments"]}, "rows": N(i), "source": N(s), "recorded_at": s,
                         "actor": N(s), "cases": strs, "partial": {"type": "boolean", "description": "true: partly another organisation's; rows, source, actor and reason are withheld (null)"},
                         "supersedes": N(s), "reason": N(s), "superseded_by": N(s)}),
 "DocumentList": R({"documents": arr(ref("ExecutionDocument")), "next_cursor": next_cursor}),
 "Discrepancy": R({"type": ref("DiscrepancyType"), "case_id": s, "line": {"type": "string", "description": "\"\": the case as a whole"}, "documents": strs, "usd": usd,
                   "arose": day, "age_days": i, "next_action": s, "action_due": N(day)}),
 "DiscrepancyList": R({**freshness, "discrepancies": arr(ref("Discrepancy")), "next_cursor": next_cursor}),
 "DiscrepancyReport": R({**freshness, "discrepancies": arr(ref("Discrepancy"))}, desc="Every discrepancy asked for, unpaged"),
 "ReconciliationRun": R({"as_of": day, "matches": i, "created": i, "voided": i, "discrepancies": i, "by_type": {"type": "object", "additionalProperties": i, "description": "Discrepancies by type"}}),
 # Finance
 "Rate": R({"date": day, "pair": s, "rate": rate, "source": s, "document": s, "document_source": s}),
 "RateList": R({"rates": arr(ref("Rate"))}),
 "RatesImportOutcome": R({"recorded": b, "document_id": s, "points": i, "new_points": i, "message": s}),
 "FiscalYear": R({"jfy": i, "label": s, "japanese": N(s), "romaji": N(s), "first_day": day, "last_day": day}, desc="japanese and romaji are null before the era table"),
 "FiscalYearList": R({"fiscal_years": arr(ref("FiscalYear"))}),
 "BudgetRate": R({"fiscal_year": s, "pair": s, "rate": rate, "source": s}),
 "Appropriation": R({"id": s, "fiscal_year": s, "programme": s, "category": s, "amount": jpy, "policy": s, "cases": strs}),
 "ObligationAuthority": R({"id": s, "title": s, "contract_year": s, "payment_years": strs, "ceiling": jpy, "long_term_designation": b, "cases": strs}),
 "EnvelopeShare": R({"id": s, "name": s, "amount": jpy, "cases": strs}),
 "Envelope": R({"id": s, "name": s, "first_year": s, "last_year": s, "total": jpy, "assumed_rate": R({"pair": s, "rate": rate}), "shares": arr(ref("EnvelopeShare"))}),
 "BudgetDocument": R({"format": s, "effective_date": day, "title": s, "provenance": s, "budget_rates": arr(ref("BudgetRate")), "appropriations": arr(ref("Appropriation")),
                      "obligation_authorities": arr(ref("ObligationAuthority")), "envelopes": arr(ref("Envelope"))}, desc="The canonical budget document (docs/formats/budget.md)"),
 # Administration
 "UserList": R({"users": arr(ref("User"))}),
 "OrganisationList": R({"organisations": arr(ref("Organisation"))}),
 "PasswordChanged": R({"user": s, "sessions_ended": i, "message": s}),
 # SDRs
 "SdrDiscrepancy": R({"type": ref("DiscrepancyType"), "case_id": s, "line": s, "document": s}),
 "SdrHistoryStep": R({"step": {"enum": ["created", "submitted", "answered", "reconsideration requested", "contested", "closed", "withdrawn"]}, "date": day, "number": s,
                      "text": s, "resolution": N(ref("SdrResolution")), "credit_usd": N(usd), "reply_code": N(s), "late": b, "sequence": i, "recorded_at": s, "actor": s}),
 "ListingAnswer": R({"listing": s, "source": s, "source_line": i, "sdr": s, "transaction_type": s, "line": s, "document_number": s, "date": day, "quantity": i, "usd": usd}),
 "SdrReportRow": R({"number": s, "case_id": s, "line": s, "type": ref("DiscrepancyType"), "status": ref("SdrStatus"), "withdrawn": b, "resolution": N(ref("SdrResolution")),
                    "codes": strs, "claimed_usd": usd, "credited_usd": usd, "below_minimum": b, "deadline": day,
                    "days_to_deadline": N({**i, "description": "Drafts only"}), "warning": N({**s, "description": "Drafts only"}), "submitted_on": N(day), "submitted_late": b}),
 "SdrReport": R({"as_of": day, "deadline_warning_days": i, "sdrs": arr(ref("SdrReportRow"))}),
 # Reports
 "Statement": R({"statement_date": day, "final_statement": b, **{k: N(usd) for k in ["case_value", "delivered", "costs_in_progress", "accessorials", "surcharges", "total_cost", "payments_received"]},
                 "termination_liability": usd, "amount_due": usd, "due_date": day, "forecast_next_quarter": N(usd)}, desc="The figures of a DD 645 statement; null where it states none"),
 "NextPayment": R({"due": day, "usd": usd, "basis": s}),
 "PositionSettlement": R({"statement_date": day, **{k: usd for k in ["payments_received", "total_cost", "balance", "paid_since", "outstanding"]}}),
 "CasePosition": R({"as_of": day, "case_value": usd, "statement": N(ref("Statement")), "statements": i, "paid": usd, "paid_jpy": {"type": "integer", "description": "The yen the payments cost, where recorded"},
                    "paid_by_statement_date": usd, "scheduled_to_date": usd, "billed_to_date": N(usd), "cash_held": N(usd), "cash_available": N(usd), "arrears": usd,
                    "arrears_due": N(day), "schedule_minus_billed": N(usd), "next_payment": N(ref("NextPayment")), "settlement": N(ref("PositionSettlement"))}),
 "Tally": R({"count": i, "usd": usd}),
 "AdverseCondition": R({"condition": s, "line": s, "text": s}),
 "LineFinancials": R({"line": s, "on_loa": b, "ordered_quantity": i, "ordered_value": usd, "planned_availability": N(day), "delivered_quantity": i, "delivered_value": usd,
                      "credited_quantity": i, "credited_value": usd, "received_quantity": i, "accepted_quantity": i, "rejected_quantity": i, "billed_delivered": N(usd),
                      "billed_statement_date": N(day), "sdr_credits": usd, "open_discrepancies": i, "open_discrepancies_usd": usd, "undelivered_value": usd}),
 "CaseFinancials": R({"case_id": s, "title": s, "status": ref("CaseStatus"), "supply_services_complete": N(day),
                      **{k: usd for k in ["case_value", "ordered_value", "delivered_value", "undelivered_value", "credited_value", "listed_charges", "paid", "sdr_credits"]},
                      "position": ref("CasePosition"),
                      "open_discrepancies": R({"count": i, "usd": usd, "by_type": {"type": "object", "additionalProperties": ref("Tally"), "description": "By discrepancy type"}}),
                      "open_sdrs": strs, "adverse_conditions": arr(ref("AdverseCondition")), "lines": arr(ref("LineFinancials"))},
                     optional=["lines"], desc="lines only in the report of one case (?case=)"),
 "StatusTotals": R({"cases": i, **{k: usd for k in ["case_value", "ordered_value", "delivered_value", "undelivered_value", "total_cost", "costs_in_progress", "paid", "sdr_credits", "arrears"]},
                    "cash_held_by_purchaser": {"type": "object", "additionalProperties": R({"cash_held": usd, "cash_available": usd}), "description": "By purchaser (customer code)"},
                    "open_discrepancies": i, "open_discrepancies_usd": usd, "adverse_conditions": i}),
 "StatusReport": R({**freshness, "cases": arr(ref("CaseFinancials")), "totals": ref("StatusTotals")}),
 "ClosureCheck": R({"item": s, "ok": b, "reason": s}),
 "ClosureSettlement": R({"statement_date": day, **{k: N(usd) for k in ["payments_received", "delivered", "costs_in_progress", "accessorials", "surcharges", "total_cost"]},
                         "balance": usd, "paid_since": usd, "outstanding": usd}, desc="The settlement of the final statement"),
 "CaseClosure": R({"case_id": s, "status": ref("CaseStatus"), "supply_services_complete": N(day), "closure_target": N(day), "ready": b, "first_blocker": N(ref("ClosureCheck")),
                   "checks": arr(ref("ClosureCheck")), "settlement": N(ref("ClosureSettlement"))}),
 "ClosureReport": R({**freshness, "closure_months_after_ssc": i, "ready": i, "blocked": i, "cases": arr(ref("CaseClosure"))}),
 "ExceptionCase": R({"case_id": s, "usd": usd}),
 "ExceptionGroup": R({"group": s, "label": s, "cases": i, "usd": usd, "case_list": arr(ref("ExceptionCase"))}, optional=["case_list"], desc="case_list only with ?detail=true"),
 "ExceptionsReport": R({**freshness, "groups": arr(ref("ExceptionGroup"))}),
 # The money-over-time reports (report/finance_reports.cc). Table cells are text; an empty cell is null.
 "RateUsed": R({"pair": s, "rate": rate, "kind": {"enum": ["current", "budget"]}, "date": day, "source": s}),
 "BudgetRateUsed": R({"pair": s, "rate": rate, "kind": {"enum": ["budget"]}, "date": day, "source": s, "fiscal_year": s}),
 "BudgetUsed": R({"content_hash": s, "source": s, "effective_date": day, "title": s, "provenance": s}),
 "ForecastRow": R({"case": s, "jfy": s, "quarter": s, "basis": s, "past": {"enum": ["yes", "no"]}, "usd": usd, "budget_rate": N(rate), "jpy_at_budget_rate": N(jpy),
                   "usd_paid": usd, "jpy_paid": jpy, "current_rate": rate, "jpy_paid_at_current_rate": jpy, "exposure_jpy": N(jpy)}),
 "ProgrammeYearTotal": R({"programme": s, "jfy": s, "usd": usd, "budget_rate": N(rate), "jpy_at_budget_rate": N(jpy), "current_rate": rate, "jpy_paid_at_current_rate": jpy,
                          "exposure_jpy": N(jpy), "complete": s}),
 "YearTotal": R({"jfy": s, "usd": usd, "budget_rate": N(rate), "jpy_at_budget_rate": N(jpy), "current_rate": rate, "jpy_paid_at_current_rate": jpy, "exposure_jpy": N(jpy), "complete": s}),
 "AppropriationCheck": R({"appropriation": s, "jfy": s, "programme": s, "category": s, "policy": s, "appropriated_jpy": jpy, "forecast_jpy_at_budget_rate": jpy, "headroom_jpy": jpy, "status": s}),
 "CaseYearExposure": R({"case": s, "jfy": s, "programme": s, "usd": usd, "budget_rate": N(rate), "jpy_at_budget_rate": N(jpy), "usd_paid": usd, "jpy_paid": jpy,
                        "jpy_paid_at_current_rate": jpy, "exposure_jpy": N(jpy)}),
 "PaidRow": R({"payment": s, "date": day, "jfy": s, "case": s, "amount": {"type": "string", "description": "In `currency`"}, "currency": s, "usd": usd,
               "transaction_rate": N(rate), "rate_kind": N(s), "rate_date": N(day), "jpy_paid": N(jpy), "budget_rate": N(rate), "jpy_at_budget_rate": N(jpy), "realised_exposure_jpy": N(jpy)}),
 "EnvelopeRow": R({"envelope": s, "first_year": s, "last_year": s, "envelope_jpy": jpy, "assumed_rate": rate, "share": s, "share_jpy": jpy,
                   "cases_counted": {"type": "string", "description": "Case ids separated by spaces"}, "contracts_usd": usd, "at_assumed_rate_jpy": jpy,
                   "at_budget_rates_jpy": N(jpy), "exchange_effect_jpy": N(jpy), "remaining_jpy": N(jpy), "complete": s}),
 "ObligationAuthorityRow": R({"authority": s, "title": s, "contract_year": s, "payment_years": {"type": "string", "description": "Years separated by spaces"}, "ceiling_jpy": jpy,
                              "forecast_in_payment_years_jpy": jpy, "remaining_jpy": jpy, "forecast_outside_years_jpy": jpy, "years_outside": s, "paid_to_date_jpy": jpy, "status": s}),
 "ForecastReport": finance_report("forecast", {"forecast": "ForecastRow", "by_programme_and_year": "ProgrammeYearTotal", "appropriations": "AppropriationCheck"},
                                  "Payments per Japanese fiscal quarter in USD and in yen"),
 "ExposureReport": finance_report("exposure", {"exposure": "YearTotal", "exposure_by_case": "CaseYearExposure", "paid": "PaidRow"}, "Exchange-rate exposure per Japanese fiscal year"),
 "EnvelopeReport": finance_report("envelope", {"envelopes": "EnvelopeRow", "obligation_authority": "ObligationAuthorityRow"}, "Programme envelopes and obligation authorities (empty tables without a budget)"),
}
# One SDR (as the answer of a step carries it), and in full with its delivery-listing answers.
sdr_props = {"number": {"type": "string", "description": "With the suffix of its stage"}, "base_number": s, "status": ref("SdrStatus"), "withdrawn": b,
             "resolution": N(ref("SdrResolution")), "case_id": s, "line": {"type": "string", "description": "\"\": the case as a whole"}, "discrepancy": ref("SdrDiscrepancy"),
             "documents": strs, "codes": strs, "claimed_usd": usd, "credited_usd": usd, "minimum_usd": usd, "below_minimum": b, "arose": day, "deadline": day,
             "submitted_on": N(day), "submitted_late": b, "history": arr(ref("SdrHistoryStep"))}
answers["Sdr"] = R(sdr_props)
answers["SdrDetail"] = R({**sdr_props, "listing_answers": arr(ref("ListingAnswer")), "listing_credited_usd": usd})
assert not set(answers) & set(schemas), set(answers) & set(schemas)
schemas.update(answers)

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
