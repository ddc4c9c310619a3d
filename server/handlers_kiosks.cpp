#include <ctime>

#include "api/json_mapping.h"
#include "server/clock.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

bool isValidKioskId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

// The kiosk id from the path, checked against its pattern and, when the kiosk sends one,
// the X-Kiosk-Id header. Writes the problem and returns nullopt when refused.
std::optional<std::string> kioskIdOf(const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    if (!isValidKioskId(id)) {
        sendProblem(res, problems::invalidField("kiosk_id",
                                                "kiosk_id must match "
                                                "[A-Za-z0-9._-]{1,64}"));
        return std::nullopt;
    }
    if (req.has_header("X-Kiosk-Id") && req.get_header_value("X-Kiosk-Id") != id) {
        sendProblem(res, problems::kioskMismatch("path kiosk_id differs from X-Kiosk-Id"));
        return std::nullopt;
    }
    return id;
}

// "[json.exception.out_of_range.403] key 'uptime_s' not found" → "uptime_s".
std::string missingKey(const std::string& what) {
    auto open = what.find("key '");
    if (open == std::string::npos) return {};
    auto close = what.find('\'', open + 5);
    return close == std::string::npos ? std::string() : what.substr(open + 5, close - open - 5);
}

}  // namespace

void heartbeat(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    auto kioskId = kioskIdOf(req, res);
    if (!kioskId) return;
    auto body = parseJsonBody(req, res);
    if (!body) return;
    if (!body->is_object()) {
        sendProblem(res, problems::invalidJson("expected a JSON object"));
        return;
    }
    Heartbeat hb;
    try {
        hb = body->get<Heartbeat>();
    } catch (const json::out_of_range& e) {
        auto key = missingKey(e.what());
        sendProblem(
            res, key.empty() ? problems::invalidField("", e.what()) : problems::missingField(key));
        return;
    } catch (const json::exception& e) {
        sendProblem(res, problems::invalidField("", e.what()));
        return;
    }
    if (hb.uptimeSeconds < 0) {
        sendProblem(res, problems::invalidField("uptime_s", "uptime_s must not be negative"));
        return;
    }
    if (hb.outboxPending < 0) {
        sendProblem(
            res, problems::invalidField("outbox_pending", "outbox_pending must not be negative"));
        return;
    }
    hb.kioskId = *kioskId;
    std::time_t now = std::time(nullptr);
    store.recordHeartbeat(hb, isoVietnamTime(now));
    HeartbeatReply reply;
    reply.serverTime = isoVietnamTime(now);
    reply.configVersion = store.configVersion();
    reply.maintenance = store.maintenanceNotices(now);
    sendJson(res, reply);
}

void kioskConfig(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    if (!kioskIdOf(req, res)) return;
    sendJson(res, {{"config_version", store.configVersion()},
                   {"idle_timeout_s", 60},
                   {"language", "vi"},
                   {"services_enabled", json::array({"status_lookup"})},
                   {"centre_name", store.centreName()}});
}

void maintenanceNotices(GatewayStore& store, const httplib::Request&, httplib::Response& res) {
    sendJson(res, {{"notices", store.maintenanceNotices(std::time(nullptr))}});
}

}  // namespace dvc::gateway::handlers
