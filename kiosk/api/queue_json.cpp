#include "api/queue_json.h"

namespace dvc {

void to_json(json& j, const QueueService& s) {
    j = json{{"id", s.id},
             {"name", s.name},
             {"counters", s.counters},
             {"priority_allowed", s.priorityAllowed},
             {"waiting", s.waiting}};
}

void from_json(const json& j, QueueService& s) {
    j.at("id").get_to(s.id);
    j.at("name").get_to(s.name);
    j.at("counters").get_to(s.counters);
    j.at("priority_allowed").get_to(s.priorityAllowed);
    j.at("waiting").get_to(s.waiting);
}

void to_json(json& j, const TicketRequest& r) {
    j = json{{"service_id", r.serviceId}, {"priority", priorityApiName(r.priority)}};
    if (r.procedureCode) j["procedure_code"] = *r.procedureCode;
}

void from_json(const json& j, TicketRequest& r) {
    j.at("service_id").get_to(r.serviceId);
    auto name = j.at("priority").get<std::string>();
    auto p = priorityFromApi(name);
    if (!p) throw json::other_error::create(501, "unknown priority '" + name + "'", &j);
    r.priority = *p;
    if (j.contains("procedure_code") && !j["procedure_code"].is_null())
        r.procedureCode = j["procedure_code"].get<std::string>();
}

void to_json(json& j, const QueueTicket& t) {
    j = json{{"ticket_id", t.ticketId},
             {"number", t.number},
             {"service_id", t.serviceId},
             {"counter", t.counter},
             {"issued_at", t.issuedAt},
             {"people_ahead", t.peopleAhead},
             {"estimated_wait_minutes", t.estimatedWaitMinutes},
             {"follow_url", t.followUrl}};
    if (!t.state.empty()) j["state"] = t.state;
}

void from_json(const json& j, QueueTicket& t) {
    j.at("ticket_id").get_to(t.ticketId);
    j.at("number").get_to(t.number);
    j.at("service_id").get_to(t.serviceId);
    j.at("counter").get_to(t.counter);
    j.at("issued_at").get_to(t.issuedAt);
    j.at("people_ahead").get_to(t.peopleAhead);
    j.at("estimated_wait_minutes").get_to(t.estimatedWaitMinutes);
    j.at("follow_url").get_to(t.followUrl);
    t.state = j.value("state", std::string());
}

}  // namespace dvc
