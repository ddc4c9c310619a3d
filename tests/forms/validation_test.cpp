// Validation: one table per field type (value → problem code and explanation key), then the
// whole-form rules: conditions, repeated groups, unknown and hidden values, addresses.
#include <catch2/catch.hpp>

#include "forms/field_rules.h"
#include "forms/validation.h"
#include "i18n/translations.h"

using namespace dvc;
using namespace dvc::forms;
using json = nlohmann::json;
using namespace std::chrono;

namespace {

constexpr year_month_day kToday{year{2026}, month{11}, day{23}};

struct Case {
    const char* value;
    const char* code;  // "" = valid
    const char* key;
};

void checkTable(const std::vector<Case>& table,
                const std::function<std::optional<RuleFailure>(std::string_view)>& rule) {
    for (const auto& c : table) {
        INFO("value: " << c.value);
        auto failure = rule(c.value);
        if (std::string(c.code).empty()) {
            CHECK_FALSE(failure);
        } else {
            REQUIRE(failure);
            CHECK(failure->code == c.code);
            CHECK(failure->messageKey == c.key);
        }
    }
}

FormSchema schemaFrom(const char* fieldsJson) {
    json doc = {{"procedure_code", "9.999999"},
                {"version", 1},
                {"sections",
                 {{{"id", "s"},
                   {"title", {{"vi", "S"}, {"en", "S"}}},
                   {"fields", json::parse(fieldsJson)}}}}};
    auto r = parseFormSchema(doc);
    if (!r) FAIL(r.error().text());
    return r.value();
}

std::vector<std::string> codesOf(const std::vector<FieldProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field + ":" + p.code);
    return out;
}

const ValidationContext kContext{kToday, nullptr};

}  // namespace

TEST_CASE("CCCD numbers") {
    checkTable({{"001090012345", "", ""},
                {"079300000001", "", ""},  // born 2000s, female
                {"00109001234", "invalid_format", "form.error.cccd.digits"},
                {"0010900123456", "invalid_format", "form.error.cccd.digits"},
                {"00109001234a", "invalid_format", "form.error.cccd.digits"},
                {"003090012345", "unknown_province", "form.error.cccd.province"},
                {"100090012345", "unknown_province", "form.error.cccd.province"},
                {"001690012345", "invalid_format", "form.error.cccd.century"},
                {"001299012345", "invalid_format", "form.error.cccd.century"}},  // 2099: not yet
               [](std::string_view s) { return checkCccdNumber(s, false, kToday); });
    // While typing, a good start is not an error; a bad province is, at once.
    CHECK_FALSE(checkCccdNumber("0010", true, kToday));
    REQUIRE(checkCccdNumber("003", true, kToday));
    CHECK(checkCccdNumber("003", true, kToday)->params.at(0).second == "003");
}

TEST_CASE("phone numbers") {
    checkTable({{"0912345678", "", ""},
                {"0387654321", "", ""},
                {"+84912345678", "", ""},
                {"0862345678", "", ""},
                {"091234567", "invalid_format", "form.error.phone.digits"},
                {"09123456789", "invalid_format", "form.error.phone.digits"},
                {"0912 345 678", "invalid_format", "form.error.phone.digits"},
                {"912345678", "invalid_format", "form.error.phone.digits"},
                {"0212345678", "invalid_format", "form.error.phone.prefix"},
                {"0952345678", "invalid_format", "form.error.phone.prefix"},
                {"0241234567", "invalid_format", "form.error.phone.prefix"}},  // a landline
               [](std::string_view s) { return checkPhone(s, false); });
    CHECK_FALSE(checkPhone("091", true));
    CHECK(checkPhone("021", true));
}

