#pragma once
// "Nộp hồ sơ trực tuyến": the procedure's e-form fetched from the gateway, filled in (pre-filled
// from the confirmed card), reviewed, made durable in the outbox and answered with a receipt —
// the final one with the dossier code, or the provisional one when the gateway is away.
//
//   Loading ─► Filling ◄─► Review ─► Submitting ─► Receipt
//      │ (LoadFailed: retry or back)      │ (SubmitFailed: stays on review)
//
// The screens read it and call its intents; blocking work (the schema fetch, the outbox's
// fsync and the short wait for the gateway's answer) runs through Background.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/admin_units.h"
#include "forms/form_draft.h"
#include "identity/citizen_identity.h"
#include "input/numeric_entry.h"
#include "input/vietnamese_composer.h"
#include "outbox/receipt_content.h"
#include "outbox/submission_flow.h"
#include "portal/portal_client.h"
#include "printing/receipt_layouts.h"
#include "session/attached_flow.h"
#include "session/background.h"

namespace dvc {

enum class DossierPhase {
    Idle,
    Loading,     // the schema (and the procedure's name) on the way
    LoadFailed,  // errorKey() says why; retry or back
    Filling,     // one section at a time
    Review,      // everything entered, the problems listed again
    Submitting,  // outbox commit, then a few seconds for the gateway's answer
    Receipt,     // final or provisional
};

// A value's place in the form: a top-level field, a group entry's sub-field, and for an
// address the part typed as text ("detail", or a district/commune not in the pickers' data).
struct FieldRef {
    std::string id;                   // top-level field (the group's id for a sub-field)
    std::optional<std::size_t> item;  // group entry
    std::string sub;                  // sub-field of the entry
    std::string part;                 // address part: detail | district | commune

    // The validation path: "ho_ten", "tre[1].ngay_sinh", "noi_cu_tru.detail".
    std::string path() const;
    // The path without the address part (where a field's problems are collected).
    std::string fieldPath() const;
    bool operator==(const FieldRef& other) const = default;
};

// Parses a validation path back ("thanh_vien[1].ngay_sinh", "noi_sinh.province").
FieldRef fieldRefFromPath(const forms::FormSchema& schema, const std::string& path);

enum class EditorKind { None, Text, Numeric };

struct DossierSettings {
    std::string kioskId;
    // How long the citizen waits for the gateway's dossier code before getting the
    // provisional receipt (the submission is already durable by then).
    std::chrono::milliseconds receiptWait{4000};
    InputMethod inputMethod = InputMethod::Telex;
};

struct DossierReceiptView {
    bool provisional = true;
    bool rejected = false;  // the gateway refused it: the citizen is sent to the counter
    ReceiptContent content;
    std::string procedureName;
    std::optional<DossierReceipt> acknowledged;  // final: the gateway's answer
    std::optional<ProvisionalReceipt> stored;    // provisional: the outbox's reference
};

// The printed form of a receipt: final (dossier code, due date) or provisional (local
// reference); the QR carries the same text as on the screen.
PrintDocument receiptDocument(const DossierReceiptView& view, const std::string& centreName);

class DossierFlow final : public AttachedFlow {
  public:
    DossierFlow(Background& background, PortalClient& portal, SubmissionFlow* submissions,
                const forms::AdminUnits* units, DossierSettings settings);
    ~DossierFlow() override;
    DossierFlow(const DossierFlow&) = delete;
    DossierFlow& operator=(const DossierFlow&) = delete;

    // --- intents: the flow ---
    // Starts over for a procedure; the identity (if any) pre-fills the form once it is loaded.
    void start(const std::string& procedureCode, const CitizenIdentity* identity);
    void retryLoad();
    void nextSection();      // the next section with something to fill, or the review
    void previousSection();  // from the first section: asks before discarding
    void goToSection(std::size_t index);
    void openReview();
    void backToForm();                                     // from the review: the last section
    void goToProblem(const forms::FieldProblem& problem);  // its section, its field focused
    void submit();
    // Back / "Hủy" with something typed: the question first. discard() wipes the draft.
    void requestDiscard();
    void keepEditing();
    void discard();
    void wipe() override;

