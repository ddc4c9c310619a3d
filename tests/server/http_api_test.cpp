#include <catch2/catch.hpp>
#include <thread>

#include "api/json_mapping.h"
#include "gateway_fixture.h"
#include "server/routes.h"

using namespace dvc;
using namespace dvc::gateway;
using dvc::gateway::test::bodyJson;
using dvc::gateway::test::GatewayFixture;
using nlohmann::json;

namespace {

const std::string kKnownCode = "000.00.19.H42-261123-0001";

// Asserts a problem+json response with the given status and code; returns the body.
json expectProblem(const httplib::Result& res, int status, const std::string& code) {
    REQUIRE(res);
    INFO(res->body);
    CHECK(res->status == status);
    CHECK(res->get_header_value("Content-Type") == "application/problem+json");
    json body = json::parse(res->body);
    CHECK(body.at("status") == status);
    CHECK(body.at("code") == code);
    CHECK_FALSE(body.at("message").at("vi").get<std::string>().empty());
    CHECK_FALSE(body.at("message").at("en").get<std::string>().empty());
    return body;
}

const char* kHeartbeat = R"({
  "app_version": "0.1.0", "uptime_s": 86400, "ui_state": "idle",
  "devices": {"card_reader": {"status": "ok"}, "qr": {"status": "ok"},
              "printer": {"status": "warning", "detail": "Sắp hết giấy in"},
              "scanner": {"status": "absent"}},
  "outbox_pending": 2})";

}  // namespace

TEST_CASE("health answers over verified TLS", "[http]") {
    GatewayFixture gw;
    auto res = gw.client()->Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    auto body = bodyJson(res);
    CHECK(body.at("status") == "ok");
    CHECK(body.at("version") == DVC_VERSION);
    CHECK_THAT(body.at("time").get<std::string>(), Catch::EndsWith("+07:00"));
}

TEST_CASE("a client without the dev CA refuses the server", "[http][tls]") {
    GatewayFixture gw;
    httplib::SSLClient stranger("127.0.0.1", gw.port);
    stranger.enable_server_certificate_verification(true);
    stranger.set_connection_timeout(5, 0);
    auto res = stranger.Get("/api/v1/health");
    CHECK_FALSE(res);
    CHECK(res.error() == httplib::Error::SSLServerVerification);
}

