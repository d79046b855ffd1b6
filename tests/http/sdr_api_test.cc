// Supply Discrepancy Reports over the API: raising one on a discrepancy of the demo's Tomahawk
// case, following it through submit, answer and close with ETags, reading it back; refusals
// (stale or missing If-Match, bad steps, other organisations) change nothing.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace fms::testing {
namespace {

// The demo's short delivery on the Tomahawk case: JKR-2025-0157 received fewer than
// PJAZTWK5210001 reported, an SDR the ledger proposes (deadline 2026-07-29, passed).
const nlohmann::json kShortDelivery{{"case", "ja-p-twk"},
                                    {"type", "quantity-short"},
                                    {"document", "delivery PJAZTWK5210001"},
                                    {"as_of", "2026-11-10"},
                                    {"reason", "4 missiles short of the delivery listing"}};

std::size_t sdr_events(ApiServer& server) {
  std::size_t count = 0;
  for (const auto& event : server.events()) {
    if (event.type.rfind("sdr.", 0) == 0) ++count;
  }
  return count;
}

HttpReply step(HttpClient& client, const std::string& path, const std::string& etag,
               const nlohmann::json& body) {
  return client.post_json(path + "/steps", body, {{"If-Match", etag}});
}

// The demo served, and pmo (JMOD's case manager) has drafted the SDR on the short delivery.
class SdrApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(pmo.sign_in("pmo", kDemoPassword).status, 201);
    created = pmo.post_json("/api/sdrs", kShortDelivery);
    ASSERT_EQ(created.status, 201) << created.body;
    number = created.json().at("sdr").at("number");
    path = created.header("location");
    etag = created.header("etag");
  }

  ApiServer server;
  HttpClient pmo = server.client();
  HttpReply created;
  std::string number;
  std::string path;
  std::string etag;
};

