#include "server/handlers.h"

#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

std::optional<nlohmann::json> parseJsonBody(const httplib::Request& req, httplib::Response& res) {
    try {
        return nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::exception& e) {
        sendProblem(res, problems::invalidJson(e.what()));
        return std::nullopt;
    }
}

bool etagMatches(const std::string& ifNoneMatch, const std::string& etag) {
    std::size_t i = 0;
    while (i < ifNoneMatch.size()) {
        std::size_t end = ifNoneMatch.find(',', i);
        if (end == std::string::npos) end = ifNoneMatch.size();
        std::string_view tag(ifNoneMatch.data() + i, end - i);
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
        if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
        if (tag == "*" || tag == etag) return true;
        i = end + 1;
    }
    return false;
}

void notImplemented(const httplib::Request&, httplib::Response& res) {
    sendProblem(res, problems::notImplemented());
}

}  // namespace dvc::gateway::handlers
