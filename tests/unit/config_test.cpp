#include <catch2/catch.hpp>

#include "config/config.h"

using namespace dvc;

namespace {
Result<KioskConfig, ConfigError> parse(const std::string& text) {
    return parseConfig(text, "kiosk.toml", "/etc/dvc-kiosk");
}
}  // namespace

TEST_CASE("a full config is read, relative paths against the file's folder") {
    auto c = parse(R"(
[kiosk]
id = "KIOSK-HT-007"
language = "en"
idle_timeout_s = 90
idle_countdown_s = 15

[backend]
url = "https://gateway.example.vn"
ca_file = "tls/ca.pem"
request_timeout_ms = 5000

[devices]
qr = "real"
printer = "none"
qr_sim_inbox = "/var/lib/dvc-kiosk/qr"

[display]
fullscreen = false
orientation = "landscape"
)");
    REQUIRE(c.ok());
    CHECK(c->kioskId == "KIOSK-HT-007");
    CHECK(c->language == Language::English);
    CHECK(c->idleTimeoutSeconds == 90);
    CHECK(c->idleCountdownSeconds == 15);
    CHECK(c->backend.url == "https://gateway.example.vn");
    CHECK(c->backend.caFile == "/etc/dvc-kiosk/tls/ca.pem");
    CHECK(c->backend.requestTimeoutMs == 5000);
    CHECK(c->devices.qr == DeviceBackend::Real);
    CHECK(c->devices.printer == DeviceBackend::None);
    CHECK(c->devices.cardReader == DeviceBackend::Sim);
    CHECK(c->devices.qrSimInbox == "/var/lib/dvc-kiosk/qr");
    CHECK_FALSE(c->display.fullscreen);
    CHECK(c->display.orientation == Orientation::Landscape);
}

TEST_CASE("an empty config gives the defaults") {
    auto c = parse("");
    REQUIRE(c.ok());
    CHECK(c->idleTimeoutSeconds == 60);
    CHECK(c->idleCountdownSeconds == 10);
    CHECK(c->language == Language::Vietnamese);
}

TEST_CASE("errors name the key and the line") {
    auto wrongType = parse("[kiosk]\nid = \"A\"\nidle_timeout_s = \"sixty\"\n");
    REQUIRE_FALSE(wrongType.ok());
    CHECK(wrongType.error().key == "kiosk.idle_timeout_s");
    CHECK(wrongType.error().line == 3);
    CHECK(wrongType.error().toString() == "kiosk.toml:3:18: kiosk.idle_timeout_s: must be an integer");

    auto typo = parse("[backend]\nurl = \"https://x\"\ncafile = \"ca.pem\"\n");
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().key == "backend.cafile");
    CHECK(typo.error().message == "unknown key");
    CHECK(typo.error().line == 3);

    auto plainHttp = parse("\n[backend]\nurl = \"http://10.0.0.1\"\n");
    REQUIRE_FALSE(plainHttp.ok());
    CHECK(plainHttp.error().key == "backend.url");
    CHECK(plainHttp.error().line == 3);

    auto badChoice = parse("[devices]\nqr = \"camera\"\n");
    REQUIRE_FALSE(badChoice.ok());
    CHECK(badChoice.error().message == "must be one of: real, sim, none");

    auto range = parse("[kiosk]\nidle_timeout_s = 2\n");
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().message == "must be between 15 and 3600");
}

TEST_CASE("TOML syntax errors point at the line") {
    auto c = parse("[kiosk]\nid = \"unterminated\n");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().line == 2);
    CHECK_FALSE(c.error().message.empty());
}

TEST_CASE("a missing file is reported") {
    auto c = loadConfig("/nonexistent/kiosk.toml");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().message == "cannot open the file");
}

TEST_CASE("catalog_sync_s: default 900, read from [kiosk], range checked") {
    auto defaults = parse("");
    REQUIRE(defaults.ok());
    CHECK(defaults->catalogSyncSeconds == 900);

    auto set = parse("[kiosk]\ncatalog_sync_s = 120\n[paths]\ncatalog_db = \"cache/catalog.db\"\n");
    REQUIRE(set.ok());
    CHECK(set->catalogSyncSeconds == 120);
    CHECK(set->catalogDb == "/etc/dvc-kiosk/cache/catalog.db");

    auto tooOften = parse("[kiosk]\ncatalog_sync_s = 5\n");
    REQUIRE_FALSE(tooOften.ok());
    CHECK(tooOften.error().key == "kiosk.catalog_sync_s");
    CHECK(tooOften.error().message == "must be between 30 and 86400");
}
