// The Session's dossier intents. Built into dvc_dossier with DossierFlow (it needs dvc_forms and
// dvc_outbox), not into dvc_core: the core Session holds the flow as an AttachedFlow only.
#include "log/log.h"
#include "session/dossier_flow.h"
#include "session/session.h"

namespace dvc {

void Session::attachSubmissions(SubmissionFlow* submissions, const forms::AdminUnits* units) {
    DossierSettings settings;
    settings.kioskId = settings_.kioskId;
    dossierFlow_ =
        std::make_unique<DossierFlow>(flowBackground(), portal_, submissions, units, settings);
}

DossierFlow& Session::dossierFlow() {
    // A Session that was never given an outbox still opens forms (tests, a kiosk without one);
    // submit() then says the dossier cannot be stored.
    if (!dossierFlow_) attachSubmissions(nullptr, nullptr);
    return static_cast<DossierFlow&>(*dossierFlow_);
}

const DossierFlow* Session::dossierFlowIfAttached() const {
    return static_cast<const DossierFlow*>(dossierFlow_.get());
}

void Session::startDossier(const std::string& procedureCode) {
    DossierFlow& flow = dossierFlow();
    if (screen_ != Screen::Dossier) dossierReturn_ = screen_;
    screen_ = Screen::Dossier;
    log::info("dossier", "form opened for " + procedureCode);
    flow.start(procedureCode, identity_.confirmed());
}

void Session::dossierBack() {
    DossierFlow& flow = dossierFlow();
    switch (flow.phase()) {
        case DossierPhase::Review:
            flow.backToForm();
            return;
        case DossierPhase::Filling: {
            bool first = true;
            for (std::size_t i = 0; i < flow.sectionIndex(); ++i)
                if (flow.sectionHasVisibleFields(i)) first = false;
            if (!first) return flow.previousSection();
            if (flow.hasInput()) return flow.requestDiscard();
            return discardDossier();
        }
        case DossierPhase::Submitting:
            return;  // the outbox decides; nothing to undo
        case DossierPhase::Receipt:
            return finishDossier();
        default:
            return discardDossier();
    }
}

void Session::discardDossier() {
    if (dossierFlow_) static_cast<DossierFlow&>(*dossierFlow_).discard();
    screen_ = dossierReturn_ == Screen::Dossier ? Screen::Home : dossierReturn_;
}

void Session::finishDossier() {
    if (dossierFlow_) dossierFlow_->wipe();
    screen_ = Screen::Home;
}

}  // namespace dvc
