#include "api/json_mapping.h"

#include <array>
#include <utility>

namespace dvc {

namespace {

template <class E, std::size_t N>
E enumFromName(const std::array<std::pair<E, std::string_view>, N>& table, const json& j,
               const char* what) {
    const auto& name = j.get_ref<const std::string&>();
    for (const auto& [value, n] : table)
        if (n == name) return value;
    throw json::other_error::create(501, std::string("unknown ") + what + " '" + name + "'", &j);
}

template <class E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, n] : table)
        if (v == value) return n;
    return table[0].second;
}

constexpr std::array<std::pair<Tier, std::string_view>, 3> kTiers{
    {{Tier::Commune, "xa"}, {Tier::District, "huyen"}, {Tier::Province, "tinh"}}};
constexpr std::array<std::pair<OnlineScope, std::string_view>, 3> kScopes{
    {{OnlineScope::Full, "toan_trinh"}, {OnlineScope::Partial, "mot_phan"},
     {OnlineScope::None, "khong"}}};
constexpr std::array<std::pair<DeviceHealth, std::string_view>, 4> kHealth{
    {{DeviceHealth::Ok, "ok"}, {DeviceHealth::Warning, "warning"}, {DeviceHealth::Error, "error"},
     {DeviceHealth::Absent, "absent"}}};

DossierState stateFrom(const json& j) {
    auto s = dossierStateFromApi(j.get_ref<const std::string&>());
    if (!s) throw json::other_error::create(501, "unknown dossier status", &j);
    return *s;
}

std::string optString(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

}  // namespace

std::string_view apiName(Tier tier) { return nameOf(kTiers, tier); }
std::string_view apiName(OnlineScope scope) { return nameOf(kScopes, scope); }
std::string_view apiName(DeviceHealth health) { return nameOf(kHealth, health); }

void to_json(json& j, const DeviceReport& d) {
    j = json{{"status", apiName(d.health)}, {"detail", d.detail}};
}
void from_json(const json& j, DeviceReport& d) {
    d.health = enumFromName(kHealth, j.at("status"), "device status");
    d.detail = optString(j, "detail");
}

void to_json(json& j, const BilingualText& t) { j = json{{"vi", t.vi}, {"en", t.en}}; }
void from_json(const json& j, BilingualText& t) {
    j.at("vi").get_to(t.vi);
    j.at("en").get_to(t.en);
}

void to_json(json& j, const HistoryEntry& h) {
    j = json{{"at", h.at}, {"status", apiName(h.state)}, {"actor", h.actor}, {"note", h.note}};
}
void from_json(const json& j, HistoryEntry& h) {
    j.at("at").get_to(h.at);
    h.state = stateFrom(j.at("status"));
    h.actor = optString(j, "actor");
    h.note = optString(j, "note");
}

void to_json(json& j, const DossierStatus& d) {
    j = json{{"code", d.code},
             {"procedure_code", d.procedureCode},
             {"procedure_name", d.procedureName},
             {"agency", d.agency},
             {"applicant_name", d.applicantName},
             {"received_at", d.receivedAt},
             {"due_at", d.dueAt},
             {"finished_at", d.finishedAt ? json(*d.finishedAt) : json(nullptr)},
             {"status", apiName(d.state)},
             {"history", d.history}};
}
void from_json(const json& j, DossierStatus& d) {
    j.at("code").get_to(d.code);
    j.at("procedure_code").get_to(d.procedureCode);
    j.at("procedure_name").get_to(d.procedureName);
    d.agency = optString(j, "agency");
    j.at("applicant_name").get_to(d.applicantName);
    j.at("received_at").get_to(d.receivedAt);
    j.at("due_at").get_to(d.dueAt);
    auto fin = j.find("finished_at");
    if (fin != j.end() && fin->is_string()) d.finishedAt = fin->get<std::string>();
    d.state = stateFrom(j.at("status"));
    d.history.clear();
    if (auto h = j.find("history"); h != j.end()) h->get_to(d.history);
}

void to_json(json& j, const ProcedureSummary& p) {
    j = json{{"code", p.code},
             {"name", p.name},
             {"tier", apiName(p.tier)},
             {"field", p.field},
             {"agency", p.agency},
             {"service_level", p.serviceLevel},
             {"online", apiName(p.online)},
             {"time_limit_days", p.timeLimitDays},
             {"fee_vnd", p.feeVnd},
             {"keywords", p.keywords},
             {"version", p.version}};
}
void from_json(const json& j, ProcedureSummary& p) {
    j.at("code").get_to(p.code);
    j.at("name").get_to(p.name);
    p.tier = enumFromName(kTiers, j.at("tier"), "tier");
    j.at("field").get_to(p.field);
    p.agency = optString(j, "agency");
    j.at("service_level").get_to(p.serviceLevel);
    p.online = enumFromName(kScopes, j.at("online"), "online scope");
    j.at("time_limit_days").get_to(p.timeLimitDays);
    j.at("fee_vnd").get_to(p.feeVnd);
    p.keywords = j.value("keywords", std::vector<std::string>{});
    p.version = j.value("version", 1);
}

