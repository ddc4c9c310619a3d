#include "portal/portal_client.h"

namespace dvc {

namespace {
PortalError queueUnavailable() {
    PortalError e;
    e.kind = PortalErrorKind::InvalidRequest;
    e.httpStatus = 501;
    e.code = "not_implemented";
    e.detail = "this portal client has no queue operations";
    return e;
}
}  // namespace

Result<std::vector<QueueService>, PortalError> PortalClient::queueServices() {
    return fail(queueUnavailable());
}
Result<QueueTicket, PortalError> PortalClient::issueTicket(const TicketRequest&) {
    return fail(queueUnavailable());
}
Result<QueueTicket, PortalError> PortalClient::queueTicket(const std::string&) {
    return fail(queueUnavailable());
}

}  // namespace dvc
