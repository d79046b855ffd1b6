// Supply Discrepancy Reports: raising one on a discrepancy, following it step by step (submit,
// answer, reconsider, contest, close), and reading one with its history. The list of SDRs is the
// SDR report (GET /api/reports/sdr).
//
// An SDR number carries a '/' ("A0001-JA-TWK/001"): in a path it is written "%2F". The SDR's
// case decides who may see and act on it; an SDR of a case the caller may not see is answered as
// one never recorded. A step names the state it was decided on: GET gives an ETag, a step must
// send it back in If-Match (428 without one, 412 when the SDR has moved since).
#include "core/money.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "ledger/sdr/sdr_book.h"
#include "query/reports.h"
#include "report/sdr_report.h"

namespace fms::http {
namespace {

std::string etag_of(const ledger::Sdr& sdr) {
  return "\"" + sdr.number.base() + "@" + std::to_string(sdr.history.size()) + "\"";
}

std::string location_of(const ledger::Sdr& sdr) {
  return "/api/sdrs/" + percent_encode(sdr.number.base());
}

// A string member, absent allowed; a member of another type is refused by name.
Answer<std::optional<std::string>> optional_text(const nlohmann::json& fields,
                                                 const std::string& name) {
  const auto it = fields.find(name);
  if (it == fields.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return problem(422, "/" + name + ": must be a string");
  return std::optional<std::string>(it->get<std::string>());
}

Answer<CivilDate> date_field(const nlohmann::json& fields, const std::string& name) {
  FMS_ASSIGN_OR_RETURN(auto text, optional_text(fields, name));
  const auto& value = text;
  if (!value) return problem(422, "/" + name + ": a value is required");
  auto parsed = CivilDate::parse(*value);
  if (!parsed.ok()) return problem(422, "/" + name + ": " + parsed.error().text(Spelling::pointer));
  return *parsed;
}

Response outcome_response(int status, const ledger::SdrOutcome& outcome) {
  std::vector<std::string> warnings;
  for (const std::string& warning : outcome.warnings)
    warnings.push_back(spell_mentions(warning, Spelling::pointer));
  Response response =
      json_response(status, OrderedJson{{"message", outcome.message},
                                        {"warnings", warnings},
                                        {"sdr", report::sdr_detail_json(outcome.sdr)}});
  response.with_header("ETag", etag_of(outcome.sdr));
  if (status == 201) response.with_header("Location", location_of(outcome.sdr));
  return response;
}

Reply show(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto sdr, query::sdr(reader, call.principal->scope, call.param("number")));
    FMS_ASSIGN_OR_RETURN(auto answers, query::listing_answers(reader, sdr));
    Response response = json_response(200, report::sdr_detail_json(sdr, answers));
    response.with_header("ETag", etag_of(sdr));
    return response;
  });
}

Reply create(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto body, read_json_object(call.request,
                                                   {"case", "type", "document", "line", "office",
                                                    "codes", "as_of", "reason"},
                                                   {"case", "type", "document", "reason"}));
  const auto& fields = body;
  ledger::SdrCreateRequest request;
  for (const char* name : {"case", "type", "document", "reason"}) {
    if (!fields.at(name).is_string()) {
      return problem(422, "/" + std::string(name) + ": must be a string");
    }
  }
  request.case_id = fields.at("case").get<std::string>();
  request.document = fields.at("document").get<std::string>();
  request.reason = fields.at("reason").get<std::string>();
  auto type = recon::discrepancy_type_from_string(fields.at("type").get<std::string>());
  if (!type.ok()) return problem(422, "/type: " + type.error().text(Spelling::pointer));
  request.type = *type;
  FMS_ASSIGN_OR_RETURN(auto line, optional_text(fields, "line"));
  request.line = line;
  FMS_ASSIGN_OR_RETURN(auto office, optional_text(fields, "office"));
  if (const auto& letter = office) {
    auto parsed = parse_sdr_office(*letter);
    if (!parsed.ok()) return problem(422, "/office: " + parsed.error().text(Spelling::pointer));
    request.office = *parsed;
  }
  if (fields.contains("as_of") && !fields.at("as_of").is_null()) {
    FMS_ASSIGN_OR_RETURN(auto as_of, date_field(fields, "as_of"));
    request.as_of = as_of;
  }
  if (fields.contains("codes")) {
    const auto& codes = fields.at("codes");
    if (!codes.is_array()) return problem(422, "/codes: must be an array of SF 364 codes");
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (!codes[i].is_string()) {
        return problem(422, "/codes/" + std::to_string(i) + ": must be a string");
      }
      request.codes.push_back(codes[i].get<std::string>());
    }
  }
  // A case the caller may read but not act on is theirs to see, not to change (403). One they
  // may not see at all is refused by the ledger exactly as a case that is not recorded.
  const Principal& principal = *call.principal;
  auto case_id = call.api.with_ledger([&](ledger::Database& database) {
    return database.cases().normalise_case_id(request.case_id);
  });
  if (case_id.ok()) {
    const auto roles = principal.roles_for_case(*case_id);
    if (permits(roles, Permission::read) && !permits(roles, Permission::manage_case)) {
      call.api.audit_denied(call, "role");
      return problem(403, "your roles over case " + *case_id +
                              "'s organisation do not allow raising an SDR (it needs " +
                              std::string(to_string(Permission::manage_case)) + ")");
    }
  }
  request.case_visible = [&principal](const std::string& id) {
    return permits(principal.roles_for_case(id), Permission::manage_case);
  };
  return call.api.with_ledger([&](ledger::Database& database) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto outcome, database.sdrs().create(request, call.actor()));
    return outcome_response(201, outcome);
  });
}

