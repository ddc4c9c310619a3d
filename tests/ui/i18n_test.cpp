// The UI texts in assets/i18n: complete, parallel, NFC, and one plain message per failure.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "domain/dossier.h"
#include "i18n/translations.h"
#include "portal/portal_error.h"
#include "session/user_message.h"

namespace {

const dvc::Translations& texts() {
    static const auto loaded = dvc::Translations::load(std::filesystem::path(DVC_SOURCE_ASSETS) / "i18n");
    REQUIRE(loaded.ok());
    return loaded.value();
}

std::set<std::string> keysOf(dvc::Language lang) {
    std::set<std::string> keys;
    for (const auto& [k, v] : texts().table(lang)) keys.insert(k);
    return keys;
}

// Every i18n key the Session can set or the screens ask for.
std::set<std::string> requiredKeys() {
    std::set<std::string> keys;
    for (int s = 0; s <= static_cast<int>(dvc::DossierState::Cancelled); ++s)
        keys.insert(dvc::stateLabelKey(static_cast<dvc::DossierState>(s)));
    for (int k = 0; k <= static_cast<int>(dvc::PortalErrorKind::ServerError); ++k)
        keys.insert(dvc::messageKeyFor(static_cast<dvc::PortalErrorKind>(k)));
    for (int f = 0; f <= static_cast<int>(dvc::QrScanFailure::Cancelled); ++f)
        keys.insert(dvc::messageKeyFor(static_cast<dvc::QrScanFailure>(f)));
    keys.insert("error.invalid_code");
    keys.insert("error.qr_not_dossier");
    for (int d = 0; d < 7; ++d) keys.insert("weekday." + std::to_string(d));  // built in header.cpp
    // Literal keys in the UI sources: ui.t("…") and {"…", "key", …} tables.
    const std::regex literal(R"re("((?:nav|footer|header|home|lookup|keypad|result|idle)\.[a-z_.]+)")re");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(DVC_UI_SOURCE_DIR)) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream src;
        src << in.rdbuf();
        const std::string text = src.str();
        for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
            keys.insert((*it)[1].str());
    }
    return keys;
}

// NFC for Vietnamese means precomposed letters: no combining marks (U+0300–U+036F).
bool hasCombiningMark(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
        if ((b0 == 0xCC && b1 >= 0x80) || (b0 == 0xCD && b1 <= 0xAF)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Vietnamese and English have the same keys") {
    CHECK(keysOf(dvc::Language::Vietnamese) == keysOf(dvc::Language::English));
}

TEST_CASE("every key the Session and the screens use is translated") {
    auto vi = keysOf(dvc::Language::Vietnamese);
    auto en = keysOf(dvc::Language::English);
    auto required = requiredKeys();
    CHECK(required.size() > 60);
    for (const auto& key : required) {
        INFO(key);
        CHECK(vi.count(key) == 1);
        CHECK(en.count(key) == 1);
    }
}

TEST_CASE("texts are non-empty NFC, and the countdown keeps its {n}") {
    for (auto lang : {dvc::Language::Vietnamese, dvc::Language::English}) {
        for (const auto& [key, text] : texts().table(lang)) {
            INFO(dvc::languageCode(lang) << " " << key);
            CHECK(!text.empty());
            CHECK(!hasCombiningMark(text));
        }
        CHECK(texts().text(lang, "idle.body").find("{n}") != std::string::npos);
    }
}

TEST_CASE("each failure has its own message") {
    for (auto lang : {dvc::Language::Vietnamese, dvc::Language::English}) {
        std::set<std::string> seen;
        for (const auto& [key, text] : texts().table(lang)) {
            if (key.rfind("error.", 0) != 0) continue;
            // The ID-card QR's messages belong to the identify screen (unit-tested separately).
            if (key.rfind("error.cccd_qr.", 0) == 0) continue;
            INFO(dvc::languageCode(lang) << " " << key);
            CHECK(seen.insert(text).second);
            CHECK(text.size() > 40);  // says what happened and what to do, not just "Lỗi"
        }
        CHECK(seen.size() >= 13);  // the status lookup's failures, and more
    }
}

TEST_CASE("Vietnamese labels read as expected") {
    const auto& t = texts();
    CHECK(t.text(dvc::Language::Vietnamese, "state.dang_xu_ly") == "Đang xử lý");
    CHECK(t.text(dvc::Language::Vietnamese, "error.unreachable") ==
          "Không kết nối được hệ thống. Vui lòng thử lại sau ít phút hoặc đến quầy tiếp nhận.");
    CHECK(t.text(dvc::Language::Vietnamese, "lookup.scan") == "Quét mã QR trên phiếu hẹn");
}
