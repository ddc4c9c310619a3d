#include "domain/dossier_submission.h"

#include "privacy/wipe.h"

namespace dvc {

void wipe(DossierSubmission& s) {
    wipeString(s.applicant.fullName);
    wipeString(s.applicant.idNumber);
    wipeString(s.applicant.dateOfBirth);
    wipeString(s.applicant.gender);
    wipeString(s.applicant.phone);
    wipeString(s.applicant.email);
    wipeString(s.applicant.address);
    s.form = nlohmann::json::object();
}

}  // namespace dvc
