// Queue tickets (lấy số thứ tự): services, issue, follow.
#include <ctime>

#include "api/queue_json.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

// Where a citizen's phone reaches this gateway: the host the kiosk used.
std::string followBase(const httplib::Request& req) {
    auto host = req.get_header_value("Host");
    if (host.empty()) host = "localhost";
    return "https://" + host;
}

bool isTicketId(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '_'))
            return false;
    return true;
}

}  // namespace

void queueServices(GatewayStore& store, const httplib::Request&, httplib::Response& res) {
    sendJson(res, json{{"services", store.queueServices(std::time(nullptr))}});
}

void issueTicket(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    auto body = parseJsonBody(req, res);
    if (!body) return;
    if (!body->is_object()) {
        sendProblem(res, problems::invalidJson("expected a JSON object"));
        return;
    }
    for (const char* field : {"service_id", "kiosk_id", "priority"}) {
        if (!body->contains(field) || (*body)[field].is_null()) {
            sendProblem(res, problems::missingField(field));
            return;
        }
        if (!(*body)[field].is_string()) {
            sendProblem(res,
                        problems::invalidField(field, std::string(field) + " must be a string"));
            return;
        }
    }
    TicketRequest request;
    try {
        request = body->get<TicketRequest>();
    } catch (const json::exception&) {
        sendProblem(
            res,
            problems::invalidField(
                "priority", "priority must be none, elderly, disabled, pregnant or child_under_6"));
        return;
    }
    auto kioskId = (*body)["kiosk_id"].get<std::string>();
    if (req.has_header("X-Kiosk-Id") && req.get_header_value("X-Kiosk-Id") != kioskId) {
        sendProblem(res, problems::kioskMismatch("body kiosk_id differs from X-Kiosk-Id"));
        return;
    }
    auto ticket = store.issueTicket(request, kioskId, std::time(nullptr), followBase(req));
    if (!ticket) {
        switch (ticket.error()) {
            case TicketIssueError::UnknownService:
                sendProblem(res, problems::queueServiceNotFound());
                break;
            case TicketIssueError::PriorityNotAllowed:
                sendProblem(res, problems::priorityNotAllowed());
                break;
            case TicketIssueError::CounterFull:
                sendProblem(res, problems::queueFull());
                break;
        }
        return;
    }
    sendJson(res, json(ticket.value()), 201);
}

void queueTicket(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    auto ticket = isTicketId(id) ? store.queueTicket(id, followBase(req)) : std::nullopt;
    if (!ticket) {
        sendProblem(res, problems::ticketNotFound());
        return;
    }
    sendJson(res, json(*ticket));
}

}  // namespace dvc::gateway::handlers
