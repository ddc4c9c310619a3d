#include "identity/citizen_identity.h"

#include <algorithm>

#include "identity/cccd_qr.h"
#include "privacy/wipe.h"

namespace dvc {

CitizenIdentity identityFromQr(const CccdQrData& qr) {
    CitizenIdentity id;
    id.source = IdentitySource::QrCode;
    id.verified = false;
    id.verificationKey = "identity.verdict.qr_unverified";
    id.personalNumber = qr.personalNumber;
    id.oldIdNumber = qr.oldIdNumber;
    id.fullName = qr.fullName;
    id.dateOfBirth = qr.dateOfBirth.ymd();
    id.gender = qr.gender;
    id.residence = qr.residence;
    id.issueDate = qr.issueDate.ymd();
    return id;
}

void wipe(CitizenIdentity& identity) {
    for (std::string* s : {&identity.verificationKey, &identity.verificationArg,
                           &identity.personalNumber, &identity.oldIdNumber, &identity.fullName,
                           &identity.nationality, &identity.ethnicity, &identity.religion,
                           &identity.placeOfOrigin, &identity.residence, &identity.identifyingMarks,
                           &identity.fatherName, &identity.motherName, &identity.spouseName})
        wipeString(*s);
    if (identity.photo) {
        auto& px = identity.photo->rgb;
        std::fill(px.begin(), px.end(), std::uint8_t{0});
        // Keep the compiler from dropping the fill of a buffer about to be freed.
        asm volatile("" : : "r"(px.data()) : "memory");
    }
    identity = CitizenIdentity{};
}

}  // namespace dvc
