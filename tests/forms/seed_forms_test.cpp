// The seed forms: all 8 parse strictly, belong to seeded procedures, use only explanation keys
// that exist in both languages, and accept a realistic submission while refusing a bad one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "forms/validation.h"
#include "i18n/translations.h"
#include "identity/province_codes.h"

using namespace dvc;
using namespace dvc::forms;
using json = nlohmann::json;
using namespace std::chrono;

namespace {

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

const std::vector<std::string> kCodes = {"1.001193", "1.000894", "1.004873", "2.000635",
                                         "2.000815", "1.004222", "1.013225", "2.000720"};

FormSchema form(const std::string& code) {
    auto r =
        parseFormSchemaText(readFile(std::string(DVC_SOURCE_SEED) + "/forms/" + code + ".json"));
    if (!r) FAIL(code << ": " << r.error().text());
    return r.value();
}

const ValidationContext kContext{year_month_day{year{2026}, month{11}, day{23}}, nullptr};

}  // namespace

TEST_CASE("all 8 seed forms parse strictly and name seeded procedures") {
    std::set<std::string> procedures;
    for (const auto& p : json::parse(readFile(std::string(DVC_SOURCE_SEED) + "/procedures.json")))
        procedures.insert(p["code"].get<std::string>());
    std::size_t files = 0;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(DVC_SOURCE_SEED) + "/forms")) {
        ++files;
        auto code = e.path().stem().string();
        INFO(code);
        auto schema = form(code);
        CHECK(schema.procedureCode == code);
        CHECK(procedures.count(code) == 1);
    }
    CHECK(files >= 8);
    for (const auto& code : kCodes) CHECK(form(code).fields().size() >= 4);
}

TEST_CASE("every explanation key the forms can produce exists in vi and en") {
    auto tr = Translations::load(std::string(DVC_SOURCE_ASSETS) + "/i18n");
    REQUIRE(tr.ok());
    std::set<std::string> keys;
    // Keys written in the rules' source…
    std::regex literal("\"(form\\.(error|format)\\.[a-z_.]+[a-z_])\"");
    for (const char* file : {"field_rules.cpp", "validation.cpp"}) {
        std::string src = readFile(std::string(DVC_SOURCE_KIOSK) + "/forms/" + file);
        for (std::sregex_iterator it(src.begin(), src.end(), literal), end; it != end; ++it)
            keys.insert((*it)[1]);
    }
    CHECK(keys.size() > 30);
    // …and named by the forms.
    for (const auto& code : kCodes) {
        auto schema = form(code);
        for (const FormField* f : schema.fields()) {
            std::vector<const FormField*> all{f};
            for (const auto& sub : f->fields) all.push_back(&sub);
            for (const FormField* x : all) {
                keys.insert(formatHintKey(*x));
                for (const auto& [problem, key] : x->messages) keys.insert(key);
            }
        }
    }
    for (const auto& key : keys) {
        INFO(key);
        CHECK(tr->table(Language::Vietnamese).count(key) == 1);
        CHECK(tr->table(Language::English).count(key) == 1);
    }
}