void to_json(json& j, const CatalogPage& c) {
    j = json{{"version", c.version},
             {"etag", c.etag},
             {"full", c.full},
             {"procedures", c.procedures},
             {"removed", c.removed}};
}
void from_json(const json& j, CatalogPage& c) {
    j.at("version").get_to(c.version);
    c.etag = optString(j, "etag");
    c.full = j.value("full", true);
    j.at("procedures").get_to(c.procedures);
    c.removed = j.value("removed", std::vector<std::string>{});
}

void to_json(json& j, const Heartbeat& h) {
    j = json{{"app_version", h.appVersion},
             {"uptime_s", h.uptimeSeconds},
             {"ui_state", h.uiState},
             {"devices",
              {{"card_reader", h.cardReader},
               {"qr", h.qr},
               {"printer", h.printer},
               {"scanner", h.scanner}}},
             {"outbox_pending", h.outboxPending}};
}
void from_json(const json& j, Heartbeat& h) {
    j.at("app_version").get_to(h.appVersion);
    j.at("uptime_s").get_to(h.uptimeSeconds);
    h.uiState = optString(j, "ui_state");
    if (auto d = j.find("devices"); d != j.end() && d->is_object()) {
        if (d->contains("card_reader")) d->at("card_reader").get_to(h.cardReader);
        if (d->contains("qr")) d->at("qr").get_to(h.qr);
        if (d->contains("printer")) d->at("printer").get_to(h.printer);
        if (d->contains("scanner")) d->at("scanner").get_to(h.scanner);
    }
    h.outboxPending = j.value("outbox_pending", 0);
}

void to_json(json& j, const MaintenanceNotice& m) {
    j = json{{"id", m.id},
             {"starts_at", m.startsAt},
             {"ends_at", m.endsAt},
             {"message", m.message},
             {"blocks_submission", m.blocksSubmission}};
}
void from_json(const json& j, MaintenanceNotice& m) {
    j.at("id").get_to(m.id);
    j.at("starts_at").get_to(m.startsAt);
    j.at("ends_at").get_to(m.endsAt);
    j.at("message").get_to(m.message);
    m.blocksSubmission = j.value("blocks_submission", false);
}

void to_json(json& j, const HeartbeatReply& r) {
    j = json{{"server_time", r.serverTime},
             {"config_version", r.configVersion},
             {"maintenance", r.maintenance}};
}
void from_json(const json& j, HeartbeatReply& r) {
    j.at("server_time").get_to(r.serverTime);
    j.at("config_version").get_to(r.configVersion);
    r.maintenance = j.value("maintenance", std::vector<MaintenanceNotice>{});
}

void to_json(json& j, const Problem& p) {
    j = json{{"type", "https://dvc-kiosk.example/problems/" + p.code},
             {"status", p.status},
             {"code", p.code},
             {"message", p.message}};
    if (!p.detail.empty()) j["detail"] = p.detail;
    if (!p.field.empty()) j["field"] = p.field;
    if (!p.errors.empty()) j["errors"] = p.errors;
}
void from_json(const json& j, Problem& p) {
    j.at("status").get_to(p.status);
    j.at("code").get_to(p.code);
    if (j.contains("message")) j.at("message").get_to(p.message);
    p.detail = optString(j, "detail");
    p.field = optString(j, "field");
    p.errors.clear();
    if (auto it = j.find("errors"); it != j.end() && it->is_array())
        for (const auto& e : *it)
            if (e.is_object() && e.contains("field") && e["field"].is_string() &&
                e.contains("code") && e["code"].is_string()) {
                FieldError fe;
                from_json(e, fe);
                p.errors.push_back(std::move(fe));
            }
}

void to_json(json& j, const FieldError& e) {
    j = json{{"field", e.field}, {"code", e.code}, {"message", e.message}};
}
void from_json(const json& j, FieldError& e) {
    j.at("field").get_to(e.field);
    j.at("code").get_to(e.code);
    e.message = {};
    if (auto it = j.find("message"); it != j.end() && it->is_object()) {
        e.message.vi = optString(*it, "vi");
        e.message.en = optString(*it, "en");
    }
}

}  // namespace dvc
