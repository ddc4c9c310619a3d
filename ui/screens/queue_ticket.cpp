// "Lấy số thứ tự": priority groups, the service groups as large rows, then the ticket shown big
// (number, counter, people ahead, estimated wait) with what the printer did. A failed print
// keeps the number on screen with the printer's fault in plain words and "In lại".
#include <imgui.h>
#include <algorithm>
#include <string>

#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

const char* priorityKey(PriorityCategory p) {
    switch (p) {
        case PriorityCategory::Elderly:
            return "priority.elderly";
        case PriorityCategory::Disabled:
            return "priority.disabled";
        case PriorityCategory::Pregnant:
            return "priority.pregnant";
        case PriorityCategory::ChildUnder6:
            return "priority.child_under_6";
        case PriorityCategory::None:
            break;
    }
    return "";
}

// A coloured band with one message (the printer's fault, the elderly priority).
float drawNotice(UiContext& ui, std::string_view text, float x, float y, float w, Colour fill,
                 Colour ink, Icon icon, std::string_view id) {
    const float pad = ui.px(22);
    const float iconSize = ui.px(44);
    const float tw = w - 3 * pad - iconSize;
    const float h = std::max(iconSize, textHeight(ui, FontRole::BodyBold, text, tw)) + 2 * pad;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), fill.packed(),
                                              ui.metrics.smallRadius);
    drawIcon(ImGui::GetWindowDrawList(), icon, x + pad + iconSize * 0.5f, y + h * 0.5f, iconSize,
             ink);
    const float th = textHeight(ui, FontRole::BodyBold, text, tw);
    drawText(ui, FontRole::BodyBold, text, x + 2 * pad + iconSize, y + (h - th) * 0.5f, ink, tw);
    ui.record.addWidget(std::string(id), std::string(text), Rect{x, y, w, h}, false);
    return h;
}

void drawWaiting(UiContext& ui, Rect area, const std::string& message) {
    const float r = ui.px(56);
    drawSpinner(ui, area.centreX(), area.y + ui.px(160), r, ImGui::GetTime());
    drawText(ui, FontRole::Button, message, area.centreX(), area.y + ui.px(160) + r + ui.px(40),
             palette::text, area.w, Align::Centre);
}

// One service group: a large row with its name, counters and how many wait now.
bool drawServiceRow(UiContext& ui, const QueueService& s, Rect r, bool priorityChosen) {
    const std::string id = "queue:service:" + s.id;
    const std::string& name = s.name.in(ui.session.language());
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(r.w, r.h));
    bool pressed = ImGui::IsItemActive();
    ui.record.addWidget(id, name, r, true);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                      (pressed ? palette::primarySoft : palette::surface).packed(),
                      ui.metrics.radius);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette::primary.packed(),
                ui.metrics.radius, 0, ui.px(3));
    const float pad = ui.px(28);
    const float iconSize = ui.px(64);
    drawIcon(dl, Icon::Ticket, r.x + pad + iconSize * 0.5f, r.centreY(), iconSize,
             palette::primary);
    const float tx = r.x + 2 * pad + iconSize;
    const float tw = r.right() - pad - tx;
    std::string counters;
    for (const auto& c : s.counters) counters += (counters.empty() ? "" : ", ") + c;
    std::string detail = fillPlaceholder(ui.t("queue.counters"), "counters", counters) + "  ·  " +
                         fillPlaceholder(ui.t("queue.waiting_now"), "n", std::to_string(s.waiting));
    if (priorityChosen && !s.priorityAllowed) detail += "  ·  " + ui.t("queue.no_priority_here");
    const float h = textHeight(ui, FontRole::Button, name, tw) + ui.px(8) +
                    textHeight(ui, FontRole::Body, detail, tw);
    float y = r.centreY() - h * 0.5f;
    y += drawText(ui, FontRole::Button, name, tx, y, palette::text, tw) + ui.px(8);
    drawText(ui, FontRole::Body, detail, tx, y, palette::textSecondary, tw);
    return clicked;
}