TEST_CASE("birth registration: a realistic submission passes, a bad one fails by the same rules") {
    auto schema = form("1.001193");
    json address = {{"province", "042"},
                    {"district", "Thành phố Hà Tĩnh"},
                    {"commune", "Phường Trần Phú"},
                    {"detail", "Số 12 đường Phan Đình Phùng"}};
    json good = {
        {"ho_ten", "Nguyễn Văn An"},
        {"ngay_sinh", "1990-05-14"},
        {"so_dinh_danh", "042090012345"},
        {"noi_cu_tru", address},
        {"so_dien_thoai", "0912345678"},
        {"quan_he", "cha"},
        {"tre",
         {{{"ho_ten", "Nguyễn Minh Khang"},
           {"gioi_tinh", "nam"},
           {"ngay_sinh", "2026-11-20"},
           {"dan_toc", "Kinh"},
           {"quoc_tich", "Việt Nam"}}}},
        {"noi_sinh",
         {{"province", "042"},
          {"district", "Thành phố Hà Tĩnh"},
          {"commune", "Phường Bắc Hà"},
          {"detail", "Bệnh viện Đa khoa tỉnh Hà Tĩnh"}}},
        {"que_quan",
         {{"province", "042"}, {"district", "Huyện Can Lộc"}, {"commune", "Xã Thiên Lộc"}}},
        {"ho_ten_me", "Trần Thị Bình"},
        {"ngay_sinh_me", "1993-02-01"},
        {"dan_toc_me", "Kinh"},
        {"quoc_tich_me", "Việt Nam"},
        {"noi_cu_tru_me", address},
        {"cam_doan", true}};
    CHECK(validateSubmission(schema, good, kContext).empty());

    json twins = good;
    twins["tre"].push_back({{"ho_ten", "Nguyễn Minh Khôi"},
                            {"gioi_tinh", "nam"},
                            {"ngay_sinh", "2026-11-20"},
                            {"dan_toc", "Kinh"},
                            {"quoc_tich", "Việt Nam"}});
    CHECK(validateSubmission(schema, twins, kContext).empty());

    json bad = good;
    bad["so_dien_thoai"] = "0212345678";
    bad["tre"][0]["ngay_sinh"] = "2026-12-01";  // not born yet
    bad["co_thong_tin_cha"] = true;             // father's section now required
    bad["cam_doan"] = false;
    std::vector<std::string> got;
    for (const auto& p : validateSubmission(schema, bad, kContext))
        got.push_back(p.field + ":" + p.code);
    CHECK(got == std::vector<std::string>{
                     "so_dien_thoai:invalid_format", "tre[0].ngay_sinh:in_future",
                     "ho_ten_cha:required", "ngay_sinh_cha:required", "dan_toc_cha:required",
                     "quoc_tich_cha:required", "noi_cu_tru_cha:required", "cam_doan:required"});
}

TEST_CASE("marriage: the legal ages are enforced with the law's explanation") {
    auto schema = form("1.000894");
    auto groomTooYoung = [&](const std::string& dob) {
        json v = {{"ngay_sinh_nam", dob}};
        for (const auto& p : validateSubmission(schema, v, kContext))
            if (p.field == "ngay_sinh_nam") return p.messageKey;
        return std::string();
    };
    CHECK(groomTooYoung("2007-01-01") == "form.error.marriage_age_male");
    CHECK(groomTooYoung("2006-11-23").empty());
    json bride = {{"ngay_sinh_nu", "2008-11-24"}};
    bool found = false;
    for (const auto& p : validateSubmission(schema, bride, kContext))
        found = found ||
                (p.field == "ngay_sinh_nu" && p.messageKey == "form.error.marriage_age_female");
    CHECK(found);
}

TEST_CASE("the address data covers the 63 provinces of the CCCD list") {
    auto units = AdminUnits::load(std::string(DVC_SOURCE_ASSETS) + "/data/admin_units.json");
    REQUIRE(units.ok());
    CHECK(units->provinces().size() == provinceCodes().size());
    for (const auto& p : provinceCodes()) {
        INFO(p.code);
        REQUIRE(units->province(p.code));
        CHECK(units->province(p.code)->name == p.name);
    }
    CHECK(units->province("001")->districts.size() == 30);  // Hà Nội
    CHECK(units->province("079")->districts.size() == 22);  // TP. Hồ Chí Minh
    CHECK(
        AdminUnits::parse(json::parse(R"({"provinces": [{"code": "1", "name": "X"}]})")).error() ==
        "admin units: province 1: code must be 3 digits");
}

TEST_CASE("any JSON shape as a submission gives problems, never a crash") {
    const std::vector<json> shapes = {
        json(nullptr),
        json(42),
        json("text"),
        json::array({1, 2}),
        json::object(),
        json::parse(R"({"ho_ten": 5, "ngay_sinh": {}, "so_dinh_danh": [], "noi_cu_tru": "Hà Nội",
                        "tre": {"a": 1}, "thanh_vien": [null, "x", {"ho_ten": {"x": [1]}}],
                        "giay_to": [{"so_trang": 1e300, "so_ban": -9223372036854775807}],
                        "von_kinh_doanh": 18446744073709551615, "so_ban": true,
                        "noi_sinh": {"province": 1, "district": null, "commune": ["x"], "detail": {"y": 2}}})")};
    for (const auto& code : kCodes) {
        auto schema = form(code);
        for (const auto& values : shapes) {
            INFO(code << " " << values.dump());
            auto problems = validateSubmission(schema, values, kContext);
            CHECK_FALSE(problems.empty());
            for (const auto& p : problems) CHECK_FALSE(p.code.empty());
        }
    }
}
