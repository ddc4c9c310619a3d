// dvc-kioskctl's command line is a contract with technicians' scripts: exit codes and --json.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "gateway_process.h"

using dvc::test::GatewayProcess;
using dvc::test::runCommand;

TEST_CASE("kioskctl status lookup: found, not found, unreachable, usage") {
    GatewayProcess gw("kioskctl");
    const std::string ca = gw.caFile().string();

    auto found = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "status",
                             "lookup", "000.00.19.H42-261123-0001", "--json"});
    REQUIRE(found.exitCode == 0);
    auto j = nlohmann::json::parse(found.out);
    CHECK(j["found"] == true);
    CHECK(j["code"] == "000.00.19.H42-261123-0001");
    CHECK(j["status"] == "dang_xu_ly");
    CHECK(j["applicant_name"] == "Nguyễn V*** A**");
    CHECK(j["history"].size() >= 3);
    CHECK(found.out.find('\n') == found.out.size() - 1);  // one JSON object, one line

    auto human = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "status",
                             "lookup", "000.00.19.H42-261123-0001"});
    CHECK(human.exitCode == 0);
    CHECK(human.out.find("Nguyễn V*** A**") != std::string::npos);
    CHECK(human.out.find("Nguyễn Văn An") == std::string::npos);

    auto missing = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "status",
                               "lookup", "000.00.19.H42-261123-9999", "--json"});
    CHECK(missing.exitCode == 3);
    auto m = nlohmann::json::parse(missing.out);
    CHECK(m["found"] == false);
    CHECK(m["error"]["problem_code"] == "dossier_not_found");

    auto wrongCa = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", "/etc/ssl/certs/ca-certificates.crt",
                               "status", "lookup", "000.00.19.H42-261123-0001"});
    CHECK(wrongCa.exitCode == 4);

    CHECK(runCommand({DVC_KIOSKCTL_BIN, "status", "lookup"}).exitCode == 2);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--frobnicate"}).exitCode == 2);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "status", "lookup", "not-a-code"})
              .exitCode == 2);

    const std::string url = gw.url();
    gw.stop();
    auto down = runCommand({DVC_KIOSKCTL_BIN, "--gateway", url, "--ca", ca, "status", "lookup",
                            "000.00.19.H42-261123-0001", "--json"});
    CHECK(down.exitCode == 4);
    CHECK(nlohmann::json::parse(down.out)["error"]["kind"] == "unreachable");
}
