// Placeholder for the e-form entry ("Nộp hồ sơ trực tuyến" on a procedure's detail). The
// forms branch implements Session::startDossier; this file goes when the branches merge.
#include "log/log.h"
#include "session/session.h"

namespace dvc {

void Session::startDossier(const std::string& procedureCode) {
    log::info("session", "start dossier requested for procedure " + procedureCode +
                             " (e-forms not in this build)");
}

}  // namespace dvc
