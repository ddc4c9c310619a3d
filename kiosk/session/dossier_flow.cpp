#include "session/dossier_flow.h"

#include <algorithm>
#include <cstdio>

#include "forms/field_rules.h"
#include "log/log.h"
#include "privacy/wipe.h"
#include "session/user_message.h"

namespace dvc {

using json = nlohmann::json;
using forms::EditResult;
using forms::FieldProblem;
using forms::FieldType;
using forms::FormField;
using forms::PrefillSource;

std::string FieldRef::fieldPath() const {
    std::string p = id;
    if (item) p += "[" + std::to_string(*item) + "]." + sub;
    return p;
}

std::string FieldRef::path() const {
    return part.empty() ? fieldPath() : fieldPath() + "." + part;
}

FieldRef fieldRefFromPath(const forms::FormSchema& schema, const std::string& path) {
    FieldRef ref;
    auto bracket = path.find('[');
    auto dot = path.find('.');
    if (bracket != std::string::npos && (dot == std::string::npos || bracket < dot)) {
        ref.id = path.substr(0, bracket);
        auto close = path.find(']', bracket);
        if (close == std::string::npos) return ref;
        try {
            ref.item =
                static_cast<std::size_t>(std::stoul(path.substr(bracket + 1, close - bracket - 1)));
        } catch (...) {
            return ref;
        }
        std::string rest = close + 2 <= path.size() ? path.substr(close + 2) : "";
        auto subDot = rest.find('.');
        ref.sub = rest.substr(0, subDot);
        if (subDot != std::string::npos) ref.part = rest.substr(subDot + 1);
        return ref;
    }
    ref.id = path.substr(0, dot);
    if (dot != std::string::npos) ref.part = path.substr(dot + 1);
    (void)schema;
    return ref;
}

DossierFlow::DossierFlow(Background& background, PortalClient& portal, SubmissionFlow* submissions,
                         const forms::AdminUnits* units, DossierSettings settings)
    : background_(background),
      portal_(portal),
      submissions_(submissions),
      units_(units),
      settings_(std::move(settings)),
      composer_(settings_.inputMethod) {}

DossierFlow::~DossierFlow() {
    wipe();
}

void DossierFlow::stopWork() {
    ++generation_;  // a schema or an outcome still on its way is dropped
}

void DossierFlow::wipe() {
    stopWork();
    if (draft_) draft_->wipe();
    draft_.reset();
    if (identity_) dvc::wipe(*identity_);
    identity_.reset();
    composer_.clear();
    numeric_.clear();
    focused_.reset();
    editorKind_ = EditorKind::None;
    typingProblems_.clear();
    reviewProblems_.clear();
    reviewed_ = false;
    receipt_.reset();
    reveal_.reset();
    confirmingDiscard_ = false;
    errorKey_.clear();
    procedureCode_.clear();
    procedureName_.clear();
    section_ = 0;
    page_ = 0;
    phase_ = DossierPhase::Idle;
}

void DossierFlow::start(const std::string& procedureCode, const CitizenIdentity* identity) {
    wipe();
    procedureCode_ = procedureCode;
    if (identity) identity_ = *identity;
    retryLoad();
}

void DossierFlow::retryLoad() {
    if (procedureCode_.empty()) return;
    stopWork();
    phase_ = DossierPhase::Loading;
    errorKey_.clear();
    const auto gen = generation_;
    background_.run([this, gen, portal = &portal_, code = procedureCode_] {
        auto schema = portal->formSchema(code);
        std::string name;
        if (schema) {
            // The procedure's name for the receipt; the form's title when the detail is away.
            if (auto detail = portal->procedureDetail(code)) name = detail->summary.name;
        }
        return std::function<void()>([this, gen, schema = std::move(schema),
                                      name = std::move(name)]() mutable {
            if (gen != generation_) return;
            if (!schema) {
                const PortalError& e = schema.error();
                phase_ = DossierPhase::LoadFailed;
                errorKey_ = e.kind == PortalErrorKind::NotFound ? "dossier.error.no_form"
                                                                : messageKeyFor(e.kind);
                log::warn("dossier",
                          std::string("form schema failed: ") + kindName(e.kind) + " " + e.detail);
                return;
            }
            procedureName_ = name.empty() ? schema->title.vi : name;
            draft_.emplace(std::move(schema).value());
            if (identity_) draft_->prefill(*identity_, units_);
            // A group that needs entries starts with them ("Người được khai sinh" 1 of 1–3).
            for (const FormField* f : draft_->schema().fields())
                if (f->type == FieldType::Group)
                    while (draft_->groupSize(f->id) < f->minItems)
                        if (!draft_->addGroupItem(f->id)) break;
            phase_ = DossierPhase::Filling;
            section_ = 0;
            page_ = 0;
            if (!sectionHasVisibleFields(0)) nextSection();
            log::info("dossier", "form loaded for " + procedureCode_);
        });
    });
}

std::size_t DossierFlow::sectionCount() const {
    return draft_ ? draft_->schema().sections.size() : 0;
}

bool DossierFlow::sectionHasVisibleFields(std::size_t index) const {
    if (!draft_ || index >= sectionCount()) return false;
    for (const auto& f : draft_->schema().sections[index].fields)
        if (forms::isVisible(f, draft_->values(), nullptr)) return true;
    return false;
}

void DossierFlow::nextSection() {
    if (!draft_) return;
    closeEditor();
    for (std::size_t i = section_ + 1; i < sectionCount(); ++i) {
        if (sectionHasVisibleFields(i)) {
            section_ = i;
            page_ = 0;
            phase_ = DossierPhase::Filling;
            return;
        }
    }
    openReview();
}

void DossierFlow::previousSection() {
    if (!draft_) return;
    closeEditor();
    for (std::size_t i = section_; i-- > 0;) {
        if (sectionHasVisibleFields(i)) {
            section_ = i;
            page_ = 0;
            return;
        }
    }
    requestDiscard();
}

void DossierFlow::goToSection(std::size_t index) {
    if (!draft_ || index >= sectionCount()) return;
    closeEditor();
    section_ = index;
    page_ = 0;
    phase_ = DossierPhase::Filling;
}

forms::ValidationContext DossierFlow::validationContext() const {
    forms::ValidationContext ctx;
    ctx.today = forms::vietnamToday();
    ctx.adminUnits = units_;
    return ctx;
}

void DossierFlow::openReview() {
    if (!draft_) return;
    closeEditor();
    reviewProblems_ = draft_->review(validationContext());
    reviewed_ = true;
    errorKey_.clear();
    phase_ = DossierPhase::Review;
}

void DossierFlow::backToForm() {
    if (!draft_) return;
    phase_ = DossierPhase::Filling;
    section_ = sectionCount();
    page_ = 0;
    for (std::size_t i = sectionCount(); i-- > 0;) {
        if (sectionHasVisibleFields(i)) {
            section_ = i;
            return;
        }
    }
    section_ = 0;
}

std::optional<std::size_t> DossierFlow::sectionOf(const std::string& fieldId) const {
    if (!draft_) return std::nullopt;
    const auto& sections = draft_->schema().sections;
    for (std::size_t i = 0; i < sections.size(); ++i)
        for (const auto& f : sections[i].fields)
            if (f.id == fieldId) return i;
    return std::nullopt;
}

void DossierFlow::goToProblem(const FieldProblem& problem) {
    if (!draft_) return;
    FieldRef ref = fieldRefFromPath(draft_->schema(), problem.field);
    auto section = sectionOf(ref.id);
    if (!section) return;
    goToSection(*section);
    // Address parts are chosen with pickers except the typed detail; the block is shown.
    FieldRef target = ref;
    if (target.part != "detail" && target.part != "district" && target.part != "commune")
        target.part.clear();
    reveal_ = target;
    const FormField* f = fieldOf(target);
    if (f && f->type != FieldType::Select && f->type != FieldType::Checkbox &&
        f->type != FieldType::Group && (f->type != FieldType::Address || !target.part.empty()))
        focus(target);
}

void DossierFlow::submit() {
    if (phase_ != DossierPhase::Review || !draft_) return;
    reviewProblems_ = draft_->review(validationContext());
    if (!reviewProblems_.empty()) return;  // listed on the review screen
    if (!submissions_) {
        errorKey_ = "dossier.error.no_outbox";
        return;
    }
    phase_ = DossierPhase::Submitting;
    errorKey_.clear();
    const auto gen = ++generation_;
    background_.run([this, gen, submissions = submissions_, dossier = buildSubmission(),
                     wait = settings_.receiptWait, name = procedureName_]() mutable {
        auto ack = submissions->submit(dossier);
        dvc::wipe(dossier);
        std::optional<SubmissionOutcome> outcome;
        if (ack) outcome = submissions->awaitOutcome(ack->localRef, wait);
        return std::function<void()>(
            [this, gen, ack = std::move(ack), outcome = std::move(outcome), name]() mutable {
                if (gen != generation_) return;
                if (!ack) {
                    // Nothing was stored: the citizen is told so and may try again.
                    phase_ = DossierPhase::Review;
                    errorKey_ = "dossier.error.store_failed";
                    log::error("dossier", "outbox refused the submission: " + ack.error());
                    return;
                }
                DossierReceiptView view;
                view.procedureName = name;
                if (outcome && outcome->phase == SubmissionPhase::Delivered && outcome->receipt) {
                    view.provisional = false;
                    view.content =
                        finalReceiptContent(*outcome->receipt, name, ack->provisional.submittedAt);
                    view.acknowledged = *outcome->receipt;
                    log::info("dossier", "submitted and acknowledged: " + ack->localRef);
                } else {
                    view.rejected = outcome && outcome->phase == SubmissionPhase::Rejected;
                    view.content = provisionalReceiptContent(ack->provisional, name);
                    view.stored = ack->provisional;
                    log::info("dossier", std::string("submitted, ") +
                                             (view.rejected ? "rejected by the gateway: "
                                                            : "stored for later delivery: ") +
                                             ack->localRef);
                }
                receipt_ = std::move(view);
                // The receipt carries no personal data; the draft does.
                if (draft_) draft_->wipe();
                if (identity_) dvc::wipe(*identity_);
                identity_.reset();
                typingProblems_.clear();
                reviewProblems_.clear();
                phase_ = DossierPhase::Receipt;
                if (onReceipt_) onReceipt_(*receipt_);
            });
    });
}

void DossierFlow::requestDiscard() {
    if (phase_ == DossierPhase::Submitting) return;
    confirmingDiscard_ = true;
}

void DossierFlow::keepEditing() {
    confirmingDiscard_ = false;
}

void DossierFlow::discard() {
    log::info("dossier", "draft discarded");
    wipe();
}

bool DossierFlow::hasInput() const {
    if (!draft_) return false;
    for (const auto& [id, value] : draft_->values().items()) {
        if (forms::isEmptyValue(value)) continue;
        // A group's empty starting entries are not input.
        if (value.is_array() && std::all_of(value.begin(), value.end(), [](const json& item) {
                return forms::isEmptyValue(item);
            }))
            continue;
        if (!draft_->mark(id) || draft_->wasChanged(id)) return true;
    }
    return false;
}

const FormField* DossierFlow::fieldOf(const FieldRef& ref) const {
    if (!draft_) return nullptr;
    const FormField* f = draft_->schema().field(ref.id);
    if (!f || !ref.item) return f;
    return f->subField(ref.sub);
}

const json* DossierFlow::groupItem(const std::string& groupId, std::size_t index) const {
    if (!draft_) return nullptr;
    const json& values = draft_->values();
    auto g = values.find(groupId);
    if (g == values.end() || !g->is_array() || index >= g->size()) return nullptr;
    return &(*g)[index];
}

const json* DossierFlow::valueAt(const FieldRef& ref) const {
    if (!draft_) return nullptr;
    const json* holder = &draft_->values();
    std::string key = ref.id;
    if (ref.item) {
        holder = groupItem(ref.id, *ref.item);
        key = ref.sub;
    }
    if (!holder || !holder->is_object()) return nullptr;
    auto it = holder->find(key);
    if (it == holder->end()) return nullptr;
    if (ref.part.empty()) return &*it;
    if (!it->is_object()) return nullptr;
    auto p = it->find(ref.part);
    return p == it->end() ? nullptr : &*p;
}

std::vector<FieldProblem> DossierFlow::problemsAt(const FieldRef& ref) const {
    std::vector<FieldProblem> out;
    const std::string path = ref.fieldPath();
    if (auto it = typingProblems_.find(path); it != typingProblems_.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    for (const auto& p : reviewProblems_)
        if (p.field == path || p.field.rfind(path + ".", 0) == 0) out.push_back(p);
    return out;
}

void DossierFlow::forgetReviewProblems(const FieldRef& ref) {
    const std::string path = ref.fieldPath();
    std::erase_if(reviewProblems_, [&](const FieldProblem& p) {
        return p.field == path || p.field.rfind(path + ".", 0) == 0;
    });
}

void DossierFlow::checkTyping(const FieldRef& ref) {
    const FormField* f = fieldOf(ref);
    if (!f || !draft_) return;
    FieldRef whole = ref;
    whole.part.clear();
    const json* v = valueAt(whole);
    typingProblems_[ref.fieldPath()] =
        forms::checkWhileTyping(draft_->schema(), *f, v ? *v : json(), validationContext());
}

EditResult DossierFlow::setValue(const FieldRef& ref, json value) {
    if (!draft_) return EditResult::UnknownField;
    EditResult r = ref.item ? draft_->setInGroup(ref.id, *ref.item, ref.sub, std::move(value))
                            : draft_->set(ref.id, std::move(value));
    if (r != EditResult::Applied) return r;
    forgetReviewProblems(ref);
    checkTyping(ref);
    return r;
}

const FormField* DossierFlow::focusedField() const {
    return focused_ ? fieldOf(*focused_) : nullptr;
}

bool DossierFlow::focus(const FieldRef& ref) {
    const FormField* f = fieldOf(ref);
    if (!f || !draft_) return false;
    if (!ref.item && draft_->isLocked(ref.id)) return false;
    const json* v = valueAt(ref);
    std::string current = v && v->is_string() ? v->get<std::string>() : "";
    switch (f->type) {
        case FieldType::Text:
        case FieldType::PersonName:
        case FieldType::Email:
        case FieldType::Address:
            if (f->type == FieldType::Address && ref.part.empty()) return false;
            editorKind_ = EditorKind::Text;
            composer_.setMethod(f->type == FieldType::Email ? InputMethod::Off
                                                            : settings_.inputMethod);
            composer_.setText(current);
            break;
        case FieldType::CccdNumber:
        case FieldType::Phone:
        case FieldType::Number:
        case FieldType::Money:
        case FieldType::Date: {
            NumericMode mode = f->type == FieldType::Date    ? NumericMode::Date
                               : f->type == FieldType::Money ? NumericMode::Money
                                                             : NumericMode::Digits;
            std::size_t digits = f->type == FieldType::CccdNumber ? 12
                                 : f->type == FieldType::Phone    ? 10
                                 : f->type == FieldType::Number   ? 9
                                                                  : 0;
            numeric_ = NumericEntry(mode, digits);
            if (v && v->is_number_integer()) current = std::to_string(v->get<long long>());
            numeric_.setValue(current);
            editorKind_ = EditorKind::Numeric;
            break;
        }
        default:
            return false;
    }
    focused_ = ref;
    return true;
}

void DossierFlow::closeEditor() {
    focused_.reset();
    editorKind_ = EditorKind::None;
    composer_.clear();
    numeric_.clear();
}

void DossierFlow::writeEditor() {
    if (!focused_) return;
    const FormField* f = fieldOf(*focused_);
    if (!f) return;
    json value;
    if (editorKind_ == EditorKind::Text) {
        value = composer_.text();
    } else if (editorKind_ == EditorKind::Numeric) {
        const std::string digits = numeric_.value();
        if (f->type == FieldType::Number || f->type == FieldType::Money) {
            value = digits.empty() ? json() : json(std::stoll(digits));
        } else {
            value = digits;
        }
    } else {
        return;
    }
    if (!focused_->part.empty()) {
        FieldRef whole = *focused_;
        whole.part.clear();
        const json* current = valueAt(whole);
        json address = current && current->is_object() ? *current : json::object();
        address[focused_->part] = std::move(value);
        setValue(whole, std::move(address));
        return;
    }
    setValue(*focused_, std::move(value));
}

void DossierFlow::typeKey(char32_t key) {
    if (editorKind_ == EditorKind::Text) {
        composer_.type(key);
    } else if (editorKind_ == EditorKind::Numeric) {
        if (key > 0x7f || !numeric_.press(static_cast<char>(key))) return;
    } else {
        return;
    }
    writeEditor();
}

void DossierFlow::typeText(std::string_view utf8) {
    if (editorKind_ == EditorKind::Numeric) {
        bool any = false;
        for (char c : utf8) any = numeric_.press(c) || any;
        if (any) writeEditor();
        return;
    }
    if (editorKind_ != EditorKind::Text) return;
    // Already composed by the keyboard's own input method: appended as is, then the last word
    // stays open for corrections from the on-screen keys.
    composer_.setText(composer_.text() + std::string(utf8));
    writeEditor();
}

void DossierFlow::backspace() {
    if (editorKind_ == EditorKind::Text)
        composer_.backspace();
    else if (editorKind_ == EditorKind::Numeric)
        numeric_.backspace();
    else
        return;
    writeEditor();
}

void DossierFlow::clearField() {
    if (editorKind_ == EditorKind::Text)
        composer_.clear();
    else if (editorKind_ == EditorKind::Numeric)
        numeric_.clear();
    else
        return;
    writeEditor();
}

void DossierFlow::setEditorText(const std::string& text) {
    if (editorKind_ == EditorKind::Text) {
        composer_.setText(text);
    } else if (editorKind_ == EditorKind::Numeric) {
        numeric_.clear();
        for (char c : text)
            if (c >= '0' && c <= '9') numeric_.press(c);
    } else {
        return;
    }
    writeEditor();
}

void DossierFlow::setInputMethod(InputMethod method) {
    if (method == InputMethod::Off) return;
    settings_.inputMethod = method;
    if (editorKind_ == EditorKind::Text && composer_.method() != InputMethod::Off)
        composer_.setMethod(method);
}

std::string DossierFlow::editorText() const {
    if (editorKind_ == EditorKind::Text) return composer_.text();
    if (editorKind_ == EditorKind::Numeric) return numeric_.display();
    return {};
}

EditResult DossierFlow::choose(const FieldRef& ref, json value) {
    closeEditor();
    return setValue(ref, std::move(value));
}

EditResult DossierFlow::chooseAddressPart(const FieldRef& ref, const std::string& part,
                                          const std::string& code) {
    closeEditor();
    FieldRef whole = ref;
    whole.part.clear();
    const json* current = valueAt(whole);
    json address = current && current->is_object() ? *current : json::object();
    address[part] = code;
    // A new province (or district) makes the levels under it meaningless.
    if (part == "province") {
        address.erase("district");
        address.erase("commune");
    } else if (part == "district") {
        address.erase("commune");
    }
    return setValue(whole, std::move(address));
}

bool DossierFlow::addGroupItem(const std::string& groupId) {
    if (!draft_) return false;
    closeEditor();
    bool added = draft_->addGroupItem(groupId);
    if (added) forgetReviewProblems(FieldRef{groupId, std::nullopt, {}, {}});
    return added;
}

bool DossierFlow::removeGroupItem(const std::string& groupId, std::size_t index) {
    if (!draft_) return false;
    closeEditor();
    const FormField* g = draft_->schema().field(groupId);
    if (!g || draft_->groupSize(groupId) <= g->minItems) return false;
    bool removed = draft_->removeGroupItem(groupId, index);
    if (removed) {
        // Paths of later entries shift: their problems are recomputed on the next review.
        std::erase_if(reviewProblems_, [&](const FieldProblem& p) {
            return p.field.rfind(groupId + "[", 0) == 0 || p.field == groupId;
        });
        std::erase_if(typingProblems_,
                      [&](const auto& kv) { return kv.first.rfind(groupId + "[", 0) == 0; });
    }
    return removed;
}

namespace {

std::string stringValue(const json& values, const std::string& id) {
    auto it = values.find(id);
    return it != values.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

DossierSubmission DossierFlow::buildSubmission() const {
    DossierSubmission d;
    d.procedureCode = procedureCode_;
    d.kioskId = settings_.kioskId;
    d.form = draft_->submission();
    // The applicant block: what the citizen confirmed on the form (locked fields equal the
    // card), the card where the form does not ask.
    Applicant& a = d.applicant;
    const json& values = d.form;
    for (const FormField* f : draft_->schema().fields()) {
        switch (f->prefill) {
            case PrefillSource::FullName:
                a.fullName = stringValue(values, f->id);
                break;
            case PrefillSource::IdNumber:
                a.idNumber = stringValue(values, f->id);
                break;
            case PrefillSource::DateOfBirth:
                a.dateOfBirth = stringValue(values, f->id);
                break;
            case PrefillSource::Gender:
                a.gender = stringValue(values, f->id);
                break;
            case PrefillSource::Residence: {
                auto it = values.find(f->id);
                if (it == values.end() || !it->is_object()) break;
                std::string province = it->value("province", ""),
                            district = it->value("district", ""),
                            commune = it->value("commune", "");
                std::string out = it->value("detail", "");
                auto add = [&out](const std::string& part) {
                    if (part.empty()) return;
                    if (!out.empty()) out += ", ";
                    out += part;
                };
                const forms::Province* p = units_ ? units_->province(province) : nullptr;
                const forms::District* di = units_ ? units_->district(province, district) : nullptr;
                const forms::Commune* c =
                    units_ ? units_->commune(province, district, commune) : nullptr;
                add(c ? c->name : commune);
                add(di ? di->name : district);
                add(p ? p->name : province);
                a.address = out;
                break;
            }
            default:
                break;
        }
        if (f->type == FieldType::Phone && a.phone.empty()) a.phone = stringValue(values, f->id);
        if (f->type == FieldType::Email && a.email.empty()) a.email = stringValue(values, f->id);
    }
    if (identity_) {
        if (a.fullName.empty()) a.fullName = identity_->fullName;
        if (a.idNumber.empty()) a.idNumber = identity_->personalNumber;
        if (a.dateOfBirth.empty() && identity_->dateOfBirth) {
            const auto& ymd = *identity_->dateOfBirth;
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
            a.dateOfBirth = buf;
        }
        if (a.gender.empty() && identity_->gender)
            a.gender = *identity_->gender == Gender::Male ? "nam" : "nu";
    }
    // The API's limit; the form keeps the whole address. Cut between code points.
    if (a.address.size() > 300) {
        std::size_t cut = 300;
        while (cut > 0 && (static_cast<unsigned char>(a.address[cut]) & 0xC0) == 0x80) --cut;
        a.address.resize(cut);
    }
    return d;
}

}  // namespace dvc
