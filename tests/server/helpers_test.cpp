#include <catch2/catch.hpp>

#include "server/clock.h"
#include "server/command_line.h"
#include "server/handlers.h"
#include "server/request_log.h"

using namespace dvc::gateway;

TEST_CASE("request paths are logged without dossier sequence numbers or ID numbers", "[log]") {
    CHECK(redactPathForLog("/api/v1/dossiers/000.00.19.H42-261123-0001") ==
          "/api/v1/dossiers/000.00.19.H42-261123-****");
    CHECK(redactPathForLog("/api/v1/dossiers/000.00.19.H42-261123-0001/fees") ==
          "/api/v1/dossiers/000.00.19.H42-261123-****/fees");
    CHECK(redactPathForLog("/api/v1/dossiers/Nguyen-Van-An") == "/api/v1/dossiers/****");
    CHECK(redactPathForLog("/api/v1/dossiers/lookup") == "/api/v1/dossiers/lookup");
    CHECK(redactPathForLog("/api/v1/x/001090000123") == "/api/v1/x/****");
    CHECK(redactPathForLog("/api/v1/kiosks/KIOSK-HT-01/heartbeat") ==
          "/api/v1/kiosks/KIOSK-HT-01/heartbeat");
    CHECK(redactPathForLog("/api/v1/kiosks/Nguyễn Văn An/config") == "/api/v1/kiosks/****/config");
    CHECK(redactPathForLog("/api/v1/x\nFAKE LINE") == "/api/v1/x?FAKE LINE");
    CHECK(redactPathForLog(std::string(500, 'a')).size() < 200);
}

TEST_CASE("ISO times: Vietnamese offset out, any offset in", "[clock]") {
    CHECK(isoVietnamTime(0) == "1970-01-01T07:00:00+07:00");
    CHECK(parseIsoDateTime("1970-01-01T07:00:00+07:00") == std::optional<std::time_t>(0));
    CHECK(parseIsoDateTime("1970-01-01T00:00:00Z") == std::optional<std::time_t>(0));
    CHECK(parseIsoDateTime("2026-11-23T08:15:30.250+07:00") ==
          parseIsoDateTime("2026-11-23T01:15:30Z"));
    CHECK_FALSE(parseIsoDateTime("2026-11-23"));
    CHECK_FALSE(parseIsoDateTime("2026-11-23T25:00:00+07:00"));
    CHECK_FALSE(parseIsoDateTime("2026-11-23T08:00:00+0700"));
    CHECK(isIsoDate("2024-02-29"));
    CHECK_FALSE(isIsoDate("2023-02-29"));
    CHECK_FALSE(isIsoDate("1990-5-14"));
    CHECK_FALSE(isIsoDate("1990-05-14T00:00:00Z"));
}

TEST_CASE("ETag matching follows If-None-Match lists", "[http]") {
    using handlers::etagMatches;
    CHECK(etagMatches("\"catalog-v3\"", "\"catalog-v3\""));
    CHECK(etagMatches("\"a\", W/\"catalog-v3\"", "\"catalog-v3\""));
    CHECK(etagMatches("*", "\"catalog-v3\""));
    CHECK_FALSE(etagMatches("\"catalog-v2\"", "\"catalog-v3\""));
    CHECK_FALSE(etagMatches("catalog-v3", "\"catalog-v3\""));
}

TEST_CASE("command line: the fixed contract", "[cli]") {
    auto ok = parseCommandLine({"--listen", "127.0.0.1:8443", "--data", "/tmp/d"});
    REQUIRE(ok.ok());
    CHECK(ok->host == "127.0.0.1");
    CHECK(ok->port == 8443);
    CHECK(ok->dataDir == "/tmp/d");
    CHECK_FALSE(ok->seedDir);

    auto eph = parseCommandLine({"--data=/d", "--listen=127.0.0.1:0", "--seed", "/s"});
    REQUIRE(eph.ok());
    CHECK(eph->port == 0);
    CHECK(eph->seedDir == std::optional<std::filesystem::path>("/s"));

    CHECK_FALSE(parseCommandLine({}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "127.0.0.1:8443"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "127.0.0.1", "--data", "d"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "127.0.0.1:65536", "--data", "d"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "127.0.0.1:80x", "--data", "d"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "127.0.0.1:1", "--data"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "a:1", "--data", "d", "--verbose"}).ok());
    CHECK_FALSE(parseCommandLine({"--listen", "a:1", "--listen", "a:2", "--data", "d"}).ok());
    CHECK(parseCommandLine({"--help"})->help);
}