TEST_F(SdrApi, RaiseSubmitAnswerAndCloseAnSdrWithItsETag) {
  const auto sdr = created.json().at("sdr");
  EXPECT_EQ(number.substr(0, 1), "A");
  EXPECT_NE(number.find("-JA-TWK/001"), std::string::npos) << number;
  EXPECT_EQ(sdr.at("status"), "draft");
  EXPECT_EQ(sdr.at("case_id"), "JA-P-TWK");
  ASSERT_EQ(created.json().at("warnings").size(), 1U) << "the deadline has passed";
  EXPECT_NE(created.json().at("warnings")[0].get<std::string>().find("needs /late_reason"),
            std::string::npos)
      << created.body;
  EXPECT_EQ(path, "/api/sdrs/" + number.substr(0, number.find('/')) + "%2F001");
  EXPECT_EQ(etag, "\"" + number + "@1\"");

  // Read back by the encoded number, as a viewer of the same organisation.
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  const auto shown = viewer.get(path);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.json().at("number"), number);
  EXPECT_EQ(shown.header("etag"), etag);

  // Past the deadline a submission needs its reason.
  const auto late = step(pmo, path, etag, {{"action", "submit"}, {"date", "2026-11-20"}});
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_NE(late.json().at("detail").get<std::string>().find("/late_reason"), std::string::npos)
      << late.body;
  EXPECT_EQ(late.json().at("detail").get<std::string>().find("--"), std::string::npos) << late.body;
  EXPECT_EQ(late.json().at("pointer"), "/late_reason") << late.body;
  const auto submitted = step(pmo, path, etag,
                              {{"action", "submit"},
                               {"date", "2026-11-20"},
                               {"late_reason", "the shortage was found at the annual count"}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.json().at("sdr").at("status"), "submitted");
  const std::string stale = etag;
  etag = submitted.header("etag");
  EXPECT_EQ(etag, "\"" + number + "@2\"");

  // A step decided on the draft is refused once the SDR has moved on.
  const auto conflict =
      step(pmo, path, stale, {{"action", "close"}, {"date", "2026-11-21"}, {"reason", "x"}});
  EXPECT_EQ(conflict.status, 412) << conflict.body;
  const auto without =
      pmo.post_json(path + "/steps", {{"action", "close"}, {"date", "2026-11-21"}});
  EXPECT_EQ(without.status, 428) << without.body;

  const auto answered = step(pmo, path, etag,
                             {{"action", "answer"},
                              {"date", "2026-11-24"},
                              {"resolution", "credit"},
                              {"credit", "2,120,000.00"},
                              {"reply_code", "1A"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json().at("sdr").at("status"), "answered");
  etag = answered.header("etag");
  const auto closed = step(pmo, path, etag,
                           {{"action", "close"},
                            {"date", "2026-11-25"},
                            {"reason", "credited in full on the next bill"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json().at("sdr").at("status"), "closed");
  EXPECT_EQ(closed.json().at("sdr").at("history").size(), 4U);

  // Every step was recorded once, by the signed-in user.
  std::size_t by_pmo = 0;
  for (const auto& event : server.events()) {
    if (event.type.rfind("sdr.", 0) == 0) {
      EXPECT_EQ(event.actor, "pmo") << event.type;
      ++by_pmo;
    }
  }
  EXPECT_EQ(by_pmo, 4U);

  // The SDR report lists it, closed and credited.
  const auto report = viewer.get("/api/reports/sdr?case=JA-P-TWK");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_NE(report.body.find(number), std::string::npos);
}

TEST_F(SdrApi, RefusedRequestsChangeNothing) {
  const std::size_t before = sdr_events(server);

  struct Refused {
    std::string label;
    HttpReply reply;
    int status;
    std::string says;
  };
  nlohmann::json unknown_field = kShortDelivery;
  unknown_field["priority"] = "high";
  nlohmann::json bad_type = kShortDelivery;
  bad_type["type"] = "lost-in-transit";
  nlohmann::json codes_not_array = kShortDelivery;
  codes_not_array["codes"] = "S1";
  const std::vector<Refused> refused{
      {"the same discrepancy twice", pmo.post_json("/api/sdrs", kShortDelivery), 409,
       "already open"},
      {"unknown field", pmo.post_json("/api/sdrs", unknown_field), 422, "/priority"},
      {"unknown type", pmo.post_json("/api/sdrs", bad_type), 422, "/type"},
      {"codes not an array", pmo.post_json("/api/sdrs", codes_not_array), 422, "/codes"},
      {"not a step", step(pmo, path, etag, {{"action", "escalate"}, {"date", "2026-11-20"}}), 422,
       "/action"},
      {"a field the step does not take",
       step(pmo, path, etag, {{"action", "close"}, {"date", "2026-11-20"}, {"credit", "1.00"}}),
       422, "/credit"},
      {"answering a draft",
       step(pmo, path, etag,
            {{"action", "answer"}, {"date", "2026-11-20"}, {"resolution", "rejected"}}),
       422, "draft"},
      {"a date in the future",
       step(pmo, path, etag, {{"action", "close"}, {"date", "2027-01-01"}, {"reason", "x"}}), 422,
       "/date"},
      {"a malformed number", pmo.get("/api/sdrs/not-a-number"), 422, "SDR number"},
      {"a number never recorded", pmo.get("/api/sdrs/A0999-JA-TWK%2F001"), 404,
       "no SDR A0999-JA-TWK/001 is recorded"},
  };
  for (const Refused& r : refused) {
    EXPECT_EQ(r.reply.status, r.status) << r.label << ": " << r.reply.body;
    EXPECT_EQ(r.reply.header("content-type"), "application/problem+json") << r.label;
    EXPECT_NE(r.reply.body.find(r.says), std::string::npos) << r.label << ": " << r.reply.body;
  }
  EXPECT_EQ(sdr_events(server), before);
}

TEST_F(SdrApi, AnotherOrganisationsSdrLooksExactlyLikeAMissingOne) {
  const std::string base = number.substr(0, number.find('/'));
  const std::string missing_path =
      "/api/sdrs/" + base.substr(0, 1) + "9999" + base.substr(5) + "%2F001";

  // dapa is KRDAPA's case manager: a writer, in another organisation.
  HttpClient dapa = server.client();
  ASSERT_EQ(dapa.sign_in("dapa", kDemoPassword).status, 201);
  auto detail_without_number = [](const HttpReply& reply) {
    std::string detail = reply.json().at("detail");
    const std::size_t at = detail.find("SDR ");
    return detail.substr(0, at + 4) + detail.substr(detail.find(' ', at + 4));
  };
  const auto hidden = dapa.get(path);
  const auto missing = dapa.get(missing_path);
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(detail_without_number(hidden), detail_without_number(missing));
  const auto hidden_step =
      step(dapa, path, etag, {{"action", "close"}, {"date", "2026-11-20"}, {"reason", "x"}});
  EXPECT_EQ(hidden_step.status, 404) << hidden_step.body;
  EXPECT_EQ(detail_without_number(hidden_step), detail_without_number(missing));

  // Raising one on the other organisation's case reads as raising one on an unrecorded case.
  nlohmann::json unrecorded = kShortDelivery;
  unrecorded["case"] = "JA-P-ZZZ";
  const auto on_hidden = dapa.post_json("/api/sdrs", kShortDelivery);
  const auto on_missing = dapa.post_json("/api/sdrs", unrecorded);
  EXPECT_EQ(on_hidden.status, 404) << on_hidden.body;
  EXPECT_EQ(on_missing.status, 404) << on_missing.body;
  EXPECT_EQ(on_hidden.json().at("detail"), "case JA-P-TWK is not recorded");
  EXPECT_EQ(on_missing.json().at("detail"), "case JA-P-ZZZ is not recorded");

  // A viewer of the owning organisation sees the SDR but may not move it.
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  EXPECT_EQ(viewer.get(path).status, 200);
  EXPECT_EQ(step(viewer, path, etag, {{"action", "close"}, {"date", "2026-11-20"}, {"reason", "x"}})
                .status,
            403);
  EXPECT_EQ(sdr_events(server), 1U);
}

}  // namespace
}  // namespace fms::testing
