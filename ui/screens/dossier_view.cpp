#include "screens/dossier_view.h"

#include <imgui.h>
#include <algorithm>

#include "forms/validation.h"
#include "input/numeric_entry.h"
#include "widgets/big_button.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui::dossier {

using json = nlohmann::json;
using forms::FieldType;

const std::string& in(const UiContext& ui, const BilingualText& text) {
    const std::string& s = text.in(ui.session.language());
    return s.empty() ? text.vi : s;
}

namespace {

std::string stringOf(const json* v) {
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::string addressText(const DossierFlow& flow, const json& v) {
    if (!v.is_object()) return {};
    auto part = [&](const char* k) {
        return v.contains(k) && v[k].is_string() ? v[k].get<std::string>() : "";
    };
    std::string p = part("province"), d = part("district"), c = part("commune"),
                detail = part("detail");
    const forms::AdminUnits* units = flow.adminUnits();
    const forms::Province* pu = units ? units->province(p) : nullptr;
    const forms::District* du = units ? units->district(p, d) : nullptr;
    const forms::Commune* cu = units ? units->commune(p, d, c) : nullptr;
    std::string out;
    for (const std::string& s : {detail, cu ? cu->name : c, du ? du->name : d, pu ? pu->name : p}) {
        if (s.empty()) continue;
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

}  // namespace

std::string formatValue(const UiContext& ui, const DossierFlow& flow, const forms::FormField& f,
                        const json* v) {
    if (!v || v->is_null()) return {};
    switch (f.type) {
        case FieldType::Date: {
            std::string s = stringOf(v);
            if (s.size() == 10 && s[4] == '-' && s[7] == '-')
                return s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
            return s;
        }
        case FieldType::Number:
            return v->is_number_integer() ? std::to_string(v->get<long long>()) : std::string();
        case FieldType::Money:
            return v->is_number_integer() ? groupThousands(v->get<long long>()) + " ₫"
                                          : std::string();
        case FieldType::Select:
            for (const auto& o : f.options)
                if (o.value == stringOf(v)) return in(ui, o.label);
            return stringOf(v);
        case FieldType::Checkbox:
            return v->is_boolean() && v->get<bool>() ? ui.t("dossier.value.yes")
                                                     : ui.t("dossier.value.no");
        case FieldType::Address:
            return addressText(flow, *v);
        case FieldType::Group:
            return v->is_array() ? fillPlaceholder(ui.t("dossier.value.items"), "n",
                                                   std::to_string(v->size()))
                                 : std::string();
        default:
            return stringOf(v);
    }
}

std::string explainProblem(const UiContext& ui, const forms::FieldProblem& problem) {
    return forms::explain(problem, ui.translations).in(ui.session.language());
}

std::vector<std::string> problemTexts(const UiContext& ui, const DossierFlow& flow,
                                      const FieldRef& ref) {
    std::vector<std::string> out;
    for (const auto& p : flow.problemsAt(ref)) {
        std::string text = explainProblem(ui, p);
        if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(std::move(text));
    }
    return out;
}

void drawBusy(UiContext& ui, Rect content, const std::string& title, const std::string& body) {
    const float pad = ui.px(56);
    const float inner = content.w - 2 * pad;
    const float r = ui.px(64);
    float h = pad + 2 * r + ui.px(44) + textHeight(ui, FontRole::Button, title, inner) + ui.px(12) +
              textHeight(ui, FontRole::Body, body, inner) + pad;
    Rect card{content.x, content.y + ui.metrics.gap, content.w, h};
    drawCard(ui, card);
    float y = card.y + pad;
    drawSpinner(ui, card.centreX(), y + r, r, ImGui::GetTime());
    y += 2 * r + ui.px(44);
    y += drawText(ui, FontRole::Button, title, card.centreX(), y, palette::text, inner,
                  Align::Centre);
    y += ui.px(12);
    drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner,
             Align::Centre);
}

void drawDiscardDialog(UiContext& ui) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
    ImGui::SetNextWindowFocus();
    ImGui::Begin("##dossier-discard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height),
                                              palette::scrim.packed());
    const float w = std::min(ui.width - 2 * ui.metrics.margin, ui.px(880));
    const float pad = ui.px(56), inner = w - 2 * pad;
    const std::string& title = ui.t("dossier.discard.title");
    const std::string& body = ui.t("dossier.discard.body");
    const float bh = ui.metrics.touchMin * 1.15f;
    float h = pad + textHeight(ui, FontRole::Title, title, inner) + ui.px(24) +
              textHeight(ui, FontRole::Body, body, inner) + ui.px(40) + 2 * bh + ui.metrics.gap +
              pad;
    Rect card{(ui.width - w) * 0.5f, (ui.height - h) * 0.5f, w, h};
    drawCard(ui, card);
    float y = card.y + pad;
    y += drawText(ui, FontRole::Title, title, card.centreX(), y, palette::text, inner,
                  Align::Centre);
    y += ui.px(24);
    y += drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner,
                  Align::Centre);
    y += ui.px(40);
    if (bigButton(ui, {"discard:keep", ui.t("dossier.discard.keep"),
                       Rect{card.x + pad, y, inner, bh}, ButtonStyle::Primary}))
        ui.session.dossierFlow().keepEditing();
    y += bh + ui.metrics.gap;
    if (bigButton(ui, {"discard:confirm", ui.t("dossier.discard.confirm"),
                       Rect{card.x + pad, y, inner, bh}, ButtonStyle::Danger}))
        ui.session.discardDossier();
    ImGui::End();
}

}  // namespace dvc::ui::dossier
