#include <catch2/catch.hpp>

#include "catalog/catalog_search.h"
#include "catalog_fixture.h"

using namespace dvc;
using namespace dvc::catalog;
using namespace dvc::catalog::test;

namespace {

// The queries and the procedure each must put first.
const std::vector<std::pair<std::string, std::string>> kIntended{
    {"dang ky khai sinh", "1.001193"},
    {"khai sinh", "1.001193"},
    {"dăng ki kết hon", "1.000894"},
    {"giay phep xay dung", "1.013225"},
    {"xác nhận độc thân", "1.004873"},
    {"nhập hộ khẩu", "1.004222"},
    {"sao y", "2.000815"},
    {"xây nhà", "1.013225"},
    {"Đăng ký kết hôn", "1.000894"},
    {"trich luc ho tich", "2.000635"},
    {"chung thuc ban sao", "2.000815"},
    {"dang ky thuong tru", "1.004222"},
    {"dang ky ho kinh doanh", "2.000720"},
    {"xac nhan tinh trang hon nhan", "1.004873"},
};

void checkIntendedFirst(CatalogSearch& search) {
    for (const auto& [query, code] : kIntended) {
        INFO("query: " << query);
        auto hits = search.search(query, 5);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front().procedure.code == code);
    }
}

}  // namespace

TEST_CASE("search: the issue's queries put the intended procedure first") {
    auto dir = freshDir("search-seed");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(), 1).ok());
    CatalogSearch search(*store);
    checkIntendedFirst(search);
}

TEST_CASE("search: as you type, every prefix of a query finds something and the end is right") {
    auto dir = freshDir("search-typing");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(), 1).ok());
    CatalogSearch search(*store);
    const std::string query = "giay phep xay";
    for (std::size_t n = 2; n <= query.size(); ++n) {
        INFO("typed: '" << query.substr(0, n) << "'");
        CHECK_FALSE(search.search(query.substr(0, n), 10).empty());
    }
    CHECK(search.search("giay phep xay", 1).front().procedure.code == "1.013225");
    // Half a word is a prefix: "khai si" already finds birth registration first.
    CHECK(search.search("khai si", 1).front().procedure.code == "1.001193");
}

TEST_CASE("search: by procedure code, and nothing for nothing") {
    auto dir = freshDir("search-code");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(), 1).ok());
    CatalogSearch search(*store);
    auto byCode = search.search("1.001193", 3);
    REQUIRE_FALSE(byCode.empty());
    CHECK(byCode.front().procedure.code == "1.001193");
    CHECK(search.search("", 10).empty());
    CHECK(search.search("   ", 10).empty());
    CHECK(search.search("!!! ???", 10).empty());
    CHECK(search.search("zzzzqqqq", 10).empty());
    CHECK(search.search("\"khai\" OR *", 10).size() <= 10);  // FTS syntax is only text
    CHECK(search.search("khai sinh", 0).empty());
    CHECK(search.search("khai sinh", 2).size() == 2);
}

TEST_CASE("search: follows the store after a sync changes it") {
    auto dir = freshDir("search-refresh");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(), 1).ok());
    CatalogSearch search(*store);
    for (const auto& hit : search.search("nuoi ong mat", 5))
        CHECK(hit.procedure.code != "3.000777");
    CatalogPage delta;
    delta.version = 8;
    delta.full = false;
    ProcedureSummary p;
    p.code = "3.000777";
    p.name = "Cấp giấy chứng nhận cơ sở nuôi ong mật";
    p.field = "Chăn nuôi";
    p.agency = "Ủy ban nhân dân cấp huyện";
    p.tier = Tier::District;
    p.version = 8;
    delta.procedures = {p};
    REQUIRE(store->apply(delta, 2).ok());
    auto hits = search.search("nuoi ong mat", 5);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().procedure.code == "3.000777");
}

TEST_CASE("search: on 10,000 procedures the intended one is still first") {
    auto dir = freshDir("search-10k");
    auto store = openStore(dir / "catalog.db");
    auto page = seedPage();
    auto synthetic = syntheticCatalog(10000 - page.procedures.size());
    REQUIRE(synthetic.size() == 10000 - page.procedures.size());
    page.procedures.insert(page.procedures.end(), synthetic.begin(), synthetic.end());
    REQUIRE(store->apply(page, 1).ok());
    CHECK(store->state().procedureCount == 10000);
    CatalogSearch search(*store);
    checkIntendedFirst(search);
    // And the generated ones are findable by their own words, typos included.
    auto hits = search.search("giay phep ban le ruou", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().procedure.name.find("giấy phép bán lẻ rượu") != std::string::npos);
    auto typo = search.search("giay phep karoke", 3);
    REQUIRE_FALSE(typo.empty());
    CHECK(typo.front().procedure.name.find("karaoke") != std::string::npos);
}
