// Pre-filling from the card: which fields fill, which lock, and that locked fields refuse edits.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "forms/form_draft.h"

using namespace dvc;
using namespace dvc::forms;
using json = nlohmann::json;
using namespace std::chrono;

namespace {

FormSchema seedForm(const std::string& code) {
    std::ifstream in(std::string(DVC_SOURCE_SEED) + "/forms/" + code + ".json");
    std::stringstream buf;
    buf << in.rdbuf();
    auto r = parseFormSchemaText(buf.str());
    if (!r) FAIL(r.error().text());
    return r.value();
}

const AdminUnits& units() {
    static const AdminUnits u =
        AdminUnits::load(std::string(DVC_SOURCE_ASSETS) + "/data/admin_units.json").value();
    return u;
}

CitizenIdentity chipIdentity(bool verified) {
    CitizenIdentity id;
    id.source = IdentitySource::Chip;
    id.verified = verified;
    id.personalNumber = "001090012345";
    id.fullName = "Nguyễn Văn An";
    id.dateOfBirth = std::chrono::year_month_day{std::chrono::year{1990}, std::chrono::month{5},
                                                 std::chrono::day{14}};
    id.gender = Gender::Male;
    id.nationality = "Việt Nam";
    id.ethnicity = "Kinh";
    id.residence = "Số 5, Hàng Bạc, Hoàn Kiếm, Hà Nội";
    id.spouseName = "Lê Thị Hoa";
    return id;
}

}  // namespace

TEST_CASE("verified chip data fills and locks identity fields; residence stays editable") {
    FormDraft draft(seedForm("1.004873"));
    draft.prefill(chipIdentity(true), &units());
    CHECK(draft.values()["ho_ten"] == "Nguyễn Văn An");
    CHECK(draft.values()["so_dinh_danh"] == "001090012345");
    CHECK(draft.values()["gioi_tinh"] == "nam");
    CHECK(draft.values()["dan_toc"] == "Kinh");
    CHECK(draft.isLocked("ho_ten"));
    CHECK(draft.isLocked("ngay_sinh"));
    CHECK(draft.isLocked("so_dinh_danh"));
    CHECK(draft.isLocked("gioi_tinh"));
    CHECK(draft.set("ho_ten", "Nguyễn Văn Ân") == EditResult::Locked);
    CHECK(draft.values()["ho_ten"] == "Nguyễn Văn An");

    // The card's free-text residence becomes picker codes where the names match.
    REQUIRE(draft.mark("noi_cu_tru"));
    CHECK_FALSE(draft.isLocked("noi_cu_tru"));
    CHECK(
        draft.values()["noi_cu_tru"] ==
        json({{"province", "001"}, {"district", "002"}, {"commune", "00061"}, {"detail", "Số 5"}}));
    json moved = {{"province", "042"},
                  {"district", "436"},
                  {"commune", "Phường Bắc Hà"},
                  {"detail", "Số 12 Phan Đình Phùng"}};
    CHECK(draft.set("noi_cu_tru", moved) == EditResult::Applied);
    CHECK(draft.wasChanged("noi_cu_tru"));
    CHECK_FALSE(draft.wasChanged("ho_ten"));

    // Spouse: pre-filled, editable (the marriage may have ended since the card was issued).
    CHECK(draft.values()["ho_ten_vo_chong"] == "Lê Thị Hoa");
    CHECK_FALSE(draft.isLocked("ho_ten_vo_chong"));
    CHECK(draft.mark("email") == nullptr);  // not on the card
}

TEST_CASE("QR data and unverified chip data pre-fill but never lock") {
    for (auto identity : {chipIdentity(false), [] {
                              auto id = chipIdentity(true);
                              id.source = IdentitySource::QrCode;  // a QR cannot be verified
                              return id;
                          }()}) {
        FormDraft draft(seedForm("1.004873"));
        draft.prefill(identity, &units());
        REQUIRE(draft.mark("ho_ten"));
        CHECK_FALSE(draft.isLocked("ho_ten"));
        CHECK(draft.set("ho_ten", "Nguyễn Văn Ân") == EditResult::Applied);
    }
}