// Which fields each step takes besides "action" and "date" (the CLI's options of the command).
const std::map<std::string, std::set<std::string>>& step_fields() {
  static const std::map<std::string, std::set<std::string>> fields{
      {"submit", {"late_reason"}}, {"answer", {"resolution", "credit", "reply_code", "note"}},
      {"reconsider", {"reason"}},  {"contest", {"reason"}},
      {"close", {"reason"}},
  };
  return fields;
}

Reply step(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto body, read_json_object(call.request,
                                                   {"action", "date", "late_reason", "resolution",
                                                    "credit", "reply_code", "note", "reason"},
                                                   {"action", "date"}));
  const auto& fields = body;
  FMS_ASSIGN_OR_RETURN(auto action, optional_text(fields, "action"));
  const std::string name = *action;
  const auto known = step_fields().find(name);
  if (known == step_fields().end()) {
    return problem(422, "/action: \"" + name +
                            "\" is not a step; one of submit, answer, reconsider, contest, close");
  }
  for (const auto& item : fields.items()) {
    if (item.key() != "action" && item.key() != "date" && known->second.count(item.key()) == 0) {
      return problem(422, "/" + item.key() + ": not taken by " + name);
    }
  }
  std::map<std::string, std::optional<std::string>> text;
  for (const std::string& field : known->second) {
    FMS_ASSIGN_OR_RETURN(auto value, optional_text(fields, field));
    text[field] = value;
  }
  FMS_ASSIGN_OR_RETURN(auto date_answer, date_field(fields, "date"));
  const CivilDate date = date_answer;

  ledger::SdrAnswer answer;
  if (name == "answer") {
    answer.date = date;
    if (!text["resolution"]) return problem(422, "/resolution: a value is required");
    auto resolution = sdr_resolution_from_string(*text["resolution"]);
    if (!resolution.ok())
      return problem(422, "/resolution: " + resolution.error().text(Spelling::pointer));
    answer.resolution = *resolution;
    if (text["credit"]) {
      auto credit = Money::parse(*text["credit"], Currency::usd());
      if (!credit.ok()) return problem(422, "/credit: " + credit.error().text(Spelling::pointer));
      answer.credit_usd_cents = credit->minor_units();
    }
    answer.reply_code = text["reply_code"];
    answer.note = text["note"].value_or("");
  }

  const auto if_match = call.request.header("if-match");
  const std::string& number = call.param("number");
  if (!if_match) {
    return problem(428, "an SDR step needs If-Match with the SDR's ETag (GET /api/sdrs/" +
                            percent_encode(number) + ")");
  }
  return call.api.with_ledger([&](ledger::Database& database) -> Reply {
    ledger::SdrBook& book = database.sdrs();
    FMS_ASSIGN_OR_RETURN(auto current, book.find(number));
    if (*if_match != etag_of(current)) {
      return problem(412, "SDR " + current.number.base() + " has changed since " +
                              std::string(*if_match) + "; it is now " + etag_of(current) +
                              ". Read it again and retry");
    }
    const std::string reason = text.count("reason") != 0 ? text["reason"].value_or("") : "";
    Result<ledger::SdrOutcome> outcome = Error::internal("no step");
    if (name == "submit") {
      outcome = book.submit(number, date, text["late_reason"], call.actor());
    } else if (name == "answer") {
      outcome = book.answer(number, answer, call.actor());
    } else if (name == "reconsider") {
      outcome = book.reconsider(number, date, reason, call.actor());
    } else if (name == "contest") {
      outcome = book.contest(number, date, reason, call.actor());
    } else {
      outcome = book.close(number, date, reason, call.actor());
    }
    if (!outcome.ok()) return problem_for(outcome.error());
    return outcome_response(200, *outcome);
  });
}

}  // namespace

void add_sdr_routes(Router& router) {
  router.add({"POST", "/api/sdrs", Permission::manage_case, Scope::portfolio, create});
  router.add({"GET", "/api/sdrs/{number}", Permission::read, Scope::sdr, show});
  router.add({"POST", "/api/sdrs/{number}/steps", Permission::manage_case, Scope::sdr, step});
}

}  // namespace fms::http
