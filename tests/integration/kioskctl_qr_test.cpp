// `dvc-kioskctl qr decode IMAGE [--json]`: output and exit codes (docs/kioskctl.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "gateway_process.h"
#include "qr_codec.h"

using dvc::test::runCommand;

TEST_CASE("kioskctl qr decode: a card's QR, a receipt QR, no QR, not an image") {
    const auto dir = dvc::test::freshTempDir("kioskctl-qr");
    const std::string card =
        "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. "
        "Hồ Chí Minh|15082024||||";
    REQUIRE(dvc::writeQrPng(card, dir / "card.png"));
    REQUIRE(dvc::writeQrPng("https://dvc.example/tra-cuu?ma=000.00.19.H42-261123-0001",
                            dir / "receipt.png"));

    auto j = runCommand({DVC_KIOSKCTL_BIN, "qr", "decode", (dir / "card.png").string(), "--json"});
    REQUIRE(j.exitCode == 0);
    auto parsed = nlohmann::json::parse(j.out);
    CHECK(parsed["decoded"] == true);
    CHECK(parsed["kind"] == "cccd");
    CHECK(parsed["text"] == card);
    CHECK(parsed["cccd"]["personal_number"] == "079304012345");
    CHECK(parsed["cccd"]["full_name"] == "Trần Thị Bích Ngọc");
    CHECK(parsed["cccd"]["date_of_birth"] == "2004-02-29");
    CHECK(parsed["cccd"]["field_count"] == 11);

    auto human = runCommand({DVC_KIOSKCTL_BIN, "qr", "decode", (dir / "card.png").string()});
    CHECK(human.exitCode == 0);
    CHECK(human.out.find("kind: cccd\n") != std::string::npos);
    CHECK(human.out.find("gender: Nữ\n") != std::string::npos);

    auto receipt =
        runCommand({DVC_KIOSKCTL_BIN, "qr", "decode", (dir / "receipt.png").string(), "--json"});
    REQUIRE(receipt.exitCode == 0);
    auto r = nlohmann::json::parse(receipt.out);
    CHECK(r["kind"] == "dossier_code");
    CHECK(r["dossier_code"] == "000.00.19.H42-261123-0001");
    CHECK(r["cccd_error"] == "url");

    // A plain white image: an image, but no code in it.
    {
        std::ofstream pgm(dir / "blank.pgm", std::ios::binary);
        pgm << "P5 64 64 255\n" << std::string(64 * 64, '\xff');
    }
    auto blank =
        runCommand({DVC_KIOSKCTL_BIN, "qr", "decode", (dir / "blank.pgm").string(), "--json"});
    CHECK(blank.exitCode == 10);
    CHECK(nlohmann::json::parse(blank.out)["error"] == "no_qr_code");

    std::ofstream(dir / "notes.txt") << "not an image";
    auto text = runCommand({DVC_KIOSKCTL_BIN, "qr", "decode", (dir / "notes.txt").string()});
    CHECK(text.exitCode == 1);
    auto usage = runCommand({DVC_KIOSKCTL_BIN, "qr", "decode"});
    CHECK(usage.exitCode == 2);
}
