#pragma once
// JSON shapes of the Kiosk API v1 (docs/api/openapi.yaml), shared by the kiosk's client, the
// reference gateway and dvc-kioskctl, so all three agree on one mapping.
#include <nlohmann/json.hpp>
#include <string>

#include "api/problem.h"
#include "common/result.h"
#include "domain/dossier.h"
#include "domain/kiosk_health.h"
#include "domain/procedure.h"

namespace dvc {

using json = nlohmann::json;

void to_json(json& j, const HistoryEntry& h);
void from_json(const json& j, HistoryEntry& h);
void to_json(json& j, const DossierStatus& d);
void from_json(const json& j, DossierStatus& d);
void to_json(json& j, const ProcedureSummary& p);
void from_json(const json& j, ProcedureSummary& p);
void to_json(json& j, const CatalogPage& c);
void from_json(const json& j, CatalogPage& c);
void to_json(json& j, const DeviceReport& d);
void from_json(const json& j, DeviceReport& d);
void to_json(json& j, const Heartbeat& h);
void from_json(const json& j, Heartbeat& h);
void to_json(json& j, const MaintenanceNotice& m);
void from_json(const json& j, MaintenanceNotice& m);
void to_json(json& j, const HeartbeatReply& r);
void from_json(const json& j, HeartbeatReply& r);
void to_json(json& j, const Problem& p);
// `errors` is read leniently: entries without a string field and code are skipped, so one odd
// entry does not hide the problem's own code and message.
void from_json(const json& j, Problem& p);
void to_json(json& j, const FieldError& e);
void from_json(const json& j, FieldError& e);
void to_json(json& j, const BilingualText& t);
void from_json(const json& j, BilingualText& t);

std::string_view apiName(Tier tier);
std::string_view apiName(OnlineScope scope);
std::string_view apiName(DeviceHealth health);

// Parses body text into T; the error names what was wrong (for logs, never for citizens).
template <class T>
Result<T, std::string> parseJson(const std::string& body) {
    try {
        return json::parse(body).get<T>();
    } catch (const json::exception& e) {
        return fail(std::string(e.what()));
    }
}

}  // namespace dvc