TEST_CASE("catalog: full list, ETag and 304, delta since a version", "[http][catalog]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto full = cli->Get("/api/v1/catalog");
    REQUIRE(full);
    CHECK(full->status == 200);
    CHECK(full->get_header_value("ETag") == "\"catalog-v3\"");
    auto page = bodyJson(full).get<CatalogPage>();
    CHECK(page.version == 3);
    CHECK(page.etag == "\"catalog-v3\"");
    CHECK(page.full);
    CHECK(page.removed.empty());
    REQUIRE(page.procedures.size() == 3);
    CHECK(page.procedures[0].code == "1.000894");
    CHECK(page.procedures[0].online == OnlineScope::Partial);

    auto same = cli->Get("/api/v1/catalog", {{"If-None-Match", "\"catalog-v3\""}});
    REQUIRE(same);
    CHECK(same->status == 304);
    CHECK(same->body.empty());
    CHECK(same->get_header_value("ETag") == "\"catalog-v3\"");

    auto stale = cli->Get("/api/v1/catalog", {{"If-None-Match", "\"catalog-v2\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);

    auto delta = bodyJson(cli->Get("/api/v1/catalog?since_version=1")).get<CatalogPage>();
    CHECK_FALSE(delta.full);
    CHECK(delta.version == 3);
    REQUIRE(delta.procedures.size() == 2);
    for (const auto& p : delta.procedures) CHECK(p.version > 1);

    auto none = bodyJson(cli->Get("/api/v1/catalog?since_version=3")).get<CatalogPage>();
    CHECK_FALSE(none.full);
    CHECK(none.procedures.empty());

    auto ahead = bodyJson(cli->Get("/api/v1/catalog?since_version=99")).get<CatalogPage>();
    CHECK(ahead.full);
    CHECK(ahead.procedures.size() == 3);

    for (const char* bad : {"abc", "-1", "1.5", "99999999999"}) {
        INFO(bad);
        auto body = expectProblem(cli->Get(std::string("/api/v1/catalog?since_version=") + bad),
                                  400, "invalid_field");
        CHECK(body.at("field") == "since_version");
    }
}

TEST_CASE("procedure detail", "[http][catalog]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto res = cli->Get("/api/v1/procedures/1.001193");
    REQUIRE(res);
    CHECK(res->status == 200);
    auto body = bodyJson(res);
    CHECK(body.at("name") == "Thủ tục đăng ký khai sinh");
    CHECK(body.at("tier") == "xa");
    CHECK(body.at("service_level") == 4);
    CHECK(body.at("steps").size() == 3);
    CHECK(body.at("documents").at(1).at("name") == "Giấy chứng sinh");
    CHECK(body.at("documents").at(1).at("originals") == 1);
    for (const char* key : {"time_limit", "fee_text", "applicants", "submit_methods", "forms",
                            "conditions", "result", "result_delivery", "legal_basis", "version"})
        CHECK(body.contains(key));
    expectProblem(cli->Get("/api/v1/procedures/9.999999"), 404, "procedure_not_found");
}

TEST_CASE("dossier status: found, masked, history oldest first", "[http][dossiers]") {
    GatewayFixture gw;
    auto res = gw.client()->Get("/api/v1/dossiers/" + kKnownCode);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.find("Văn An") == std::string::npos);
    CHECK(res->body.find("001090000123") == std::string::npos);
    CHECK(res->body.find("1990-05-14") == std::string::npos);
    auto d = bodyJson(res).get<DossierStatus>();
    CHECK(d.code == kKnownCode);
    CHECK(d.applicantName == "Nguyễn V*** A**");
    CHECK(d.procedureCode == "1.001193");
    CHECK(d.procedureName == "Thủ tục đăng ký khai sinh");
    CHECK(d.state == DossierState::Processing);
    CHECK_FALSE(d.finishedAt);
    REQUIRE(d.history.size() == 2);
    CHECK(d.history[0].at == "2026-11-23T08:15:30+07:00");
    CHECK(d.history[0].state == DossierState::Received);
    CHECK(d.history[1].state == DossierState::Processing);
    CHECK(bodyJson(res).at("finished_at").is_null());
}

TEST_CASE("dossier status: unknown code 404, malformed code 400", "[http][dossiers]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto nf = expectProblem(cli->Get("/api/v1/dossiers/000.00.19.H42-261123-0099"), 404,
                            "dossier_not_found");
    CHECK(nf.at("message").at("vi") == "Không tìm thấy hồ sơ với mã này.");
    CHECK(nf.at("message").at("en") == "No dossier with this code.");

    for (const char* bad : {"abc", "000.00.19.h42-261123-0001", "000.00.19.H42-261332-0001",
                            "000.00.19.H42%20-261123-0001"}) {
        INFO(bad);
        auto body = expectProblem(cli->Get(std::string("/api/v1/dossiers/") + bad), 400,
                                  "invalid_dossier_code");
        CHECK(body.at("field") == "code");
    }
    // Percent-encoding is decoded before the check.
    auto encoded = cli->Get("/api/v1/dossiers/000.00.19.H42%2D261123%2D0001");
    REQUIRE(encoded);
    CHECK(encoded->status == 200);
}

TEST_CASE("lookup by CCCD number and date of birth", "[http][dossiers]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto res = cli->Post("/api/v1/dossiers/lookup",
                         R"({"id_number":"001090000123","date_of_birth":"1990-05-14"})",
                         "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.find("001090000123") == std::string::npos);
    auto body = bodyJson(res);
    REQUIRE(body.at("dossiers").size() == 2);
    for (const auto& j : body.at("dossiers")) {
        auto d = j.get<DossierStatus>();
        CHECK(d.applicantName == "Nguyễn V*** A**");
        CHECK(d.history.empty());
    }
    CHECK(body.at("dossiers").at(0).at("code") == "000.00.19.H42-261124-0002");

    auto none = cli->Post("/api/v1/dossiers/lookup",
                          R"({"id_number":"001090000123","date_of_birth":"1990-05-15"})",
                          "application/json");
    REQUIRE(none);
    CHECK(none->status == 200);
    CHECK(bodyJson(none) == json{{"dossiers", json::array()}});

    auto missing = expectProblem(
        cli->Post("/api/v1/dossiers/lookup", R"({"id_number":"001090000123"})", "application/json"),
        400, "missing_field");
    CHECK(missing.at("field") == "date_of_birth");
    auto shortId =
        expectProblem(cli->Post("/api/v1/dossiers/lookup",
                                R"({"id_number":"00109000012","date_of_birth":"1990-05-14"})",
                                "application/json"),
                      400, "invalid_field");
    CHECK(shortId.at("field") == "id_number");
    auto badDate =
        expectProblem(cli->Post("/api/v1/dossiers/lookup",
                                R"({"id_number":"001090000123","date_of_birth":"1990-02-30"})",
                                "application/json"),
                      400, "invalid_field");
    CHECK(badDate.at("field") == "date_of_birth");
    expectProblem(cli->Post("/api/v1/dossiers/lookup", "{\"id_number\": ", "application/json"), 400,
                  "invalid_json");
    expectProblem(cli->Post("/api/v1/dossiers/lookup", "[1,2]", "application/json"), 400,
                  "invalid_json");
}

TEST_CASE("heartbeat is stored and answered with config version and notices", "[http][kiosks]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto res = cli->Post("/api/v1/kiosks/KIOSK-HT-01/heartbeat", kHeartbeat, "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    auto reply = bodyJson(res).get<HeartbeatReply>();
    CHECK(reply.configVersion == 1);
    CHECK_THAT(reply.serverTime, Catch::EndsWith("+07:00"));
    REQUIRE(reply.maintenance.size() == 1);  // the past notice is gone
    CHECK(reply.maintenance[0].id == "mn_future");
    CHECK(reply.maintenance[0].blocksSubmission);

    auto k = gw.store->kiosk("KIOSK-HT-01");
    REQUIRE(k);
    CHECK(k->appVersion == "0.1.0");
    CHECK(k->uptimeSeconds == 86400);
    CHECK(k->outboxPending == 2);
    CHECK(k->devices.at("printer").at("detail") == "Sắp hết giấy in");
    CHECK(k->heartbeats == 1);

    REQUIRE(cli->Post("/api/v1/kiosks/KIOSK-HT-01/heartbeat", kHeartbeat, "application/json"));
    CHECK(gw.store->kiosk("KIOSK-HT-01")->heartbeats == 2);

    expectProblem(cli->Post("/api/v1/kiosks/bad%20id!/heartbeat", kHeartbeat, "application/json"),
                  400, "invalid_field");
    expectProblem(cli->Post("/api/v1/kiosks/KIOSK-HT-01/heartbeat", "{oops", "application/json"),
                  400, "invalid_json");
    auto missing = expectProblem(cli->Post("/api/v1/kiosks/KIOSK-HT-01/heartbeat",
                                           R"({"app_version":"1"})", "application/json"),
                                 400, "missing_field");
    CHECK(missing.at("field") == "uptime_s");
    expectProblem(cli->Post("/api/v1/kiosks/KIOSK-HT-01/heartbeat", {{"X-Kiosk-Id", "KIOSK-HT-02"}},
                            kHeartbeat, "application/json"),
                  403, "kiosk_mismatch");
    CHECK_FALSE(gw.store->kiosk("KIOSK-HT-02"));
}

TEST_CASE("kiosk config and maintenance notices", "[http][kiosks]") {
    GatewayFixture gw;
    auto cli = gw.client();
    auto config = bodyJson(cli->Get("/api/v1/kiosks/KIOSK-HT-01/config"));
    CHECK(config.at("config_version") == 1);
    CHECK(config.at("idle_timeout_s") == 60);
    CHECK(config.at("language") == "vi");
    CHECK(config.at("services_enabled") == json::array({"status_lookup"}));
    CHECK_FALSE(config.at("centre_name").get<std::string>().empty());

    auto notices = bodyJson(cli->Get("/api/v1/maintenance-notices"));
    REQUIRE(notices.at("notices").size() == 1);
    auto n = notices.at("notices").at(0).get<MaintenanceNotice>();
    CHECK(n.id == "mn_future");
    CHECK(n.message.vi == "Hệ thống bảo trì từ 22 giờ.");
}

TEST_CASE("errors are problems: unknown path, wrong method, not implemented", "[http][errors]") {
    GatewayFixture gw;
    auto cli = gw.client();
    expectProblem(cli->Get("/api/v1/nothing-here"), 404, "not_found");
    expectProblem(cli->Get("/"), 404, "not_found");

    auto wrong = cli->Delete("/api/v1/health");
    expectProblem(wrong, 405, "method_not_allowed");
    CHECK(wrong->get_header_value("Allow") == "GET, HEAD");
    auto wrongDossier = cli->Delete("/api/v1/dossiers/" + kKnownCode);
    expectProblem(wrongDossier, 405, "method_not_allowed");
    CHECK(wrongDossier->get_header_value("Allow") == "GET, HEAD");
    auto wrongLookup = cli->Put("/api/v1/dossiers/lookup", "{}", "application/json");
    expectProblem(wrongLookup, 405, "method_not_allowed");
    CHECK(wrongLookup->get_header_value("Allow") == "POST, GET, HEAD");
    expectProblem(cli->Delete("/api/v1/dossiers/a/b/c"), 404, "not_found");
    expectProblem(cli->Get("/api/v1/health/"), 404, "not_found");

    auto rated = expectProblem(cli->Post("/api/v1/ratings", "{}", "application/json"), 501,
                               "not_implemented");
    CHECK(rated.at("message").at("vi") == "Chức năng này chưa được hỗ trợ.");
    expectProblem(cli->Get("/api/v1/statistics"), 501, "not_implemented");
    // Implemented (issue 4); this fixture seeds no form schemas (tests/forms covers them).
    expectProblem(cli->Get("/api/v1/procedures/1.001193/form"), 404, "form_not_found");
    // The queue is implemented (issue 5): this seed has no queue_services.json, so no services.
    auto queue = cli->Get("/api/v1/queue/services");
    REQUIRE(queue);
    CHECK(queue->status == 200);
    CHECK(nlohmann::json::parse(queue->body).at("services").empty());
    expectProblem(cli->Post("/api/v1/queue/tickets", "{}", "application/json"), 400,
                  "missing_field");
    expectProblem(cli->Get("/api/v1/queue/tickets/tk_19990101_A001"), 404, "ticket_not_found");
    expectProblem(cli->Get("/api/v1/dossiers/" + kKnownCode + "/fees"), 501, "not_implemented");
    expectProblem(cli->Post("/api/v1/payments", "{}", "application/json"), 501, "not_implemented");
    expectProblem(cli->Post("/api/v1/ratings", "{}", "application/json"), 501, "not_implemented");
}

TEST_CASE("a body over the limit is refused with 413", "[http][errors]") {
    GatewayFixture gw;
    std::string huge(2 * 1024 * 1024, 'x');
    auto res = gw.client()->Post("/api/v1/dossiers/lookup", huge, "application/json");
    auto body = expectProblem(res, 413, "payload_too_large");
    CHECK_THAT(body.at("detail").get<std::string>(), Catch::Contains("1048576"));

    // Chunked, so without Content-Length: httplib reads it, the routes refuse it.
    auto chunked = gw.client()->Post(
        "/api/v1/dossiers/lookup",
        [&huge](size_t offset, httplib::DataSink& sink) {
            sink.write(huge.data() + offset, std::min<size_t>(64 * 1024, huge.size() - offset));
            if (offset + 64 * 1024 >= huge.size()) sink.done();
            return true;
        },
        "application/json");
    expectProblem(chunked, 413, "payload_too_large");
}

TEST_CASE("a second gateway on a busy port fails clearly", "[http]") {
    GatewayFixture gw;
    GatewayServer other(*gw.store);
    GatewayOptions options;
    options.port = gw.port;
    options.certificate = gw.pki.files.serverCert;
    options.privateKey = gw.pki.files.serverKey;
    auto r = other.start(options);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("already in use"));
    // The first one still serves.
    auto res = gw.client()->Get("/api/v1/health");
    REQUIRE(res);
    CHECK(res->status == 200);
}

TEST_CASE("a handler that throws becomes a 500 problem", "[http][errors]") {
    test::TempDir dir;
    auto store = GatewayStore::open(dir.path() / "gateway.db");
    REQUIRE(store.ok());
    httplib::Server server;
    installRoutes(server, *store.value());
    server.Get("/boom", [](const httplib::Request&, httplib::Response&) {
        throw std::runtime_error("boom");
    });
    int port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread t([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::yield();
    httplib::Client cli("127.0.0.1", port);
    expectProblem(cli.Get("/boom"), 500, "internal_error");
    server.stop();
    t.join();
}