void drawChoose(UiContext& ui, Rect area) {
    QueueFlow& flow = ui.session.queue();
    const Metrics& m = ui.metrics;
    float y = area.y;
    // Before the number is taken: a printer in fault means no paper ticket, say so now.
    const std::string fault = ui.session.printJobs().faultKey();
    if (!fault.empty())
        y += drawNotice(ui, ui.t("queue.printer_fault_warning") + " (" + ui.t(fault) + ")", area.x,
                        y, area.w, palette::warningSoft, palette::warningText, Icon::Alert,
                        "queue:printer_warning") +
             m.gap;

    // Priority: automatic by age from the card, else declared (checked at the counter).
    if (flow.elderlyByAge()) {
        y += drawNotice(ui, ui.t("queue.priority.elderly_auto"), area.x, y, area.w,
                        palette::successSoft, palette::success, Icon::Check,
                        "queue:priority_elderly") +
             m.gap;
    } else {
        y += drawText(ui, FontRole::BodyBold, ui.t("queue.priority.title"), area.x, y,
                      palette::text, area.w) +
             ui.px(10);
        const float bh = m.touchMin * 1.05f;
        const float bw = (area.w - m.gap) * 0.5f;
        const struct {
            PriorityCategory category;
            const char* id;
            const char* key;
        } toggles[] = {
            {PriorityCategory::Disabled, "queue:priority:disabled", "queue.priority.disabled"},
            {PriorityCategory::Pregnant, "queue:priority:pregnant", "queue.priority.pregnant"}};
        for (int i = 0; i < 2; ++i) {
            const bool on = flow.declaredPriority() == toggles[i].category;
            Rect r{area.x + static_cast<float>(i) * (bw + m.gap), y, bw, bh};
            if (bigButton(ui, {toggles[i].id, ui.t(toggles[i].key), r,
                               on ? ButtonStyle::Primary : ButtonStyle::Secondary, true,
                               FontRole::Button, on ? Icon::Check : Icon::None}))
                flow.toggleDeclaredPriority(toggles[i].category);
        }
        y += bh + ui.px(10);
        y += drawText(ui, FontRole::Small, ui.t("queue.priority.note"), area.x, y,
                      palette::textSecondary, area.w);
        if (!ui.session.identity().confirmed())
            y += drawText(ui, FontRole::Small, ui.t("queue.priority.identify_hint"), area.x, y,
                          palette::textSecondary, area.w);
        y += m.gap;
    }

    y += drawText(ui, FontRole::BodyBold, ui.t("queue.choose"), area.x, y, palette::text, area.w) +
         ui.px(14);
    const auto& services = flow.services();
    if (services.empty()) return;
    const float rowGap = m.gap * 0.7f;
    // Portrait: one column; landscape: two, so four groups fit without scrolling.
    const int cols = ui.portrait ? 1 : 2;
    const int rows = (static_cast<int>(services.size()) + cols - 1) / cols;
    const float colW = (area.w - static_cast<float>(cols - 1) * m.gap) / static_cast<float>(cols);
    const float rowH = std::clamp(
        (area.bottom() - y - rowGap * static_cast<float>(rows - 1)) / static_cast<float>(rows),
        m.touchMin * 1.2f, ui.px(200));
    const bool priorityChosen = flow.priority() != PriorityCategory::None;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto& s = services[i];
        const float x = area.x + static_cast<float>(static_cast<int>(i) % cols) * (colW + m.gap);
        const float ry = y + static_cast<float>(static_cast<int>(i) / cols) * (rowH + rowGap);
        if (drawServiceRow(ui, s, Rect{x, ry, colW, rowH}, priorityChosen)) {
            flow.selectService(s.id);
            break;  // the list is gone once a ticket is being issued
        }
    }
}

void drawFailed(UiContext& ui, Rect area) {
    QueueFlow& flow = ui.session.queue();
    const float pad = ui.px(48);
    Rect card{area.x, area.y, area.w, std::min(area.h, ui.px(560))};
    drawCard(ui, card, palette::surface, Colour::rgb(0xE7A3AD));
    float y = card.y + pad;
    drawIcon(ImGui::GetWindowDrawList(), Icon::Alert, card.centreX(), y + ui.px(56), ui.px(112),
             palette::accentRed);
    y += ui.px(140);
    y += drawText(ui, FontRole::Button, ui.t("queue.failed.title"), card.centreX(), y,
                  palette::text, card.w - 2 * pad, Align::Centre);
    y += ui.px(14);
    y += drawText(ui, FontRole::Body, ui.t(flow.errorKey()), card.centreX(), y, palette::text,
                  card.w - 2 * pad, Align::Centre);
    y += ui.px(40);
    const float bw = std::min(card.w - 2 * pad, ui.px(520));
    if (bigButton(ui, {"queue:retry", ui.t("queue.retry"),
                       Rect{card.centreX() - bw * 0.5f, y, bw, ui.metrics.touchMin * 1.15f},
                       ButtonStyle::Primary}))
        flow.retry();
}

