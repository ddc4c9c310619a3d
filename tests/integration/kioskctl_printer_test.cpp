// dvc-kioskctl's printer and queue commands against the real gateway and dvc-printer-sim.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "gateway_process.h"
#include "qr_codec.h"

using dvc::test::runCommand;

namespace {
struct SimProcess {
    dvc::test::Child child;
    std::string device;
    std::filesystem::path out;
    explicit SimProcess(const std::string& name, std::vector<std::string> extra = {}) {
        out = dvc::test::freshTempDir(name);
        std::vector<std::string> argv{DVC_PRINTER_SIM_BIN, "--listen", "127.0.0.1:0", "--out",
                                      out.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        child = dvc::test::spawnWithStdout(argv);
        auto port = dvc::test::readLineStartingWith(child.out, "");
        REQUIRE(port.has_value());
        device = "tcp:127.0.0.1:" + *port;
    }
    ~SimProcess() { dvc::test::reap(child, true); }
};
}  // namespace

TEST_CASE("kioskctl queue ticket: a real number from the gateway, printed, QR read back") {
    dvc::test::GatewayProcess gw("kioskctl-queue");
    SimProcess sim("kioskctl-queue-sim");
    const std::string ca = gw.caFile().string();
    auto r =
        runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "queue", "ticket",
                    "--service", "dat_dai", "--device", sim.device, "--width", "384", "--json"});
    REQUIRE(r.exitCode == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["number"] == "D001");
    CHECK(j["counter"] == "Quầy 4");
    CHECK(j["printed"] == true);
    auto again = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "queue", "ticket",
                             "--service", "dat_dai", "--device", sim.device});
    CHECK(again.exitCode == 0);
    CHECK(again.out.rfind("D002  Quầy 4", 0) == 0);
    auto png = sim.out / "ticket-0001.png";
    REQUIRE(std::filesystem::exists(png));
    auto qr = dvc::decodeQrImageFile(png);
    REQUIRE(qr.ok());
    CHECK(*qr == j["follow_url"].get<std::string>());

    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "queue", "ticket",
                      "--device", sim.device})
              .exitCode == 2);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "queue", "ticket",
                      "--service", "nope", "--device", sim.device})
              .exitCode == 3);
}

TEST_CASE("kioskctl queue ticket: paper out keeps the number, exit code says printer fault") {
    dvc::test::GatewayProcess gw("kioskctl-queue-fault");
    SimProcess sim("kioskctl-queue-fault-sim", {"--paper-out"});
    auto r =
        runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", gw.caFile().string(), "queue",
                    "ticket", "--service", "chung_thuc", "--device", sim.device, "--json"});
    CHECK(r.exitCode == 7);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["number"] == "C001");
    CHECK(j["printed"] == false);
    auto status =
        runCommand({DVC_KIOSKCTL_BIN, "printer", "status", "--device", sim.device, "--json"});
    CHECK(status.exitCode == 7);
    CHECK(nlohmann::json::parse(status.out)["message"]["vi"] ==
          "Máy in hết giấy, vui lòng đến quầy");
}

TEST_CASE("kioskctl printer: list, test page, status, bad devices") {
    SimProcess sim("kioskctl-printer-sim");
    auto list = runCommand({DVC_KIOSKCTL_BIN, "printer", "list", "--json"});
    auto printers = nlohmann::json::parse(list.out)["printers"];
    CHECK(list.exitCode == (printers.empty() ? 6 : 0));
    auto test =
        runCommand({DVC_KIOSKCTL_BIN, "printer", "test", "--device", sim.device, "--width", "576"});
    CHECK(test.exitCode == 0);
    CHECK(test.out.find("576 dots") != std::string::npos);
    auto status = runCommand({DVC_KIOSKCTL_BIN, "printer", "status", "--device", sim.device});
    CHECK(status.exitCode == 0);
    CHECK(status.out.find(": ok") != std::string::npos);
    CHECK(
        runCommand({DVC_KIOSKCTL_BIN, "printer", "test", "--device", "tcp:127.0.0.1:1"}).exitCode ==
        6);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "printer", "test", "--device", "usb:zz:1"}).exitCode == 2);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "printer", "test", "--width", "500"}).exitCode == 2);
    if (printers.empty())
        CHECK(runCommand({DVC_KIOSKCTL_BIN, "printer", "status", "--device", "usb:0416:5011"})
                  .exitCode == 6);
}
