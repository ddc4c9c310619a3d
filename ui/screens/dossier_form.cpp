// "Nộp hồ sơ trực tuyến": the e-form of any procedure, one section at a time, paged when a
// section is taller than the screen. Tapping a typed field opens the editor (its label, the
// value, the problems as they appear, and the on-screen keyboard: Telex/VNI for text, the
// numeric pad for numbers and dates); selects, tick boxes and address pickers are tapped in
// place. Also the dispatcher of the dossier's phases (loading, form, review, submitting,
// receipt).
#include <imgui.h>
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "forms/validation.h"
#include "screens/dossier_view.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/form_fields.h"
#include "widgets/icons.h"
#include "widgets/onscreen_keyboard.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

using dossier::in;
using forms::FieldType;
using forms::FormField;
using json = nlohmann::json;

namespace {

// View state of the form (which picker is open, the keyboard's shift/layout): no business
// data, reset whenever the flow is not filling in.
struct FormView {
    std::optional<FieldRef> picker;  // address picker open on this field
    std::string pickerPart;          // province | district | commune
    int pickerPage = 0;
    KeyboardState keyboard;
    std::optional<FieldRef> keyboardFor;  // the field the keyboard state belongs to
};
FormView view;

struct Block {
    float height = 0;
    std::function<void(UiContext&, Rect)> draw;
    std::optional<FieldRef> ref;  // the field it shows (for "go to the problem")
    int unit = -1;                // blocks of one group entry share a unit: kept on one page
};

const json* itemOf(const DossierFlow& flow, const FieldRef& ref) {
    return ref.item ? flow.groupItem(ref.id, *ref.item) : nullptr;
}

bool visible(const DossierFlow& flow, const FormField& f, const FieldRef& ref) {
    return forms::isVisible(f, flow.draft()->values(), itemOf(flow, ref));
}

bool required(const DossierFlow& flow, const FormField& f, const FieldRef& ref) {
    return forms::isRequired(f, flow.draft()->values(), itemOf(flow, ref));
}

const forms::PrefillMark* markOf(const DossierFlow& flow, const FieldRef& ref) {
    return ref.item ? nullptr : flow.draft()->mark(ref.id);
}

float problemsBlockHeight(const UiContext& ui, const std::vector<std::string>& msgs, float w) {
    return msgs.empty() ? 0.0f : ui.px(8) + problemsHeight(ui, msgs, w);
}

float helpHeight(const UiContext& ui, const FormField& f, float w) {
    const std::string& help = in(ui, f.help);
    return help.empty() ? 0.0f : ui.px(6) + textHeight(ui, FontRole::Small, help, w);
}

float drawHelp(UiContext& ui, const FormField& f, float x, float y, float w) {
    const std::string& help = in(ui, f.help);
    if (help.empty()) return 0.0f;
    return ui.px(6) +
           drawText(ui, FontRole::Small, help, x, y + ui.px(6), palette::textSecondary, w);
}

// A typed field: label, box (tap to edit), badge, help, problems.
Block typedBlock(UiContext& ux, DossierFlow& flow, const FormField& f, const FieldRef& ref,
                 float w) {
    const forms::PrefillMark* mark = markOf(flow, ref);
    auto msgs = dossier::problemTexts(ux, flow, ref);
    Block b;
    b.ref = ref;
    b.height = fieldBoxHeight(ux, in(ux, f.label), w) +
               (mark ? ux.px(6) + prefillBadgeHeight(ux, mark->locked, w) : 0) +
               helpHeight(ux, f, w) + problemsBlockHeight(ux, msgs, w);
    b.draw = [&flow, &f, ref, msgs, mark](UiContext& ui, Rect r) {
        const std::string id = "field:" + ref.path();
        const std::string value = dossier::formatValue(ui, flow, f, flow.valueAt(ref));
        FieldBoxSpec spec{id,
                          in(ui, f.label),
                          value,
                          ui.t("dossier.tap_to_enter"),
                          required(flow, f, ref),
                          false,
                          mark && mark->locked,
                          !msgs.empty()};
        float boxH = fieldBoxHeight(ui, spec.label, r.w);
        if (drawFieldBox(ui, spec, Rect{r.x, r.y, r.w, boxH}) && !(mark && mark->locked))
            flow.focus(ref);
        float y = r.y + boxH;
        if (mark) y += ui.px(6) + drawPrefillBadge(ui, mark->locked, r.x, y + ui.px(6), r.w);
        y += drawHelp(ui, f, r.x, y, r.w);
        if (!msgs.empty()) drawProblems(ui, msgs, r.x, y + ui.px(8), r.w);
    };
    return b;
}

Block selectBlock(UiContext& ux, DossierFlow& flow, const FormField& f, const FieldRef& ref,
                  float w) {
    const forms::PrefillMark* mark = markOf(flow, ref);
    auto msgs = dossier::problemTexts(ux, flow, ref);
    // Two options a row when every label fits half the width.
    bool twoCols = true;
    for (const auto& o : f.options)
        if (textWidth(ux, FontRole::Body, in(ux, o.label)) > w * 0.5f - ux.px(110)) twoCols = false;
    const int perRow = twoCols ? 2 : 1;
    const int rows = (static_cast<int>(f.options.size()) + perRow - 1) / perRow;
    const float optH = ux.metrics.touchMin, gap = ux.metrics.smallGap;
    Block b;
    b.ref = ref;
    b.height = fieldLabelHeight(ux, in(ux, f.label), w) + ux.px(8) + rows * optH +
               (rows - 1) * gap + (mark ? ux.px(6) + prefillBadgeHeight(ux, mark->locked, w) : 0) +
               helpHeight(ux, f, w) + problemsBlockHeight(ux, msgs, w);
    b.draw = [&flow, &f, ref, msgs, mark, perRow, optH, gap](UiContext& ui, Rect r) {
        float y = r.y + drawFieldLabel(ui, in(ui, f.label), required(flow, f, ref), r.x, r.y, r.w) +
                  ui.px(8);
        const json* v = flow.valueAt(ref);
        const std::string current = v && v->is_string() ? v->get<std::string>() : "";
        const bool locked = mark && mark->locked;
        const float colW = (r.w - (perRow - 1) * gap) / static_cast<float>(perRow);
        for (std::size_t i = 0; i < f.options.size(); ++i) {
            const auto& o = f.options[i];
            Rect orect{r.x + static_cast<float>(static_cast<int>(i) % perRow) * (colW + gap),
                       y + static_cast<float>(static_cast<int>(i) / perRow) * (optH + gap), colW,
                       optH};
            std::string id = "option:" + ref.path() + ":" + o.value;
            if (drawOption(ui, id, in(ui, o.label), current == o.value,
                           !locked || current == o.value, orect) &&
                !locked)
                flow.choose(ref, o.value);
        }
        const int rowCount = (static_cast<int>(f.options.size()) + perRow - 1) / perRow;
        y += rowCount * optH + (rowCount - 1) * gap;
        if (mark) y += ui.px(6) + drawPrefillBadge(ui, mark->locked, r.x, y + ui.px(6), r.w);
        y += drawHelp(ui, f, r.x, y, r.w);
        if (!msgs.empty()) drawProblems(ui, msgs, r.x, y + ui.px(8), r.w);
    };
    return b;
}

Block checkboxBlock(UiContext& ux, DossierFlow& flow, const FormField& f, const FieldRef& ref,
                    float w) {
    auto msgs = dossier::problemTexts(ux, flow, ref);
    Block b;
    b.ref = ref;
    const float boxH = checkboxHeight(ux, in(ux, f.label), w);
    b.height = boxH + helpHeight(ux, f, w) + problemsBlockHeight(ux, msgs, w);
    b.draw = [&flow, &f, ref, msgs, boxH](UiContext& ui, Rect r) {
        const json* v = flow.valueAt(ref);
        bool checked = v && v->is_boolean() && v->get<bool>();
        if (drawCheckbox(ui, "check:" + ref.path(), in(ui, f.label), checked,
                         required(flow, f, ref), true, Rect{r.x, r.y, r.w, boxH}))
            flow.choose(ref, !checked);
        float y = r.y + boxH;
        y += drawHelp(ui, f, r.x, y, r.w);
        if (!msgs.empty()) drawProblems(ui, msgs, r.x, y + ui.px(8), r.w);
    };
    return b;
}

// Province | district, commune | —, then the detail: pickers where the data lists the units,
// typed names where it does not.
Block addressBlock(UiContext& ux, DossierFlow& flow, const FormField& f, const FieldRef& ref,
                   float w) {
    const forms::PrefillMark* mark = markOf(flow, ref);
    auto msgs = dossier::problemTexts(ux, flow, ref);
    const bool wantsDistrict = f.addressLevel != forms::AddressLevel::Province;
    const bool wantsDetail = f.addressLevel == forms::AddressLevel::Full;
    const float gap = ux.metrics.gap;
    const float halfW = (w - gap) * 0.5f;
    const float partH = fieldBoxHeight(ux, ux.t("dossier.address.province"), halfW);
    const int rows = wantsDistrict ? 2 : 1;
    Block b;
    b.ref = ref;
    b.height =
        fieldLabelHeight(ux, in(ux, f.label), w) + ux.px(4) + rows * partH +
        (rows - 1) * ux.metrics.smallGap +
        (wantsDetail ? ux.metrics.smallGap + fieldBoxHeight(ux, ux.t("dossier.address.detail"), w)
                     : 0) +
        (mark ? ux.px(6) + prefillBadgeHeight(ux, mark->locked, w) : 0) + helpHeight(ux, f, w) +
        problemsBlockHeight(ux, msgs, w);
    b.draw = [&flow, &f, ref, msgs, mark, wantsDistrict, wantsDetail, halfW, partH](UiContext& ui,
                                                                                    Rect r) {
        float y = r.y + drawFieldLabel(ui, in(ui, f.label), required(flow, f, ref), r.x, r.y, r.w) +
                  ui.px(4);
        const json* v = flow.valueAt(ref);
        auto part = [&](const char* k) {
            return v && v->is_object() && v->contains(k) && (*v)[k].is_string()
                       ? (*v)[k].get<std::string>()
                       : std::string();
        };
        const std::string p = part("province"), d = part("district"), c = part("commune");
        const forms::AdminUnits* units = flow.adminUnits();
        const forms::Province* pu = units ? units->province(p) : nullptr;
        const forms::District* du = units ? units->district(p, d) : nullptr;
        const forms::Commune* cu = units ? units->commune(p, d, c) : nullptr;
        const bool locked = mark && mark->locked;
        auto pickerBox = [&](const char* which, const std::string& labelKey,
                             const std::string& shown, bool listed, bool enabled, Rect box) {
            FieldRef partRef = ref;
            partRef.part = which;
            const bool problem = !flow.problemsAt(ref).empty() && [&] {
                for (const auto& pr : flow.problemsAt(ref))
                    if (pr.field == partRef.path()) return true;
                return false;
            }();
            const std::string id = "field:" + partRef.path();
            FieldBoxSpec spec{id,
                              ui.t(labelKey),
                              shown,
                              enabled
                                  ? ui.t(listed ? "dossier.address.choose" : "dossier.tap_to_enter")
                                  : ui.t("dossier.address.choose_above"),
                              false,
                              false,
                              locked,
                              problem};
            if (drawFieldBox(ui, spec, box) && enabled && !locked) {
                if (listed) {
                    view.picker = ref;
                    view.pickerPart = which;
                    view.pickerPage = 0;
                } else {
                    flow.focus(partRef);
                }
            }
        };
        pickerBox("province", "dossier.address.province", pu ? pu->name : p, true, true,
                  Rect{r.x, y, halfW, partH});
        if (wantsDistrict) {
            const bool districtListed = pu && !pu->districts.empty();
            pickerBox("district", "dossier.address.district", du ? du->name : d, districtListed,
                      !p.empty(), Rect{r.x + halfW + ui.metrics.gap, y, halfW, partH});
            y += partH + ui.metrics.smallGap;
            const bool communeListed = du && !du->communes.empty();
            pickerBox("commune", "dossier.address.commune", cu ? cu->name : c, communeListed,
                      !d.empty() || (pu && pu->districts.empty() && !p.empty()),
                      Rect{r.x, y, halfW, partH});
        }
        y += partH;
        if (wantsDetail) {
            y += ui.metrics.smallGap;
            FieldRef detail = ref;
            detail.part = "detail";
            float h = fieldBoxHeight(ui, ui.t("dossier.address.detail"), r.w);
            std::string id = "field:" + detail.path();
            const std::string detailValue = part("detail");  // the spec only views it
            FieldBoxSpec spec{id,          ui.t("dossier.address.detail"),
                              detailValue, ui.t("dossier.tap_to_enter"),
                              false,       false,
                              locked,      false};
            if (drawFieldBox(ui, spec, Rect{r.x, y, r.w, h}) && !locked) flow.focus(detail);
            y += h;
        }
        if (mark) y += ui.px(6) + drawPrefillBadge(ui, mark->locked, r.x, y + ui.px(6), r.w);
        y += drawHelp(ui, f, r.x, y, r.w);
        if (!msgs.empty()) drawProblems(ui, msgs, r.x, y + ui.px(8), r.w);
    };
    return b;
}

void fieldBlocks(UiContext& ui, DossierFlow& flow, const FormField& f, const FieldRef& ref, float w,
                 std::vector<Block>& out);

// A repeated group: its label, each entry (a numbered heading with "Xóa mục này", its
// fields), then "Thêm …" while there is room.
void groupBlocks(UiContext& ux, DossierFlow& flow, const FormField& g, const FieldRef& ref, float w,
                 std::vector<Block>& out) {
    auto msgs = dossier::problemTexts(ux, flow, ref);
    const std::size_t n = flow.draft()->groupSize(g.id);
    Block head;
    head.ref = ref;
    head.height = fieldLabelHeight(ux, in(ux, g.label), w) + helpHeight(ux, g, w) +
                  problemsBlockHeight(ux, msgs, w);
    head.draw = [&flow, &g, ref, msgs](UiContext& ui, Rect r) {
        float y = r.y + drawFieldLabel(ui, in(ui, g.label), g.minItems > 0, r.x, r.y, r.w);
        y += drawHelp(ui, g, r.x, y, r.w);
        if (!msgs.empty()) drawProblems(ui, msgs, r.x, y + ui.px(8), r.w);
    };
    const std::size_t headIndex = out.size();
    out.push_back(std::move(head));
    for (std::size_t i = 0; i < n; ++i) {
        Block entry;
        entry.unit = static_cast<int>(out.size());
        entry.height = ux.metrics.touchMin;
        const bool removable = n > g.minItems;
        entry.draw = [&flow, &g, i, removable](UiContext& ui, Rect r) {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(ImVec2(r.x, r.y + ui.px(8)), ImVec2(r.right(), r.bottom() - ui.px(8)),
                              palette::primarySoft.packed(), ui.metrics.smallRadius);
            std::string title =
                fillPlaceholder(ui.t("dossier.group.entry"), "n", std::to_string(i + 1));
            float lineH = ui.fonts.size(FontRole::BodyBold) * 1.18f;
            drawText(ui, FontRole::BodyBold, title, r.x + ui.px(20), r.centreY() - lineH * 0.5f,
                     palette::primary);
            if (removable) {
                float bw = std::min(r.w * 0.45f, ui.px(360));
                if (bigButton(ui, {"group:remove:" + g.id + ":" + std::to_string(i),
                                   ui.t("form.remove_item"), Rect{r.right() - bw, r.y, bw, r.h},
                                   ButtonStyle::Danger, true, FontRole::BodyBold}))
                    flow.removeGroupItem(g.id, i);
            }
        };
        const int unit = entry.unit;
        out.push_back(std::move(entry));
        for (const auto& sub : g.fields) {
            FieldRef subRef{g.id, i, sub.id, {}};
            if (!visible(flow, sub, subRef)) continue;
            fieldBlocks(ux, flow, sub, subRef, w - ux.px(32), out);
            out.back().draw = [inner = out.back().draw](UiContext& ui, Rect r) {
                inner(ui, Rect{r.x + ui.px(32), r.y, r.w - ui.px(32), r.h});
            };
            out.back().unit = unit;
        }
    }
    // The group's label stays with its first entry.
    if (n > 0) out[headIndex].unit = out[headIndex + 1].unit;
    if (n < g.maxItems) {
        Block add;
        if (n > 0) add.unit = out.back().unit;  // "Thêm" stays under the last entry
        add.height = ux.metrics.touchMin;
        add.draw = [&flow, &g](UiContext& ui, Rect r) {
            std::string label = ui.t("form.add_item") + ": " + in(ui, g.label);
            if (bigButton(ui, {"group:add:" + g.id, label, r, ButtonStyle::Secondary, true,
                               FontRole::BodyBold}))
                flow.addGroupItem(g.id);
        };
        out.push_back(std::move(add));
    }
}

void fieldBlocks(UiContext& ui, DossierFlow& flow, const FormField& f, const FieldRef& ref, float w,
                 std::vector<Block>& out) {
    switch (f.type) {
        case FieldType::Select:
            out.push_back(selectBlock(ui, flow, f, ref, w));
            return;
        case FieldType::Checkbox:
            out.push_back(checkboxBlock(ui, flow, f, ref, w));
            return;
        case FieldType::Address:
            out.push_back(addressBlock(ui, flow, f, ref, w));
            return;
        case FieldType::Group:
            groupBlocks(ui, flow, f, ref, w, out);
            return;
        default:
            out.push_back(typedBlock(ui, flow, f, ref, w));
            return;
    }
}

// Splits blocks into pages no taller than `height`; returns the index of each page's first.
// A group entry (its heading and fields) moves to the next page whole when it fits one.
std::vector<std::size_t> paginate(const std::vector<Block>& blocks, float height, float gap) {
    std::vector<std::size_t> starts{0};
    float used = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        float h = blocks[i].height + gap;
        if (blocks[i].unit >= 0 && (i == 0 || blocks[i - 1].unit != blocks[i].unit)) {
            float whole = 0;
            for (std::size_t j = i; j < blocks.size() && blocks[j].unit == blocks[i].unit; ++j)
                whole += blocks[j].height + gap;
            if (used > 0 && used + whole > height && whole <= height) {
                starts.push_back(i);
                used = 0;
            }
        }
        if (used > 0 && used + h > height) {
            starts.push_back(i);
            used = 0;
        }
        used += h;
    }
    return starts;
}