// The ticket, big, whatever the printer did.
void drawTicket(UiContext& ui, Rect area) {
    QueueFlow& flow = ui.session.queue();
    const QueueTicket* t = flow.ticket();
    if (!t) return;
    const Metrics& m = ui.metrics;
    const float pad = ui.px(40);
    const float buttonsH = m.touchMin * 1.2f;
    // Portrait: one column; landscape: the number on the left, the details on the right.
    Rect card{area.x, area.y, area.w,
              std::min(area.h - buttonsH - m.gap, ui.px(ui.portrait ? 860 : 720))};
    drawCard(ui, card, palette::surface, palette::primary);
    const float colW = ui.portrait ? card.w - 2 * pad : (card.w - 3 * pad) * 0.5f;
    const float leftX = card.x + pad + colW * 0.5f;  // centre of the first column
    const float rightX = ui.portrait ? leftX : card.x + 2 * pad + colW * 1.5f;
    float y = card.y + pad;
    if (const QueueService* s = flow.service())
        y += drawText(ui, FontRole::Button, s->name.in(ui.session.language()), leftX, y,
                      palette::textSecondary, colW, Align::Centre) +
             ui.px(16);
    y += drawText(ui, FontRole::BodyBold, ui.t("queue.ticket.your_number"), leftX, y, palette::text,
                  colW, Align::Centre);

    // The number: the Display face (ASCII) at twice its size, as on the paper ticket.
    ImFont* display = ui.fonts.get(FontRole::Display);
    const float numberSize = ui.fonts.size(FontRole::Display) * 2.0f;
    ImVec2 ns = display->CalcTextSizeA(numberSize, FLT_MAX, 0.0f, t->number.c_str());
    ImGui::GetWindowDrawList()->AddText(display, numberSize, ImVec2(leftX - ns.x * 0.5f, y),
                                        palette::primary.packed(), t->number.c_str());
    ui.record.addText(t->number);
    ui.record.addWidget("queue:number", t->number, Rect{leftX - ns.x * 0.5f, y, ns.x, ns.y}, false);
    y += ns.y + ui.px(4);
    y += drawText(ui, FontRole::Title,
                  fillPlaceholder(ui.t("queue.ticket.go_to"), "counter", t->counter), leftX, y,
                  palette::text, colW, Align::Centre) +
         ui.px(20);

    if (!ui.portrait) y = card.y + pad + ui.px(60);
    y += drawText(ui, FontRole::Body,
                  fillPlaceholder(ui.t("queue.ticket.ahead"), "n", std::to_string(t->peopleAhead)),
                  rightX, y, palette::text, colW, Align::Centre);
    y += drawText(
        ui, FontRole::Body,
        fillPlaceholder(ui.t("queue.ticket.wait"), "n", std::to_string(t->estimatedWaitMinutes)),
        rightX, y, palette::text, colW, Align::Centre);
    if (flow.ticketPriority() != PriorityCategory::None)
        y += drawText(ui, FontRole::BodyBold,
                      fillPlaceholder(ui.t("queue.ticket.priority"), "category",
                                      ui.t(priorityKey(flow.ticketPriority()))),
                      rightX, y, palette::success, colW, Align::Centre);
    y += ui.px(24);

    // What the printer did.
    const float noticeX = rightX - colW * 0.5f;
    switch (flow.printState()) {
        case PrintState::Idle:
            break;
        case PrintState::Printing:
            drawSpinner(ui, rightX - ui.px(200), y + ui.px(28), ui.px(24), ImGui::GetTime());
            drawText(ui, FontRole::BodyBold, ui.t("queue.ticket.printing"), rightX - ui.px(160),
                     y + ui.px(8), palette::text);
            break;
        case PrintState::Printed:
            drawNotice(ui, ui.t("queue.ticket.printed"), noticeX, y, colW, palette::successSoft,
                       palette::success, Icon::Check, "queue:print_result");
            break;
        case PrintState::Failed:
            drawNotice(ui, ui.t(flow.printErrorKey()) + ". " + ui.t("queue.ticket.keep_number"),
                       noticeX, y, colW, palette::errorSoft, palette::accentRed, Icon::Alert,
                       "queue:print_result");
            break;
    }

    // "In lại" (the same ticket) after a failure; "Xong" always ends the visit.
    const float by = card.bottom() + m.gap;
    const bool canReprint =
        flow.printState() == PrintState::Failed && ui.session.printingAvailable();
    if (canReprint) {
        const float bw = (area.w - m.gap) * 0.5f;
        if (bigButton(ui, {"queue:reprint", ui.t("queue.reprint"), Rect{area.x, by, bw, buttonsH},
                           ButtonStyle::Secondary}))
            flow.reprint();
        if (bigButton(ui, {"queue:done", ui.t("queue.done"),
                           Rect{area.x + bw + m.gap, by, bw, buttonsH}, ButtonStyle::Primary}))
            ui.session.goHome();
    } else if (bigButton(ui, {"queue:done", ui.t("queue.done"), Rect{area.x, by, area.w, buttonsH},
                              ButtonStyle::Primary, flow.printState() != PrintState::Printing})) {
        ui.session.goHome();
    }
}

}  // namespace

void drawQueue(UiContext& ui, Rect content) {
    const Metrics& m = ui.metrics;
    QueueFlow& flow = ui.session.queue();
    float y = content.y + m.gap;
    y +=
        drawText(ui, FontRole::Title, ui.t("queue.title"), content.x, y, palette::text, content.w) +
        m.gap;
    Rect area{content.x, y, content.w, content.bottom() - y - m.gap};
    switch (flow.phase()) {
        case QueuePhase::LoadingServices:
            drawWaiting(ui, area, ui.t("queue.loading"));
            break;
        case QueuePhase::ChooseService:
            drawChoose(ui, area);
            break;
        case QueuePhase::Issuing:
            drawWaiting(ui, area, ui.t("queue.issuing"));
            break;
        case QueuePhase::Failed:
            drawFailed(ui, area);
            break;
        case QueuePhase::Ticket:
            drawTicket(ui, area);
            break;
    }
}

}  // namespace dvc::ui
