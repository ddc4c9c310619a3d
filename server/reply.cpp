#include "server/reply.h"

#include "api/json_mapping.h"

namespace dvc::gateway {

std::string dumpJson(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void sendJson(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(dumpJson(body), kJsonType);
}

void sendProblem(httplib::Response& res, const Problem& problem) {
    res.status = problem.status;
    res.set_content(dumpJson(json(problem)), kProblemType);
}

}  // namespace dvc::gateway