// The province / district / commune list over everything, 2 columns, paged.
void drawPicker(UiContext& ui, DossierFlow& flow) {
    const FieldRef ref = *view.picker;
    const json* v = flow.valueAt(ref);
    auto part = [&](const char* k) {
        return v && v->is_object() && v->contains(k) && (*v)[k].is_string()
                   ? (*v)[k].get<std::string>()
                   : std::string();
    };
    const forms::AdminUnits* units = flow.adminUnits();
    std::vector<std::pair<std::string, std::string>> items;  // code, name
    if (units) {
        if (view.pickerPart == "province") {
            for (const auto& p : units->provinces()) items.emplace_back(p.code, p.name);
        } else if (const forms::Province* p = units->province(part("province"));
                   p && view.pickerPart == "district") {
            for (const auto& d : p->districts) items.emplace_back(d.code, d.name);
        } else if (const forms::District* d = units->district(part("province"), part("district"))) {
            for (const auto& c : d->communes) items.emplace_back(c.code, c.name);
        }
    }
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##dossier-picker", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height),
                                              palette::scrim.packed());
    const Metrics& m = ui.metrics;
    Rect card{m.margin, m.headerHeight * 0.5f, ui.width - 2 * m.margin, ui.height - m.headerHeight};
    drawCard(ui, card);
    const float pad = ui.px(40);
    float y = card.y + pad;
    const std::string title = ui.t("dossier.address." + view.pickerPart);
    y += drawText(ui, FontRole::Title, title, card.x + pad, y, palette::text, card.w - 2 * pad) +
         m.gap;
    const float itemH = m.touchMin;
    const float navH = m.touchMin * 1.1f;
    const int cols = 2;
    const int rowsFit = std::max(
        1, static_cast<int>((card.bottom() - pad - navH - m.gap - y) / (itemH + m.smallGap)));
    const int perPage = rowsFit * cols;
    const int pages = std::max(1, (static_cast<int>(items.size()) + perPage - 1) / perPage);
    view.pickerPage = std::clamp(view.pickerPage, 0, pages - 1);
    const float colW = (card.w - 2 * pad - m.smallGap) / cols;
    const std::string chosen = part(view.pickerPart.c_str());
    for (int k = 0; k < perPage; ++k) {
        std::size_t i = static_cast<std::size_t>(view.pickerPage * perPage + k);
        if (i >= items.size()) break;
        Rect r{card.x + pad + static_cast<float>(k % cols) * (colW + m.smallGap),
               y + static_cast<float>(k / cols) * (itemH + m.smallGap), colW, itemH};
        if (bigButton(ui, {"pick-item:" + items[i].first, items[i].second, r,
                           items[i].first == chosen ? ButtonStyle::Primary : ButtonStyle::Key, true,
                           FontRole::Body})) {
            flow.chooseAddressPart(ref, view.pickerPart, items[i].first);
            view.picker.reset();
        }
    }
    float ny = card.bottom() - pad - navH;
    float bw = (card.w - 2 * pad - 2 * m.gap) / 3;
    if (bigButton(ui, {"picker:prev", ui.t("dossier.picker.prev"), Rect{card.x + pad, ny, bw, navH},
                       ButtonStyle::Secondary, view.pickerPage > 0}))
        --view.pickerPage;
    if (bigButton(ui, {"picker:close", ui.t("dossier.picker.close"),
                       Rect{card.x + pad + bw + m.gap, ny, bw, navH}, ButtonStyle::Danger}))
        view.picker.reset();
    if (bigButton(ui, {"picker:next", ui.t("dossier.picker.next"),
                       Rect{card.x + pad + 2 * (bw + m.gap), ny, bw, navH}, ButtonStyle::Secondary,
                       view.pickerPage + 1 < pages}))
        ++view.pickerPage;
    std::string pageText = fillPlaceholder(
        fillPlaceholder(ui.t("dossier.page"), "n", std::to_string(view.pickerPage + 1)), "total",
        std::to_string(pages));
    drawText(ui, FontRole::Small, pageText, card.right() - pad, card.y + pad + ui.px(12),
             palette::textSecondary, 0, Align::Right);
    ImGui::End();
}

