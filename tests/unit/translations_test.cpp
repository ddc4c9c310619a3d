#include <catch2/catch.hpp>

#include "domain/dossier.h"
#include "i18n/translations.h"
#include "identity/cccd_qr.h"

using namespace dvc;

TEST_CASE("Vietnamese and English have the same keys, none empty") {
    auto t = Translations::load(std::string(DVC_SOURCE_ASSETS) + "/i18n");
    REQUIRE(t.ok());
    const auto& vi = t->table(Language::Vietnamese);
    const auto& en = t->table(Language::English);
    REQUIRE(vi.size() > 20);
    for (const auto& [key, text] : vi) {
        INFO(key);
        CHECK(en.count(key) == 1);
        CHECK_FALSE(text.empty());
    }
    for (const auto& [key, text] : en) {
        INFO(key);
        CHECK(vi.count(key) == 1);
    }
}

TEST_CASE("every message the core can raise is translated") {
    auto t = Translations::load(std::string(DVC_SOURCE_ASSETS) + "/i18n");
    REQUIRE(t.ok());
    const char* keys[] = {"error.not_found",    "error.invalid_request", "error.unreachable",
                          "error.timeout",      "error.tls_failure",     "error.bad_response",
                          "error.server_error", "error.invalid_code",    "error.qr_no_code",
                          "error.qr_unreadable", "error.qr_device_error", "error.qr_not_dossier"};
    for (const char* key : keys) {
        INFO(key);
        CHECK(t->table(Language::Vietnamese).count(key) == 1);
    }
    for (auto s : {DossierState::Received, DossierState::Processing, DossierState::NeedsSupplement,
                   DossierState::ResultReady, DossierState::Returned, DossierState::Overdue,
                   DossierState::Cancelled}) {
        INFO(stateLabelKey(s));
        CHECK(t->table(Language::English).count(stateLabelKey(s)) == 1);
    }
    CHECK(t->text(Language::Vietnamese, "no.such.key") == "no.such.key");
}

TEST_CASE("every ID-card QR error has its message") {
    auto t = Translations::load(std::string(DVC_SOURCE_ASSETS) + "/i18n");
    REQUIRE(t.ok());
    for (int e = static_cast<int>(CccdQrError::TooLong);
         e <= static_cast<int>(CccdQrError::IssueInFuture); ++e) {
        const auto key = i18nKey(static_cast<CccdQrError>(e));
        INFO(key);
        CHECK(t->table(Language::Vietnamese).count(key) == 1);
        CHECK(t->table(Language::English).count(key) == 1);
    }
}
