#pragma once
// Submissions the outbox tests send: valid for the seeded procedure 1.001193 (khai sinh, online
// toàn trình). All persons are invented.
#include <string>

#include "domain/dossier_submission.h"

namespace dvc::test {

inline constexpr const char* kApplicantName = "Phạm Thị Hồng Nhung";
inline constexpr const char* kApplicantId = "042190004321";

inline DossierSubmission sampleSubmission(int number, const std::string& kioskId = "KIOSK-OB-01") {
    DossierSubmission s;
    s.procedureCode = "1.001193";
    s.kioskId = kioskId;
    s.applicant.fullName = kApplicantName;
    s.applicant.idNumber = kApplicantId;
    s.applicant.dateOfBirth = "1990-05-14";
    s.applicant.gender = "nu";
    s.applicant.phone = "0912345678";
    s.form = {{"so_thu_tu", number},
              {"ho_ten_tre", "Phạm Minh Khôi"},
              {"ngay_sinh", "2026-11-20"},
              {"noi_sinh", "Bệnh viện Đa khoa tỉnh Hà Tĩnh"}};
    return s;
}

}  // namespace dvc::test