    // --- intents: editing ---
    // Opens the keyboard (text) or the numeric pad on a field; locked fields refuse (false).
    bool focus(const FieldRef& ref);
    void closeEditor();
    // One key of the on-screen keyboard (through Telex/VNI) or of the numeric pad.
    void typeKey(char32_t key);
    // Text typed on a physical keyboard (already composed by its input method): taken as is.
    void typeText(std::string_view utf8);
    void backspace();
    void clearField();
    // The whole text as the on-screen keyboard left it (it composes Telex/VNI itself). On a
    // numeric field only the digits count: "14/05/19" → 140519, shown again as "14/05/19".
    void setEditorText(const std::string& text);
    void setInputMethod(InputMethod method);
    // Choices: a select's option, a checkbox, an address picker's code. Refused when locked.
    forms::EditResult choose(const FieldRef& ref, nlohmann::json value);
    forms::EditResult chooseAddressPart(const FieldRef& ref, const std::string& part,
                                        const std::string& code);
    bool addGroupItem(const std::string& groupId);
    bool removeGroupItem(const std::string& groupId, std::size_t index);

    // --- state ---
    DossierPhase phase() const { return phase_; }
    const std::string& procedureCode() const { return procedureCode_; }
    const std::string& procedureName() const { return procedureName_; }
    const std::string& errorKey() const { return errorKey_; }
    const forms::FormDraft* draft() const { return draft_ ? &*draft_ : nullptr; }
    const forms::AdminUnits* adminUnits() const { return units_; }
    std::size_t sectionIndex() const { return section_; }
    std::size_t sectionCount() const;
    bool sectionHasVisibleFields(std::size_t index) const;
    // Layout pages of a long section: the screen pages, the flow remembers where it is.
    int page() const { return page_; }
    void setPage(int page) { page_ = page < 0 ? 0 : page; }
    // The field the screen should show (after goToProblem); cleared once the screen has paged.
    const std::optional<FieldRef>& reveal() const { return reveal_; }
    void revealDone() { reveal_.reset(); }
    bool confirmingDiscard() const { return confirmingDiscard_; }
    bool hasInput() const;  // anything typed or chosen (discarding asks first)
    // The review was shown once: the form then offers the way straight back to it.
    bool reviewed() const { return reviewed_; }

    const nlohmann::json* valueAt(const FieldRef& ref) const;
    const nlohmann::json* groupItem(const std::string& groupId, std::size_t index) const;
    // Problems to show at a field: while typing, and those of the last review not yet edited.
    std::vector<forms::FieldProblem> problemsAt(const FieldRef& ref) const;
    const std::vector<forms::FieldProblem>& reviewProblems() const { return reviewProblems_; }
    forms::ValidationContext validationContext() const;

    EditorKind editorKind() const { return editorKind_; }
    const std::optional<FieldRef>& focused() const { return focused_; }
    const forms::FormField* focusedField() const;
    std::string editorText() const;  // what the focused field shows ("14/05/1990", "1.500.000")
    InputMethod inputMethod() const { return settings_.inputMethod; }

    const DossierReceiptView* receipt() const { return receipt_ ? &*receipt_ : nullptr; }
    // Runs on the UI thread when a receipt (final or provisional) is ready: the Session prints it.
    void setOnReceipt(std::function<void(const DossierReceiptView&)> onReceipt) {
        onReceipt_ = std::move(onReceipt);
    }
    bool submissionsAvailable() const { return submissions_ != nullptr; }
    // The field definition a reference points at (sub-field for group entries).
    const forms::FormField* fieldOf(const FieldRef& ref) const;

  private:
    void stopWork();
    void writeEditor();
    void checkTyping(const FieldRef& ref);
    void forgetReviewProblems(const FieldRef& ref);
    forms::EditResult setValue(const FieldRef& ref, nlohmann::json value);
    DossierSubmission buildSubmission() const;
    std::optional<std::size_t> sectionOf(const std::string& fieldId) const;

    Background& background_;
    PortalClient& portal_;
    SubmissionFlow* submissions_;
    const forms::AdminUnits* units_;
    DossierSettings settings_;

    DossierPhase phase_ = DossierPhase::Idle;
    std::string procedureCode_;
    std::string procedureName_;
    std::string errorKey_;
    std::optional<CitizenIdentity> identity_;  // the confirmed card, for pre-fill and applicant
    std::optional<forms::FormDraft> draft_;
    std::size_t section_ = 0;
    int page_ = 0;
    std::optional<FieldRef> reveal_;
    bool confirmingDiscard_ = false;

    std::optional<FieldRef> focused_;
    EditorKind editorKind_ = EditorKind::None;
    VietnameseComposer composer_;
    NumericEntry numeric_{NumericMode::Digits};
    std::map<std::string, std::vector<forms::FieldProblem>> typingProblems_;  // by fieldPath
    std::vector<forms::FieldProblem> reviewProblems_;
    bool reviewed_ = false;

    std::optional<DossierReceiptView> receipt_;
    std::function<void(const DossierReceiptView&)> onReceipt_;
    std::uint64_t generation_ = 0;
};

}  // namespace dvc
