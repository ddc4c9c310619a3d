// `dvc-kioskctl card read` over the real PC/SC path: the simulated CCCD (PACE, secure
// messaging, signed data groups) behind a private pcscd through vpcd. Output and exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "card/sim/lds_builder.h"
#include "gateway_process.h"
#include "identity/emrtd/mrz_key.h"
#include "pcscd_process.h"
#include "simulated_emrtd.h"
#include "vpcd_bridge.h"

using namespace dvc::card;
using dvc::test::runCommand;

TEST_CASE("kioskctl card read: verified, access denied, not verified", "[pcscd]") {
    if (auto missing = dvc::test::PcscdProcess::notInstalled()) {
        WARN("skipped: " << *missing);
        return;
    }
    auto pki = sim::generateTestPki();
    REQUIRE(pki.ok());
    auto persona = sim::loadPersona(std::filesystem::path(DVC_SOURCE_TESTDATA) / "personas" /
                                    "tran-van-duc.json");
    REQUIRE(persona.ok());
    auto contents = sim::buildCardContents(*persona, *pki);
    REQUIRE(contents.ok());
    SimulatedEmrtdConfig config;
    config.files = contents->files;
    config.mrzInformation =
        *dvc::emrtd::bacMrzInformation(contents->access.documentNumber,
                                       contents->access.dateOfBirth, contents->access.dateOfExpiry);
    config.can = contents->access.can;
    SimulatedEmrtd card(config);

    const auto dir = dvc::test::freshTempDir("kioskctl-card");
    REQUIRE(sim::writeCertificatePem(pki->csca, dir / "csca", "test-csca").ok());

    dvc::test::PcscdProcess pcscd;
    VpcdBridge bridge(card, "127.0.0.1", pcscd.vpcdPort());
    REQUIRE(bridge.insert().ok());

    auto ok = runCommand({DVC_KIOSKCTL_BIN, "card", "read", "--can", contents->access.can, "--csca",
                          (dir / "csca").string(), "--json"});
    INFO(ok.out);
    REQUIRE(ok.exitCode == 0);
    auto j = nlohmann::json::parse(ok.out);
    CHECK(j["read"] == true);
    CHECK(j["access"] == "PACE");
    CHECK(j["dg13"]["full_name"] == "Trần Văn Đức");
    CHECK(j["dg1"]["personal_number"] == "079203004321");
    CHECK(j["photo"]["bytes"].get<int>() > 10000);
    CHECK(j["passive_authentication"]["verdict"] == "verified");

    auto human = runCommand({DVC_KIOSKCTL_BIN, "card", "read", "--mrz",
                             contents->access.documentNumber + "," + contents->access.dateOfBirth +
                                 "," + contents->access.dateOfExpiry,
                             "--csca", (dir / "csca").string()});
    CHECK(human.exitCode == 0);
    CHECK(human.out.find("verdict: verified") != std::string::npos);

    auto denied = runCommand({DVC_KIOSKCTL_BIN, "card", "read", "--can", "999999", "--json"});
    CHECK(denied.exitCode == 11);
    CHECK(nlohmann::json::parse(denied.out)["error"] == "access_denied");

    auto untrusted =
        runCommand({DVC_KIOSKCTL_BIN, "card", "read", "--can", contents->access.can, "--json"});
    CHECK(untrusted.exitCode == 13);
    CHECK(nlohmann::json::parse(untrusted.out)["passive_authentication"]["reason"] ==
          "no_csca_trust_store");
}
