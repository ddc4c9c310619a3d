#include <catch2/catch.hpp>

#include <set>

#include "catalog/catalog_browser.h"
#include "catalog_fixture.h"

using namespace dvc;
using namespace dvc::catalog;
using namespace dvc::catalog::test;

namespace {
std::vector<ProcedureSummary> seedSummaries() {
    std::vector<ProcedureSummary> out;
    for (const auto& d : seedDetails()) out.push_back(d.summary);
    return out;
}
}  // namespace

TEST_CASE("browse: every seed procedure is at most three taps from home (Circular 32)") {
    CatalogBrowser browser(seedSummaries());
    for (const auto& p : browser.procedures()) {
        INFO(p.code << " " << p.name);
        auto taps = browser.tapsToReach(p.code);
        REQUIRE(taps.has_value());
        CHECK(*taps <= 3);
    }
    CHECK_FALSE(browser.tapsToReach("9.999999").has_value());
}

TEST_CASE("browse: home lists the tiers, a tier its fields, a field its procedures") {
    CatalogBrowser browser(seedSummaries());
    auto home = browser.choices({});
    REQUIRE(home.size() == 3);
    CHECK(home[0].place.tier == Tier::Commune);
    CHECK(home[1].place.tier == Tier::District);
    CHECK(home[2].place.tier == Tier::Province);
    std::size_t total = 0;
    for (const auto& c : home) total += c.count;
    CHECK(total == browser.procedures().size());

    auto fields = browser.choices(home[0].place);
    std::set<std::string> names;
    for (const auto& f : fields) names.insert(f.label);
    CHECK(names.count("Hộ tịch") == 1);
    CHECK(names.count("Cư trú") == 1);
    auto hoTich = std::find_if(fields.begin(), fields.end(),
                               [](const auto& f) { return f.label == "Hộ tịch"; });
    auto procedures = browser.choices(hoTich->place);
    REQUIRE(procedures.size() == hoTich->count);
    for (const auto& p : procedures) CHECK(p.kind == BrowseChoice::Kind::Procedure);
}

TEST_CASE("browse: a field too long for one screen is split by agency (one more tap)") {
    std::vector<ProcedureSummary> many;
    for (int i = 0; i < 20; ++i) {
        ProcedureSummary p;
        p.code = "3.0000" + std::to_string(10 + i);
        p.name = "Thủ tục số " + std::to_string(i);
        p.tier = Tier::Province;
        p.field = "Đất đai";
        p.agency = i % 2 ? "Sở Tài nguyên và Môi trường" : "Văn phòng đăng ký đất đai";
        many.push_back(p);
    }
    CatalogBrowser browser(many);
    auto agencies = browser.choices({BrowseLevel::Field, Tier::Province, "Đất đai", {}});
    REQUIRE(agencies.size() == 2);
    CHECK(agencies[0].kind == BrowseChoice::Kind::Place);
    CHECK(agencies[0].count + agencies[1].count == 20);
    CHECK(browser.tapsToReach("3.000010") == 4);
}