TEST_CASE("email addresses") {
    checkTable({{"nguyenvanan@gmail.com", "", ""},
                {"an.nguyen+dvc@hatinh.gov.vn", "", ""},
                {"an@", "invalid_format", "form.error.email"},
                {"@gmail.com", "invalid_format", "form.error.email"},
                {"an@gmail", "invalid_format", "form.error.email"},
                {"an@@gmail.com", "invalid_format", "form.error.email"},
                {"an nguyen@gmail.com", "invalid_format", "form.error.email"},
                {"nguyễn@gmail.com", "invalid_format", "form.error.email"},
                {"an@gmail..com", "invalid_format", "form.error.email"},
                {"an.@gmail.com", "invalid_format", "form.error.email"}},
               [](std::string_view s) { return checkEmail(s, false); });
}

TEST_CASE("dates: real, not in the future, age rules") {
    checkTable({{"1990-05-14", "", ""},
                {"2024-02-29", "", ""},
                {"2026-11-23", "", ""},
                {"14/05/1990", "invalid_format", "form.error.date.format"},
                {"1990-5-14", "invalid_format", "form.error.date.format"},
                {"2023-02-29", "invalid_format", "form.error.date.not_real"},
                {"1990-13-01", "invalid_format", "form.error.date.not_real"},
                {"1990-04-31", "invalid_format", "form.error.date.not_real"},
                {"1899-12-31", "out_of_range", "form.error.date.before_1900"},
                {"2026-11-24", "in_future", "form.error.date.future"}},
               [](std::string_view s) { return checkDate(s, kToday, false, {}, {}); });
    // Marriage: a man from full 20, a woman from full 18 (Law on Marriage and Family 2014).
    CHECK_FALSE(checkDate("2006-11-23", kToday, false, 20, {}));  // 20th birthday today
    auto young = checkDate("2006-11-24", kToday, false, 20, {});
    REQUIRE(young);
    CHECK(young->code == "too_young");
    CHECK(young->params.at(0).second == "20");
    CHECK_FALSE(checkDate("2008-11-23", kToday, false, 18, {}));
    CHECK(checkDate("2008-11-24", kToday, false, 18, {}));
    CHECK(checkDate("1950-01-01", kToday, false, {}, 60)->code == "too_old");
    CHECK_FALSE(checkDate("2027-01-01", kToday, true, {}, {}));  // allow_future
    // 29 February birthdays come of age on 1 March in common years.
    CHECK(ageOn(year_month_day{year{2008}, month{2}, day{29}},
                year_month_day{year{2026}, month{2}, day{28}}) == 17);
    CHECK(ageOn(year_month_day{year{2008}, month{2}, day{29}},
                year_month_day{year{2026}, month{3}, day{1}}) == 18);
}

TEST_CASE("names and plain text") {
    checkTable({{"Nguyễn Văn An", "", ""},
                {"Hoàng Thị Thủy", "", ""},
                {"H'Hen Niê", "", ""},
                {"Müller-Lüdenscheidt", "", ""},
                {"Nguyễn Văn 2", "invalid_characters", "form.error.name.characters"},
                {"Lê @n", "invalid_characters", "form.error.name.characters"},
                {"Nguye\xcc\x82\xcc\x83n", "invalid_characters", "form.error.name.nfc"},  // NFD
                {"---", "invalid_characters", "form.error.name.characters"}},
               [](std::string_view s) { return checkPersonName(s, 100); });
    CHECK(checkPersonName(std::string(101, 'a'), 100)->code == "too_long");
    CHECK(checkPlainText("a\x01", 10)->code == "invalid_characters");
    CHECK(checkPlainText("\xff", 10)->code == "invalid_characters");  // not UTF-8
    CHECK(checkPlainText("Đường Trần Phú", 14) == std::nullopt);      // 14 code points, not bytes
}