// The editor of one typed field: label, value, problems or the format hint, the keyboard.
void drawEditor(UiContext& ui, DossierFlow& flow, Rect content) {
    const FieldRef ref = *flow.focused();
    const FormField* f = flow.focusedField();
    if (!f) return flow.closeEditor();
    const Metrics& m = ui.metrics;
    const bool numeric = flow.editorKind() == EditorKind::Numeric;
    if (!view.keyboardFor || !(*view.keyboardFor == ref)) {
        view.keyboard = KeyboardState{};
        view.keyboard.mode = numeric ? KeyboardMode::NumericPad : KeyboardMode::Full;
        if (!numeric)
            view.keyboard.composer.setMethod(f->type == FieldType::Email ? InputMethod::Off
                                                                         : flow.inputMethod());
        view.keyboardFor = ref;
    }
    std::string label = in(ui, f->label);
    if (!ref.part.empty()) label += " — " + ui.t("dossier.address." + ref.part);
    if (ref.item)
        label += " (" +
                 fillPlaceholder(ui.t("dossier.group.entry"), "n", std::to_string(*ref.item + 1)) +
                 ")";
    // Landscape is short: "Xong" goes beside the label so the keyboard keeps all its rows.
    const float doneW = std::min(content.w, ui.px(420));
    const float doneH = m.touchMin * 1.1f;
    float y = content.y + m.gap;
    const float labelW = ui.portrait ? content.w : content.w - doneW - m.gap;
    float labelH = drawText(ui, FontRole::Button, label, content.x, y, palette::text, labelW);
    Rect done{content.right() - doneW, y, doneW, doneH};
    if (!ui.portrait) labelH = std::max(labelH, doneH);
    y += labelH + ui.px(12);
    const std::string value = flow.editorText();
    auto msgs = dossier::problemTexts(ui, flow, ref);
    const float boxH = ui.px(ui.portrait ? 96 : 76);
    // The box without its label (the title above is the label).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Rect box{content.x, y, content.w, boxH};
    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()),
                      palette::surface.packed(), m.smallRadius);
    dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()),
                (msgs.empty() ? palette::primary : palette::accentRed).packed(), m.smallRadius, 0,
                ui.px(4));
    float lineH = ui.fonts.size(FontRole::Title) * 1.18f;
    float w = textWidth(ui, FontRole::Title, value);
    float x = box.x + ui.px(24) + std::min(0.0f, box.w - ui.px(60) - w);
    ImGui::PushClipRect(ImVec2(box.x + ui.px(6), box.y),
                        ImVec2(box.right() - ui.px(6), box.bottom()), true);
    if (!value.empty())
        drawText(ui, FontRole::Title, value, x, box.centreY() - lineH * 0.5f, palette::text);
    ImGui::PopClipRect();
    float cx = std::min(x + w + ui.px(6), box.right() - ui.px(20));
    dl->AddRectFilled(ImVec2(cx, box.y + boxH * 0.2f),
                      ImVec2(cx + ui.px(4), box.bottom() - boxH * 0.2f), palette::primary.packed());
    y += boxH + ui.px(12);
    if (!msgs.empty()) {
        y += drawProblems(ui, msgs, content.x, y, content.w);
    } else {
        std::string hint = ui.t(forms::formatHintKey(*f));
        if (!f->patternMessageKey.empty()) hint = ui.t(f->patternMessageKey);
        y += drawText(ui, FontRole::Small, hint, content.x, y, palette::textSecondary, content.w);
    }
    const std::string& help = in(ui, f->help);
    if (!help.empty())
        y += ui.px(6) + drawText(ui, FontRole::Small, help, content.x, y + ui.px(6),
                                 palette::textSecondary, content.w);

    // Keyboard at the bottom; in portrait "Xong" above it.
    float keyH = std::max(m.touchMin,
                          ui.px(ui.portrait ? 112 : 92));  // the keyboard never goes below touchMin
    float kbH = std::min(onscreenKeyboardHeight(ui, view.keyboard.mode, keyH),
                         content.bottom() - y - (ui.portrait ? doneH + m.gap : 0.0f) - m.gap);
    if (numeric) kbH = std::min(kbH, ui.px(560));
    float kbW = numeric ? std::min(content.w, ui.px(760)) : content.w;
    Rect kb{content.x + (content.w - kbW) * 0.5f, content.bottom() - kbH, kbW, kbH};
    if (ui.portrait) done.y = kb.y - m.gap - doneH;
    if (bigButton(ui, {"editor:done", ui.t("dossier.editor.done"), done, ButtonStyle::Primary, true,
                       FontRole::Button, Icon::Check})) {
        flow.closeEditor();
        view.keyboardFor.reset();
        return;
    }
    // On the pad the keyboard types digits; the flow shapes them ("14/05/1990", "1.500.000").
    std::string text = value;
    KeyboardResult r = drawOnscreenKeyboard(ui, kb, view.keyboard, text);
    if (!numeric && view.keyboard.composer.method() != InputMethod::Off)
        flow.setInputMethod(view.keyboard.composer.method());
    if (r.changed) flow.setEditorText(text);
    if (r.submitted) {
        flow.closeEditor();
        view.keyboardFor.reset();
    }
}

