#pragma once
// Submissions the outbox tests send: valid for the seeded procedure 1.001193 (khai sinh, online
// toàn trình) by its form schema, as the gateway checks it. All persons are invented.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/dossier_submission.h"

namespace dvc::test {

inline constexpr const char* kApplicantName = "Phạm Thị Hồng Nhung";
inline constexpr const char* kApplicantId = "042190004321";

// The number of a sample submission is carried in its phone number ("090" and 7 digits), so
// every sample body differs and tests can tell which one the gateway stored.
inline std::string samplePhone(int number) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "090%07d", number % 10000000);
    return phone;
}

// A complete, valid birth registration form (tests/data/forms/1.001193.valid.json).
inline nlohmann::json sampleBirthForm(int number) {
    auto form = nlohmann::json::parse(R"json(
{
 "ho_ten": "Lê Văn Hùng",
 "ngay_sinh": "1992-08-17",
 "so_dinh_danh": "042092003817",
 "noi_cu_tru": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "so_dien_thoai": "0983417265",
 "quan_he": "cha",
 "tre": [
  {
   "ho_ten": "Lê Minh Khang",
   "gioi_tinh": "nam",
   "ngay_sinh": "2026-10-30",
   "dan_toc": "Kinh",
   "quoc_tich": "Việt Nam"
  }
 ],
 "noi_sinh": {
  "province": "042",
  "district": "436",
  "commune": "Phường Bắc Hà",
  "detail": "Bệnh viện Đa khoa tỉnh Hà Tĩnh, số 75 đường Hải Thượng Lãn Ông"
 },
 "que_quan": {
  "province": "042",
  "district": "443",
  "commune": "Xã Thiên Lộc"
 },
 "ho_ten_me": "Nguyễn Thị Thu Hà",
 "ngay_sinh_me": "1995-03-02",
 "dan_toc_me": "Kinh",
 "quoc_tich_me": "Việt Nam",
 "so_dinh_danh_me": "042195004518",
 "noi_cu_tru_me": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "co_thong_tin_cha": true,
 "ho_ten_cha": "Lê Văn Hùng",
 "ngay_sinh_cha": "1992-08-17",
 "dan_toc_cha": "Kinh",
 "quoc_tich_cha": "Việt Nam",
 "so_dinh_danh_cha": "042092003817",
 "noi_cu_tru_cha": {
  "province": "042",
  "district": "436",
  "commune": "Phường Trần Phú",
  "detail": "Số 25 đường Hà Huy Tập"
 },
 "cam_doan": true
})json");
    form["so_dien_thoai"] = samplePhone(number);
    return form;
}

inline DossierSubmission sampleSubmission(int number, const std::string& kioskId = "KIOSK-OB-01") {
    DossierSubmission s;
    s.procedureCode = "1.001193";
    s.kioskId = kioskId;
    s.applicant.fullName = kApplicantName;
    s.applicant.idNumber = kApplicantId;
    s.applicant.dateOfBirth = "1990-05-14";
    s.applicant.gender = "nu";
    s.applicant.phone = samplePhone(number);
    s.form = sampleBirthForm(number);
    return s;
}

}  // namespace dvc::test