TEST_CASE("numbers and money") {
    auto schema = schemaFrom(R"([
      {"id": "so_ban", "type": "number", "label": {"vi": "Số bản", "en": "Copies"}, "required": true, "min": 1, "max": 10},
      {"id": "von", "type": "money", "label": {"vi": "Vốn", "en": "Capital"}, "required": true, "min": 1000000}])");
    auto check = [&](json so_ban, json von) {
        return codesOf(validateSubmission(schema, {{"so_ban", so_ban}, {"von", von}}, kContext));
    };
    CHECK(check(2, 5000000).empty());
    CHECK(check(0, 5000000) == std::vector<std::string>{"so_ban:out_of_range"});
    CHECK(check(11, 5000000) == std::vector<std::string>{"so_ban:out_of_range"});
    CHECK(check(2.5, 5000000) == std::vector<std::string>{"so_ban:invalid_format"});
    CHECK(check("2", 5000000) == std::vector<std::string>{"so_ban:invalid_type"});
    CHECK(check(2, 1500000.5) == std::vector<std::string>{"von:invalid_format"});
    CHECK(check(2, -5) == std::vector<std::string>{"von:out_of_range"});
    auto low = validateSubmission(schema, {{"so_ban", 2}, {"von", 999999}}, kContext);
    REQUIRE(low.size() == 1);
    CHECK(low[0].messageKey == "form.error.money.min");
    CHECK(low[0].params.at(0).second == "1.000.000");
}

TEST_CASE("conditional fields: visible_if and required_if") {
    auto schema = schemaFrom(R"([
      {"id": "tinh_trang", "type": "select", "label": {"vi": "Tình trạng", "en": "Status"}, "required": true,
       "options": [{"value": "doc_than", "label": {"vi": "Độc thân", "en": "Single"}},
                   {"value": "dang_co_vo_chong", "label": {"vi": "Có vợ/chồng", "en": "Married"}}]},
      {"id": "ten_vo_chong", "type": "person_name", "label": {"vi": "Tên vợ/chồng", "en": "Spouse"},
       "required": false, "required_if": {"field": "tinh_trang", "equals": "dang_co_vo_chong"}},
      {"id": "co_ghi_chu", "type": "checkbox", "label": {"vi": "Có ghi chú", "en": "Has a note"}, "required": false},
      {"id": "ghi_chu", "type": "text", "label": {"vi": "Ghi chú", "en": "Note"}, "required": true,
       "visible_if": {"field": "co_ghi_chu", "equals": true}}])");
    // If married, the spouse's name is required.
    CHECK(codesOf(validateSubmission(schema, {{"tinh_trang", "dang_co_vo_chong"}}, kContext)) ==
          std::vector<std::string>{"ten_vo_chong:required"});
    CHECK(validateSubmission(schema,
                             {{"tinh_trang", "dang_co_vo_chong"}, {"ten_vo_chong", "Lê Thị Hoa"}},
                             kContext)
              .empty());
    CHECK(validateSubmission(schema, {{"tinh_trang", "doc_than"}}, kContext).empty());
    // A hidden required field is not asked for; a value for it is refused.
    CHECK(validateSubmission(schema, {{"tinh_trang", "doc_than"}, {"co_ghi_chu", false}}, kContext)
              .empty());
    CHECK(codesOf(validateSubmission(schema, {{"tinh_trang", "doc_than"}, {"ghi_chu", "x"}},
                                     kContext)) == std::vector<std::string>{"ghi_chu:not_allowed"});
    CHECK(codesOf(validateSubmission(schema, {{"tinh_trang", "doc_than"}, {"co_ghi_chu", true}},
                                     kContext)) == std::vector<std::string>{"ghi_chu:required"});
    // Unknown keys, a wrong option, a missing choice, a non-object.
    CHECK(codesOf(validateSubmission(schema, {{"tinh_trang", "doc_than"}, {"ma_doc", 1}},
                                     kContext)) == std::vector<std::string>{"ma_doc:not_allowed"});
    CHECK(codesOf(validateSubmission(schema, {{"tinh_trang", "ly_hon"}}, kContext)) ==
          std::vector<std::string>{"tinh_trang:invalid_option"});
    auto missing = validateSubmission(schema, json::object(), kContext);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].messageKey == "form.error.required_choice");
    CHECK(codesOf(validateSubmission(schema, json::array(), kContext)) ==
          std::vector<std::string>{":invalid_type"});
}

