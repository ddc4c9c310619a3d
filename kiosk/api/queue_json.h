#pragma once
// JSON shapes of the queue operations (docs/api/openapi.yaml: QueueService, TicketRequest,
// Ticket, TicketStatus), shared by the client, the gateway and dvc-kioskctl.
#include "api/json_mapping.h"
#include "domain/queue.h"

namespace dvc {

void to_json(json& j, const QueueService& s);
void from_json(const json& j, QueueService& s);
void to_json(json& j, const TicketRequest& r);
void from_json(const json& j, TicketRequest& r);  // throws json::exception on a bad priority
void to_json(json& j, const QueueTicket& t);
void from_json(const json& j, QueueTicket& t);

}  // namespace dvc
