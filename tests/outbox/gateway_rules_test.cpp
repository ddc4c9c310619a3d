// The gateway's side of submission: appointment dates in working days and the request checks.
#include <catch2/catch.hpp>

#include <fstream>

#include "api/submission_json.h"
#include "sample_submission.h"
#include "server/dossier_validation.h"
#include "server/form_rules.h"
#include "server/working_days.h"

using namespace dvc;
using namespace dvc::gateway;
using std::chrono::year_month_day;

namespace {
year_month_day ymd(int y, unsigned m, unsigned d) {
    return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

ProcedureRecord procedure(OnlineScope online) {
    ProcedureRecord p;
    p.summary.code = "1.001193";
    p.summary.online = online;
    p.summary.timeLimitDays = 1;
    return p;
}

// The birth registration form's rules, as the gateway applies them.
const FormRules& birthFormRules() {
    static const auto schema = [] {
        std::ifstream in(std::string(DVC_SOURCE_SEED) + "/forms/1.001193.json");
        return forms::parseFormSchema(nlohmann::json::parse(in)).value();
    }();
    static const FormRules rules{&schema, &formAssets().value().translations,
                                 &*formAssets().value().adminUnits};
    return rules;
}

DossierRequestCheck validateDossierRequest(const nlohmann::json& body,
                                           const ProcedureRecord* procedure,
                                           const std::string& today) {
    return gateway::validateDossierRequest(body, procedure, today, birthFormRules());
}

nlohmann::json validBody() {
    auto s = test::sampleSubmission(1);
    s.submittedAt = "2026-11-23T08:15:02+07:00";
    return json(s);
}
}  // namespace

TEST_CASE("working days skip weekends and the public holidays of 2026-2027") {
    CHECK(isWorkingDay(ymd(2026, 11, 23)));        // Monday
    CHECK_FALSE(isWorkingDay(ymd(2026, 11, 21)));  // Saturday
    CHECK_FALSE(isWorkingDay(ymd(2026, 11, 22)));  // Sunday
    CHECK_FALSE(isWorkingDay(ymd(2026, 2, 17)));   // Tết Bính Ngọ
    CHECK_FALSE(isWorkingDay(ymd(2026, 9, 2)));    // Quốc khánh
    CHECK_FALSE(isWorkingDay(ymd(2027, 4, 16)));   // Giỗ Tổ Hùng Vương 2027
    CHECK_FALSE(isWorkingDay(ymd(2027, 5, 3)));    // nghỉ bù for 1/5 on a Saturday
    CHECK(isWorkingDay(ymd(2027, 5, 4)));
    CHECK_FALSE(isWorkingDay(ymd(2028, 9, 2)));  // outside the table: fixed solar holidays
}

TEST_CASE("the appointment counts the time limit in working days") {
    CHECK(dueDate(ymd(2026, 11, 23), 0) == ymd(2026, 11, 23));  // same day
    CHECK(dueDate(ymd(2026, 11, 23), 1) == ymd(2026, 11, 24));
    CHECK(dueDate(ymd(2026, 11, 20), 1) == ymd(2026, 11, 23));  // Friday → Monday
    CHECK(dueDate(ymd(2026, 11, 21), 0) == ymd(2026, 11, 23));  // received on Saturday
    CHECK(dueDate(ymd(2026, 11, 21), 1) == ymd(2026, 11, 24));
    CHECK(dueDate(ymd(2026, 2, 13), 1) == ymd(2026, 2, 23));  // across Tết
    CHECK(dueDate(ymd(2026, 4, 29), 1) == ymd(2026, 5, 4));   // across 30/4 and 1/5
    CHECK(dueDate(ymd(2026, 12, 31), 3) == ymd(2027, 1, 6));  // across the new year
    CHECK(dueDate(ymd(2026, 11, 23), 22) == ymd(2026, 12, 23));
    CHECK(dueDate(ymd(2026, 11, 23), -4) == ymd(2026, 11, 23));
}

TEST_CASE("a valid request passes the gateway's checks") {
    auto p = procedure(OnlineScope::Full);
    auto check = validateDossierRequest(validBody(), &p, "2026-11-23");
    CHECK(check.ok());
}

TEST_CASE("a malformed request is a 400 naming the member") {
    auto p = procedure(OnlineScope::Full);
    auto body = validBody();
    body.erase("submitted_at");
    auto check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE(check.malformed);
    CHECK(check.malformed->status == 400);
    CHECK(check.malformed->code == "missing_field");
    CHECK(check.malformed->field == "submitted_at");

    body = validBody();
    body["form"] = "text";
    check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE(check.malformed);
    CHECK(check.malformed->code == "invalid_field");
    CHECK(check.malformed->field == "form");

    body = validBody();
    body["applicant"].erase("id_number");
    check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE(check.malformed);
    CHECK(check.malformed->field == "applicant.id_number");

    check = validateDossierRequest(nlohmann::json::array(), &p, "2026-11-23");
    REQUIRE(check.malformed);
    CHECK(check.malformed->code == "invalid_json");

    body = validBody();
    body["form"]["a"]["b"]["c"]["d"]["e"] = 1;  // deeper than any form
    check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE(check.malformed);
    CHECK(check.malformed->field.rfind("form", 0) == 0);
}

TEST_CASE("values that break the rules are a 422 with every offending field") {
    auto p = procedure(OnlineScope::Full);
    auto body = validBody();
    body["applicant"]["id_number"] = "04219000432";
    body["applicant"]["phone"] = "12345";
    body["applicant"]["date_of_birth"] = "2030-01-01";
    body["applicant"]["gender"] = "x";
    body["form"]["ghi_chu"] = std::string(2001, 'a');
    auto check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE_FALSE(check.malformed);
    std::vector<std::string> fields;
    for (const auto& e : check.errors) {
        fields.push_back(e.field);
        CHECK_FALSE(e.message.vi.empty());
        CHECK_FALSE(e.message.en.empty());
    }
    CHECK(fields == std::vector<std::string>{"applicant.id_number", "applicant.date_of_birth",
                                             "applicant.gender", "applicant.phone",
                                             "form.ghi_chu"});
}

TEST_CASE("an unknown procedure, or one not offered online, is refused") {
    auto check = validateDossierRequest(validBody(), nullptr, "2026-11-23");
    REQUIRE(check.errors.size() == 1);
    CHECK(check.errors[0].field == "procedure_code");
    CHECK(check.errors[0].code == "not_found");

    auto offline = procedure(OnlineScope::None);
    check = validateDossierRequest(validBody(), &offline, "2026-11-23");
    REQUIRE(check.errors.size() == 1);
    CHECK(check.errors[0].code == "not_allowed");
}

TEST_CASE("names must be valid UTF-8 of at most 100 characters") {
    auto p = procedure(OnlineScope::Full);
    auto body = validBody();
    body["applicant"]["full_name"] = std::string("Nguy\xC3", 5);
    auto check = validateDossierRequest(body, &p, "2026-11-23");
    REQUIRE(check.errors.size() == 1);
    CHECK(check.errors[0].field == "applicant.full_name");
    std::string hundred;
    for (int i = 0; i < 100; ++i) hundred += "ễ";
    body["applicant"]["full_name"] = hundred;
    CHECK(validateDossierRequest(body, &p, "2026-11-23").ok());
    body["applicant"]["full_name"] = hundred + "a";
    CHECK_FALSE(validateDossierRequest(body, &p, "2026-11-23").ok());
}