TEST_CASE("repeated groups: counts, items, sibling conditions") {
    auto schema = schemaFrom(R"([
      {"id": "thanh_vien", "type": "group", "label": {"vi": "Thành viên", "en": "Members"}, "required": true,
       "min_items": 1, "max_items": 2, "fields": [
         {"id": "ho_ten", "type": "person_name", "label": {"vi": "Họ tên", "en": "Name"}, "required": true},
         {"id": "quan_he", "type": "select", "label": {"vi": "Quan hệ", "en": "Relation"}, "required": true,
          "options": [{"value": "con", "label": {"vi": "Con", "en": "Child"}}, {"value": "khac", "label": {"vi": "Khác", "en": "Other"}}]},
         {"id": "ghi_ro", "type": "text", "label": {"vi": "Ghi rõ", "en": "Specify"}, "required": true,
          "visible_if": {"field": "quan_he", "equals": "khac"}}]}])");
    json one = {{"ho_ten", "Lê Văn Bình"}, {"quan_he", "con"}};
    CHECK(validateSubmission(schema, {{"thanh_vien", {one}}}, kContext).empty());
    CHECK(codesOf(validateSubmission(schema, {{"thanh_vien", json::array()}}, kContext)) ==
          std::vector<std::string>{"thanh_vien:too_few_items"});
    CHECK(codesOf(validateSubmission(schema, {{"thanh_vien", {one, one, one}}}, kContext)) ==
          std::vector<std::string>{"thanh_vien:too_many_items"});
    json other = {{"ho_ten", "Lê Văn Cường"}, {"quan_he", "khac"}};
    CHECK(codesOf(validateSubmission(schema, {{"thanh_vien", {one, other}}}, kContext)) ==
          std::vector<std::string>{"thanh_vien[1].ghi_ro:required"});
    json bad = {{"ho_ten", "L3"}, {"quan_he", "con"}, {"tuoi", 3}};
    CHECK(codesOf(validateSubmission(schema, {{"thanh_vien", {bad}}}, kContext)) ==
          std::vector<std::string>{"thanh_vien[0].ho_ten:invalid_characters",
                                   "thanh_vien[0].tuoi:not_allowed"});
    CHECK(codesOf(validateSubmission(schema, {{"thanh_vien", {1}}}, kContext)) ==
          std::vector<std::string>{"thanh_vien[0]:invalid_type"});
}

TEST_CASE("addresses: parts, province codes, listed districts and communes") {
    auto units = AdminUnits::load(std::string(DVC_SOURCE_ASSETS) + "/data/admin_units.json");
    REQUIRE(units.ok());
    auto schema = schemaFrom(R"([
      {"id": "noi_cu_tru", "type": "address", "label": {"vi": "Nơi cư trú", "en": "Residence"}, "required": true},
      {"id": "que_quan", "type": "address", "label": {"vi": "Quê quán", "en": "Home town"}, "required": false, "address_level": "commune"}])");
    ValidationContext withUnits{kToday, &units.value()};
    json good = {{"province", "001"},
                 {"district", "002"},
                 {"commune", "00061"},
                 {"detail", "Số 5 phố Hàng Bạc"}};
    CHECK(validateSubmission(schema, {{"noi_cu_tru", good}}, withUnits).empty());
    // A province whose districts are not listed takes typed names.
    json typed = {{"province", "040"},
                  {"district", "Huyện Quỳnh Lưu"},
                  {"commune", "Xã Quỳnh Đôi"},
                  {"detail", "Xóm 3"}};
    CHECK(validateSubmission(schema, {{"noi_cu_tru", typed}}, withUnits).empty());
    json wrongDistrict = good;
    wrongDistrict["district"] = "760";  // Quận 1 is in TP. Hồ Chí Minh
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", wrongDistrict}}, withUnits)) ==
          std::vector<std::string>{"noi_cu_tru.district:unknown_district"});
    json wrongCommune = good;
    wrongCommune["commune"] = "00001";  // Phúc Xá is in Ba Đình
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", wrongCommune}}, withUnits)) ==
          std::vector<std::string>{"noi_cu_tru.commune:unknown_commune"});
    json noProvince = good;
    noProvince["province"] = "003";
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", noProvince}}, kContext)) ==
          std::vector<std::string>{"noi_cu_tru.province:unknown_province"});
    json partial = {{"province", "001"}};
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", partial}}, withUnits)) ==
          std::vector<std::string>{"noi_cu_tru.district:required", "noi_cu_tru.commune:required",
                                   "noi_cu_tru.detail:required"});
    // Commune level: no house number asked, none accepted.
    json hometown = {{"province", "042"}, {"district", "436"}, {"commune", "Phường Bắc Hà"}};
    CHECK(validateSubmission(schema, {{"noi_cu_tru", good}, {"que_quan", hometown}}, withUnits)
              .empty());
    hometown["detail"] = "Số 1";
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", good}, {"que_quan", hometown}},
                                     withUnits)) ==
          std::vector<std::string>{"que_quan.detail:not_allowed"});
    json extra = good;
    extra["zip"] = "100000";
    CHECK(codesOf(validateSubmission(schema, {{"noi_cu_tru", extra}}, withUnits)) ==
          std::vector<std::string>{"noi_cu_tru.zip:not_allowed"});
}