void drawFilling(UiContext& ui, DossierFlow& flow, Rect content) {
    const Metrics& m = ui.metrics;
    if (flow.focused() && flow.editorKind() != EditorKind::None)
        return drawEditor(ui, flow, content);
    view.keyboardFor.reset();
    const forms::FormSchema& schema = flow.draft()->schema();
    const std::size_t si = std::min(flow.sectionIndex(), schema.sections.size() - 1);
    const forms::FormSection& section = schema.sections[si];

    // Heading: the procedure, "Phần 2/5", the section's title.
    float y = content.y + m.gap;
    y += drawText(ui, FontRole::BodyBold, flow.procedureName(), content.x, y,
                  palette::textSecondary, content.w);
    std::string step =
        fillPlaceholder(fillPlaceholder(ui.t("dossier.section"), "n", std::to_string(si + 1)),
                        "total", std::to_string(schema.sections.size()));
    const float stepY = y + ui.px(4);
    y += ui.px(4) +
         drawText(ui, FontRole::Small, step, content.x, stepY, palette::primary, content.w);
    y += drawText(ui, FontRole::Title, in(ui, section.title), content.x, y, palette::text,
                  content.w) +
         m.gap;

    // Landscape: two columns of fields per page.
    const int columns = ui.portrait ? 1 : 2;
    const float colGap = m.gap * 2;
    const float colW =
        (content.w - static_cast<float>(columns - 1) * colGap) / static_cast<float>(columns);
    std::vector<Block> blocks;
    for (const auto& f : section.fields) {
        FieldRef ref{f.id, std::nullopt, {}, {}};
        if (!visible(flow, f, ref)) continue;
        fieldBlocks(ui, flow, f, ref, colW, blocks);
    }
    const float navH = m.touchMin * 1.15f;
    const float area = content.bottom() - navH - m.gap - y;
    auto starts = paginate(blocks, area, m.gap);  // one entry per column
    const int slots = static_cast<int>(starts.size());
    const int pages = (slots + columns - 1) / columns;
    if (flow.reveal()) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (!blocks[i].ref || blocks[i].ref->fieldPath() != flow.reveal()->fieldPath())
                continue;
            int slot = 0;
            for (int p = 0; p < slots; ++p)
                if (starts[static_cast<std::size_t>(p)] <= i) slot = p;
            flow.setPage(slot / columns);
        }
        flow.revealDone();
    }
    const int page = std::clamp(flow.page(), 0, pages - 1);
    const float top = y;
    for (int c = 0; c < columns; ++c) {
        const int slot = page * columns + c;
        if (slot >= slots) break;
        std::size_t from = starts[static_cast<std::size_t>(slot)];
        std::size_t to =
            slot + 1 < slots ? starts[static_cast<std::size_t>(slot) + 1] : blocks.size();
        float cy = top;
        const float cx = content.x + static_cast<float>(c) * (colW + colGap);
        for (std::size_t i = from; i < to; ++i) {
            blocks[i].draw(ui, Rect{cx, cy, colW, blocks[i].height});
            cy += blocks[i].height + m.gap;
        }
    }
    if (pages > 1) {
        // On the "Phần n/N" line, clear of the procedure's name (which may take two lines).
        std::string pageText =
            fillPlaceholder(fillPlaceholder(ui.t("dossier.page"), "n", std::to_string(page + 1)),
                            "total", std::to_string(pages));
        drawText(ui, FontRole::Small, pageText, content.right(), stepY, palette::textSecondary, 0,
                 Align::Right);
    }

    // "Quay lại" / "Tiếp" (or "Xem lại hồ sơ" after the last section's last page).
    const float navY = content.bottom() - navH;
    const float bw = (content.w - m.gap) * 0.5f;
    bool lastSection = true;
    for (std::size_t i = si + 1; i < schema.sections.size(); ++i)
        if (flow.sectionHasVisibleFields(i)) lastSection = false;
    const bool lastPage = page + 1 >= pages;
    if (bigButton(ui, {"dossier:back", ui.t("dossier.back"), Rect{content.x, navY, bw, navH},
                       ButtonStyle::Secondary})) {
        if (page > 0)
            flow.setPage(page - 1);
        else
            ui.session.dossierBack();
    }
    // After the review, a correction leads straight back to it.
    const bool toReview = flow.reviewed() || (lastSection && lastPage);
    const std::string& nextLabel = toReview ? ui.t("dossier.to_review") : ui.t("dossier.next");
    if (bigButton(ui, {"dossier:next", nextLabel, Rect{content.x + bw + m.gap, navY, bw, navH},
                       ButtonStyle::Primary})) {
        if (flow.reviewed())
            flow.openReview();
        else if (!lastPage)
            flow.setPage(page + 1);
        else
            flow.nextSection();
    }
}

