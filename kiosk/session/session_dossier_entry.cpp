// The Session's dossier intents. Built into dvc_dossier with DossierFlow (it needs dvc_forms and
// dvc_outbox), not into dvc_core: the core Session holds the flow as an AttachedFlow only.
#include "log/log.h"
#include "session/dossier_flow.h"
#include "session/session.h"

namespace dvc {

void Session::attachSubmissions(SubmissionFlow* submissions, const forms::AdminUnits* units) {
    DossierSettings settings;
    settings.kioskId = settings_.kioskId;
    auto flow =
        std::make_unique<DossierFlow>(flowBackground(), portal_, submissions, units, settings);
    // The receipt is printed as soon as it shows (Circular 32: the citizen leaves with it);
    // "In lại" on the screen prints it again.
    flow->setOnReceipt([this](const DossierReceiptView& view) {
        if (!printJobs_.available() || view.rejected) return;
        printJobs_.printReceipt(receiptDocument(view, printJobs_.centreName()));
    });
    dossierFlow_ = std::move(flow);
}

PrintDocument receiptDocument(const DossierReceiptView& view, const std::string& centreName) {
    if (view.acknowledged) {
        DossierReceiptData data;
        data.centreName = centreName;
        data.dossier.code = view.acknowledged->code;
        data.dossier.procedureCode = view.acknowledged->procedureCode;
        data.dossier.procedureName = view.procedureName;
        data.dossier.receivedAt = view.acknowledged->receivedAt;
        data.dossier.dueAt = view.acknowledged->dueAt;
        data.lookupUrl = view.content.qrText;  // the dossier code, as on the screen
        return layoutDossierReceipt(data);
    }
    ProvisionalReceiptPrintData data;
    data.centreName = centreName;
    data.procedureName = view.procedureName;
    if (view.stored) {
        data.localRef = view.stored->localRef;
        data.shortKey = view.stored->shortKey;
        data.submittedAt = view.stored->submittedAt;
    }
    data.qrText = view.content.qrText;
    return layoutProvisionalReceipt(data);
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