TEST_CASE("lock policy by data element") {
    for (auto s : {PrefillSource::IdNumber, PrefillSource::FullName, PrefillSource::DateOfBirth,
                   PrefillSource::Gender, PrefillSource::Nationality, PrefillSource::Ethnicity,
                   PrefillSource::Hometown, PrefillSource::FatherName, PrefillSource::MotherName})
        CHECK(locksWhenVerified(s));
    for (auto s : {PrefillSource::Residence, PrefillSource::Religion, PrefillSource::SpouseName})
        CHECK_FALSE(locksWhenVerified(s));
}

TEST_CASE("a draft submits only visible, filled-in values and reviews them as the gateway will") {
    FormDraft draft(seedForm("1.004873"));
    draft.prefill(chipIdentity(true), &units());
    ValidationContext ctx{year_month_day{year{2026}, month{11}, day{23}}, &units()};
    draft.set("so_dien_thoai", "0912345678");
    draft.set("tinh_trang_hon_nhan", "chua_ket_hon");
    draft.set("ho_ten_vo_chong", "");  // the citizen clears the card's spouse
    draft.set("muc_dich_su_dung", "khac");
    draft.set("muc_dich_khac", "Bổ sung hồ sơ xin việc");
    draft.set("so_ban", 1);
    draft.set("cam_doan", true);
    for (const auto& p : draft.review(ctx)) FAIL_CHECK(p.field << ": " << p.code);
    draft.set("muc_dich_su_dung", "vay_von");  // muc_dich_khac becomes hidden: dropped
    CHECK_FALSE(draft.submission().contains("muc_dich_khac"));
    CHECK(draft.review(ctx).empty());
    draft.set("tinh_trang_hon_nhan", "dang_co_vo_chong");
    auto problems = draft.review(ctx);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "ho_ten_vo_chong");
    CHECK(problems[0].code == "required");

    CHECK(draft.addGroupItem("qua_trinh_cu_tru"));
    CHECK(draft.setInGroup("qua_trinh_cu_tru", 0, "tu_ngay", "2015-01-01") == EditResult::Applied);
    CHECK(draft.setInGroup("qua_trinh_cu_tru", 3, "tu_ngay", "2015-01-01") ==
          EditResult::NoSuchItem);
    CHECK(draft.setInGroup("qua_trinh_cu_tru", 0, "khong_co", 1) == EditResult::UnknownField);
    for (int i = 1; i < 5; ++i) CHECK(draft.addGroupItem("qua_trinh_cu_tru"));
    CHECK_FALSE(draft.addGroupItem("qua_trinh_cu_tru"));  // max_items 5
    CHECK(draft.removeGroupItem("qua_trinh_cu_tru", 4));
    CHECK(draft.groupSize("qua_trinh_cu_tru") == 4);

    draft.wipe();
    CHECK(draft.values().empty());
    CHECK(draft.mark("ho_ten") == nullptr);
}

TEST_CASE("addresses from the card split into picker codes, or stay text") {
    CHECK(splitAddress("Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", &units()) ==
          json({{"province", "079"},
                {"district", "760"},
                {"commune", "26740"},
                {"detail", "Số 12 đường Lê Lợi"}}));
    CHECK(splitAddress("Xóm 3, Xã Quỳnh Đôi, Huyện Quỳnh Lưu, Tỉnh Nghệ An", &units()) ==
          json({{"province", "040"},
                {"district", "Huyện Quỳnh Lưu"},
                {"commune", "Xã Quỳnh Đôi"},
                {"detail", "Xóm 3"}}));
    CHECK(splitAddress("123 Main Street, Springfield", &units())["detail"] ==
          "123 Main Street, Springfield");
    CHECK(splitAddress("Thôn 1, Hà Tĩnh", nullptr)["province"] == "");
    CHECK(foldPlaceName("Thành phố Hồ Chí Minh") == "ho chi minh");
    CHECK(foldPlaceName("Bà Rịa – Vũng Tàu") == "ba ria vung tau");
    CHECK(foldPlaceName("Q. Hoàn Kiếm") == "hoan kiem");
}
