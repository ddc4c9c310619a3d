// POST /api/v1/dossiers on the real dvc-gateway over TLS judges the form with the procedure's
// schema and the kiosk's rules: every valid test set is accepted, every invalid variant is a
// 422 validation_failed naming exactly the expected fields and codes, with explanations in
// Vietnamese and English (tests/data/forms/, the same data form_test_data_test.cpp checks on
// the kiosk's side).
#include <catch2/catch.hpp>

#include <httplib.h>

#include <random>

#include "api/json_mapping.h"
#include "form_test_data.h"
#include "gateway_process.h"

using namespace dvc;
using json = nlohmann::json;

namespace {

std::unique_ptr<httplib::SSLClient> clientFor(const test::GatewayProcess& gw) {
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", gw.port());
    c->set_ca_cert_path(gw.caFile().c_str());
    c->enable_server_certificate_verification(true);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(10, 0);
    return c;
}

std::string newKey() {
    static std::mt19937_64 rng(std::random_device{}());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) key += '-';
        key += kHex[rng() % 16];
    }
    return key;
}

json request(const std::string& procedure, const json& form) {
    return {{"procedure_code", procedure},
            {"kiosk_id", "KIOSK-FORMS-01"},
            {"applicant",
             {{"full_name", "Lê Văn Hùng"},
              {"id_number", "042092003817"},
              {"date_of_birth", "1992-08-17"},
              {"gender", "nam"},
              {"phone", "0983417265"}}},
            {"form", form},
            {"attachments", json::array()},
            {"submitted_at", "2026-11-23T09:30:00+07:00"}};
}

httplib::Result post(httplib::SSLClient& client, const json& body, const std::string& key) {
    return client.Post("/api/v1/dossiers", {{"Idempotency-Key", key}}, body.dump(),
                       "application/json");
}

// The problem's errors as (field, code), after checking each is explained in both languages.
std::set<test::FieldCode> fieldErrors(const json& problem) {
    std::set<test::FieldCode> out;
    for (const auto& e : problem.at("errors")) {
        std::string vi = e.at("message").at("vi"), en = e.at("message").at("en");
        INFO(e.dump());
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        CHECK(vi != en);  // a missing translation shows its key in both
        CHECK(vi.find("form.error.") == std::string::npos);
        CHECK(vi.find('{') == std::string::npos);  // placeholders filled
        out.insert({e.at("field").get<std::string>(), e.at("code").get<std::string>()});
    }
    return out;
}

std::set<test::FieldCode> withFormPrefix(const std::set<test::FieldCode>& in) {
    std::set<test::FieldCode> out;
    for (const auto& [field, code] : in) out.insert({"form." + field, code});
    return out;
}

}  // namespace

TEST_CASE("the gateway accepts the valid test set of each of the 8 seed forms") {
    test::GatewayProcess gw("dossier-valid");
    auto client = clientFor(gw);
    std::set<std::string> codes;
    for (const auto& procedure : test::kSeedFormCodes) {
        INFO(procedure);
        auto body = request(procedure, test::validFormValues(procedure));
        auto key = newKey();
        auto res = post(*client, body, key);
        REQUIRE(res);
        INFO(res->body);
        REQUIRE(res->status == 201);
        auto receipt = json::parse(res->body);
        CHECK(receipt["procedure_code"] == procedure);
        codes.insert(receipt["code"].get<std::string>());

        auto replay = post(*client, body, key);  // the outbox's retry
        REQUIRE(replay);
        CHECK(replay->status == 200);
        CHECK(json::parse(replay->body)["code"] == receipt["code"]);
    }
    CHECK(codes.size() == test::kSeedFormCodes.size());
    CHECK(gw.stop() == 0);
}

TEST_CASE("the gateway refuses each invalid variant with 422 and the expected fields") {
    test::GatewayProcess gw("dossier-invalid");
    auto client = clientFor(gw);
    std::size_t checked = 0;
    for (const auto& procedure : test::kSeedFormCodes)
        for (const auto& variant : test::invalidFormVariants(procedure)) {
            INFO(procedure << ": " << variant.name);
            auto res = post(*client, request(procedure, variant.values), newKey());
            REQUIRE(res);
            INFO(res->body);
            REQUIRE(res->status == 422);
            CHECK(res->get_header_value("Content-Type").rfind("application/problem+json", 0) == 0);
            auto problem = json::parse(res->body);
            CHECK(problem["code"] == "validation_failed");
            CHECK(problem["status"] == 422);
            CHECK(fieldErrors(problem) == withFormPrefix(variant.expected));
            ++checked;
        }
    CHECK(checked >= 40);
    CHECK(gw.stop() == 0);
}

TEST_CASE("applicant and form errors come together; the explanation names the field") {
    test::GatewayProcess gw("dossier-mixed");
    auto client = clientFor(gw);
    auto body = request("1.001193", test::validFormValues("1.001193"));
    body["applicant"]["phone"] = "12345";
    body["form"].erase("ho_ten_me");
    auto res = post(*client, body, newKey());
    REQUIRE(res);
    REQUIRE(res->status == 422);
    auto problem = json::parse(res->body);
    CHECK(fieldErrors(problem) == std::set<test::FieldCode>{{"applicant.phone", "invalid_format"},
                                                            {"form.ho_ten_me", "required"}});
    for (const auto& e : problem["errors"])
        if (e["field"] == "form.ho_ten_me") {
            // "Vui lòng nhập {label}." with the schema's label.
            CHECK(e["message"]["vi"].get<std::string>().find("mẹ") != std::string::npos);
            CHECK(e["message"]["en"].get<std::string>().find("Mother") != std::string::npos);
        }
    // The kiosk's mapping keeps them (PortalError::fieldErrors, the outbox's rejectErrors).
    auto parsed = parseJson<Problem>(res->body);
    REQUIRE(parsed);
    REQUIRE(parsed->errors.size() == 2);
    CHECK(parsed->errors[0].field == "applicant.phone");
    CHECK(parsed->errors[1].field == "form.ho_ten_me");
    CHECK_FALSE(parsed->errors[1].message.en.empty());
    // Leniently: an odd entry is skipped, the problem and the other entries are kept.
    problem["errors"].push_back({{"field", 3}});
    problem["errors"].push_back("text");
    parsed = parseJson<Problem>(problem.dump());
    REQUIRE(parsed);
    CHECK(parsed->code == "validation_failed");
    CHECK(parsed->errors.size() == 2);
    CHECK(gw.stop() == 0);
}

TEST_CASE("a procedure without an e-form accepts only an empty form") {
    test::GatewayProcess gw("dossier-noform");
    auto client = clientFor(gw);
    // 1.000656 (đăng ký khai tử) is offered online but has no form schema yet.
    auto empty = post(*client, request("1.000656", json::object()), newKey());
    REQUIRE(empty);
    CHECK(empty->status == 201);

    auto filled =
        post(*client, request("1.000656", {{"ho_ten_nguoi_chet", "Lê Văn Tư"}}), newKey());
    REQUIRE(filled);
    REQUIRE(filled->status == 422);
    auto problem = json::parse(filled->body);
    CHECK(fieldErrors(problem) ==
          std::set<test::FieldCode>{{"form.ho_ten_nguoi_chet", "not_allowed"}});
    CHECK(gw.stop() == 0);
}
