#include <catch2/catch.hpp>

#include "api/json_mapping.h"

using namespace dvc;

TEST_CASE("a dossier status survives a JSON round trip") {
    DossierStatus d;
    d.code = "000.00.19.H42-261123-0001";
    d.procedureCode = "1.001193";
    d.procedureName = "Thủ tục đăng ký khai sinh";
    d.agency = "UBND xã Thạch Hạ";
    d.applicantName = "Nguyễn V*** A**";
    d.receivedAt = "2026-11-23T08:15:00+07:00";
    d.dueAt = "2026-11-24T16:30:00+07:00";
    d.state = DossierState::Processing;
    d.history = {{"2026-11-23T08:15:00+07:00", DossierState::Received, "Một cửa", "Tiếp nhận"},
                 {"2026-11-23T09:00:00+07:00", DossierState::Processing, "Tư pháp", ""}};
    json j = d;
    CHECK(j["status"] == "dang_xu_ly");
    CHECK(j["finished_at"].is_null());
    auto back = parseJson<DossierStatus>(j.dump());
    REQUIRE(back.ok());
    CHECK(back->procedureName == d.procedureName);
    CHECK(back->history.size() == 2);
    CHECK(back->history[0].state == DossierState::Received);
    CHECK_FALSE(back->finishedAt.has_value());
}

TEST_CASE("answers that break the contract are refused with a reason") {
    CHECK_FALSE(parseJson<DossierStatus>("not json").ok());
    CHECK_FALSE(parseJson<DossierStatus>("[]").ok());
    CHECK_FALSE(parseJson<DossierStatus>(R"({"code":"X"})").ok());
    auto badState = parseJson<DossierStatus>(
        R"({"code":"A-261123-0001","procedure_code":"1","procedure_name":"n","applicant_name":"a",
            "received_at":"r","due_at":"d","status":"teleported","history":[]})");
    REQUIRE_FALSE(badState.ok());
    CHECK(badState.error().find("unknown dossier status") != std::string::npos);
    auto wrongType = parseJson<DossierStatus>(
        R"({"code":1,"procedure_code":"1","procedure_name":"n","applicant_name":"a",
            "received_at":"r","due_at":"d","status":"dang_xu_ly"})");
    CHECK_FALSE(wrongType.ok());
}

TEST_CASE("problem objects carry a stable code and both languages") {
    Problem p{404, "dossier_not_found", {"Không tìm thấy hồ sơ.", "No such dossier."}, "", ""};
    json j = p;
    CHECK(j["type"] == "https://dvc-kiosk.example/problems/dossier_not_found");
    auto back = parseJson<Problem>(j.dump());
    REQUIRE(back.ok());
    CHECK(back->message.vi == "Không tìm thấy hồ sơ.");
    CHECK(back->status == 404);
}

TEST_CASE("catalog pages and heartbeats map both ways") {
    ProcedureSummary p;
    p.code = "1.001193";
    p.name = "Đăng ký khai sinh";
    p.tier = Tier::Commune;
    p.field = "Hộ tịch";
    p.online = OnlineScope::Full;
    p.serviceLevel = 4;
    CatalogPage page{7, "\"catalog-v7\"", false, {p}, {"1.000001"}};
    auto back = parseJson<CatalogPage>(json(page).dump());
    REQUIRE(back.ok());
    CHECK(back->version == 7);
    CHECK(back->procedures.at(0).online == OnlineScope::Full);
    CHECK(back->removed.at(0) == "1.000001");

    Heartbeat beat;
    beat.appVersion = "0.1.0";
    beat.uptimeSeconds = 42;
    beat.printer = {DeviceHealth::Error, "paper out"};
    auto hb = parseJson<Heartbeat>(json(beat).dump());
    REQUIRE(hb.ok());
    CHECK(hb->printer.health == DeviceHealth::Error);
    CHECK(hb->printer.detail == "paper out");
}