void drawLoadFailed(UiContext& ui, DossierFlow& flow, Rect content) {
    const float pad = ui.px(56);
    const float inner = content.w - 2 * pad;
    const std::string& title = ui.t("dossier.load_failed");
    const std::string& body = ui.t(flow.errorKey());
    const float bh = ui.metrics.touchMin * 1.15f;
    float h = pad + textHeight(ui, FontRole::Button, title, inner) + ui.px(16) +
              textHeight(ui, FontRole::Body, body, inner) + ui.px(40) + 2 * bh + ui.metrics.gap +
              pad;
    Rect card{content.x, content.y + ui.metrics.gap, content.w, h};
    drawCard(ui, card);
    float y = card.y + pad;
    y += drawText(ui, FontRole::Button, title, card.centreX(), y, palette::text, inner,
                  Align::Centre) +
         ui.px(16);
    y += drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner,
                  Align::Centre) +
         ui.px(40);
    if (bigButton(ui, {"dossier:retry", ui.t("lookup.failed.retry"),
                       Rect{card.x + pad, y, inner, bh}, ButtonStyle::Primary}))
        flow.retryLoad();
    y += bh + ui.metrics.gap;
    if (bigButton(ui, {"dossier:back", ui.t("dossier.back"), Rect{card.x + pad, y, inner, bh},
                       ButtonStyle::Secondary}))
        ui.session.dossierBack();
}

}  // namespace

void drawDossier(UiContext& ui, Rect content) {
    DossierFlow& flow = ui.session.dossierFlow();
    if (flow.phase() != DossierPhase::Filling) {
        view.picker.reset();
        view.keyboardFor.reset();
    }
    switch (flow.phase()) {
        case DossierPhase::Idle:
            break;
        case DossierPhase::Loading:
            dossier::drawBusy(ui, content, ui.t("dossier.loading.title"),
                              ui.t("dossier.loading.body"));
            break;
        case DossierPhase::LoadFailed:
            drawLoadFailed(ui, flow, content);
            break;
        case DossierPhase::Filling:
            if (!flow.draft()) break;
            drawFilling(ui, flow, content);
            if (view.picker) drawPicker(ui, flow);
            break;
        case DossierPhase::Review:
            drawDossierReview(ui, content);
            break;
        case DossierPhase::Submitting:
            dossier::drawBusy(ui, content, ui.t("dossier.submitting.title"),
                              ui.t("dossier.submitting.body"));
            break;
        case DossierPhase::Receipt:
            drawDossierReceipt(ui, content);
            break;
    }
    if (flow.confirmingDiscard()) dossier::drawDiscardDialog(ui);
}

}  // namespace dvc::ui