TEST_CASE("while typing, only what is already wrong is reported") {
    auto schema = schemaFrom(R"([
      {"id": "dt", "type": "phone", "label": {"vi": "Điện thoại", "en": "Phone"}, "required": true},
      {"id": "ten", "type": "person_name", "label": {"vi": "Tên", "en": "Name"}, "required": true}])");
    CHECK(checkWhileTyping(schema, *schema.field("dt"), "09", kContext).empty());
    CHECK(checkWhileTyping(schema, *schema.field("dt"), "", kContext).empty());
    CHECK(codesOf(checkWhileTyping(schema, *schema.field("dt"), "0212", kContext)) ==
          std::vector<std::string>{"dt:invalid_format"});
    CHECK(checkWhileTyping(schema, *schema.field("ten"), "Nguyễn ", kContext).empty());
    CHECK(codesOf(checkWhileTyping(schema, *schema.field("ten"), "Nguyễn 1", kContext)) ==
          std::vector<std::string>{"ten:invalid_characters"});
    // On review the same unfinished phone number is an error.
    CHECK(codesOf(validateSubmission(schema, {{"dt", "09"}, {"ten", "An"}}, kContext)) ==
          std::vector<std::string>{"dt:invalid_format"});
}

TEST_CASE("explanations come from the i18n files in both languages, placeholders filled") {
    auto tr = Translations::load(std::string(DVC_SOURCE_ASSETS) + "/i18n");
    REQUIRE(tr.ok());
    auto schema = schemaFrom(R"([
      {"id": "ngay_sinh_nam", "type": "date", "label": {"vi": "Ngày sinh", "en": "Date of birth"}, "required": true,
       "min_age": 20, "messages": {"too_young": "form.error.marriage_age_male"}},
      {"id": "so_dinh_danh", "type": "cccd_number", "label": {"vi": "Số định danh", "en": "ID number"}, "required": true}])");
    auto problems = validateSubmission(
        schema, {{"ngay_sinh_nam", "2010-01-01"}, {"so_dinh_danh", "003090012345"}}, kContext);
    REQUIRE(problems.size() == 2);
    auto age = explain(problems[0], tr.value());
    CHECK(age.vi.find("nam phải từ đủ 20 tuổi") != std::string::npos);
    CHECK(age.en.find("at least 20") != std::string::npos);
    auto id = explain(problems[1], tr.value());
    CHECK(id.vi.find("3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh, nhưng 003") !=
          std::string::npos);
    auto errors = fieldErrorsJson(problems, tr.value());
    CHECK(errors[1]["field"] == "form.so_dinh_danh");
    CHECK(errors[1]["code"] == "unknown_province");
    auto required = explain(
        validateSubmission(schema, {{"so_dinh_danh", "001090012345"}}, kContext).at(0), tr.value());
    CHECK(required.vi == "Vui lòng nhập Ngày sinh.");
    CHECK(required.en == "Please enter Date of birth.");
}
