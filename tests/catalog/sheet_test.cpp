#include <catch2/catch.hpp>

#include <set>

#include "catalog/procedure_sheet.h"
#include "catalog_fixture.h"
#include "i18n/translations.h"

using namespace dvc;
using namespace dvc::catalog;
using namespace dvc::catalog::test;

TEST_CASE("detail: every seed procedure shows every Circular 32 level-1 item") {
    for (const auto& d : seedDetails()) {
        INFO(d.summary.code);
        auto sheet = procedureSheet(d);
        std::vector<std::string> keys;
        for (const auto& s : sheet) keys.push_back(s.labelKey);
        CHECK(keys == procedureSheetKeys());
        for (const auto& s : sheet) {
            INFO(s.labelKey);
            // Each item has content: lines, documents or a translated value.
            CHECK((!s.lines.empty() || !s.documents.empty() || !s.valueKey.empty()));
        }
        const auto& docs = sheet[5];
        REQUIRE(docs.labelKey == "catalog.item.documents");
        CHECK_FALSE(docs.documents.empty());
        for (const auto& doc : docs.documents) CHECK(doc.originals + doc.copies >= 1);
        CHECK(sheet[2].valueKey.starts_with("catalog.online."));
    }
}

TEST_CASE("detail: the online scope says whether the kiosk can finish the procedure") {
    auto details = seedDetails();
    std::set<std::string> scopes;
    for (const auto& d : details) scopes.insert(procedureSheet(d)[2].valueKey);
    CHECK(scopes.count("catalog.online.toan_trinh") == 1);
    CHECK(scopes.count("catalog.online.mot_phan") == 1);
    CHECK(kioskCanFinish(OnlineScope::Full));
    CHECK_FALSE(kioskCanFinish(OnlineScope::Partial));
    ProcedureDetail empty;
    empty.summary.code = "3.000001";
    empty.summary.name = "Thủ tục thử";
    auto sheet = procedureSheet(empty);
    CHECK(sheet[3].valueKey == "catalog.value.none");  // no steps published: "Không", not blank
    CHECK(sheet[5].valueKey == "catalog.value.none");
}

TEST_CASE("detail: every label and value key is translated in both languages") {
    auto t = Translations::load(std::filesystem::path(DVC_SOURCE_ASSETS) / "i18n");
    REQUIRE(t.ok());
    std::vector<std::string> keys = procedureSheetKeys();
    for (const char* k :
         {"catalog.value.none", "catalog.online.toan_trinh", "catalog.online.mot_phan",
          "catalog.online.khong", "catalog.tier.xa", "catalog.tier.huyen", "catalog.tier.tinh"})
        keys.push_back(k);
    for (const auto& key : keys)
        for (auto lang : {Language::Vietnamese, Language::English}) {
            INFO(key);
            CHECK(t->text(lang, key) != key);
        }
}
