#include <charconv>
#include <climits>

#include "api/json_mapping.h"
#include "server/clock.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

std::optional<int> parseVersion(const std::string& text) {
    int value = 0;
    if (text.empty() || text.size() > 10) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Procedure codes as the national database publishes them, e.g. "1.001193".
bool isValidProcedureCode(const std::string& code) {
    if (code.empty() || code.size() > 40) return false;
    auto alnum = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    };
    if (!alnum(code[0])) return false;
    for (char c : code)
        if (!alnum(c) && c != '.' && c != '-') return false;
    return true;
}

}  // namespace

void health(const httplib::Request&, httplib::Response& res) {
    sendJson(res, {{"status", "ok"}, {"version", DVC_VERSION}, {"time", isoVietnamNow()}});
}

void catalog(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    std::optional<int> since;
    if (req.has_param("since_version")) {
        since = parseVersion(req.get_param_value("since_version"));
        if (!since) {
            sendProblem(res, problems::invalidField("since_version",
                                                    "since_version must be a non-negative "
                                                    "integer"));
            return;
        }
    }
    CatalogPage page;
    page.version = store.catalogVersion();
    page.etag = "\"catalog-v" + std::to_string(page.version) + "\"";
    res.set_header("ETag", page.etag);
    if (req.has_header("If-None-Match") &&
        etagMatches(req.get_header_value("If-None-Match"), page.etag)) {
        res.status = 304;
        return;
    }
    // A kiosk claiming a version newer than ours (database rebuilt) gets the full catalogue.
    page.full = !since || *since > page.version;
    page.procedures = store.procedures(page.full ? 0 : *since);
    if (!page.full) page.removed = store.removedProcedures(*since);
    sendJson(res, page);
}

void procedure(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    std::string code = req.matches[1];
    if (!isValidProcedureCode(code)) {
        sendProblem(res, problems::invalidField("code", "not a procedure code"));
        return;
    }
    auto rec = store.procedure(code);
    if (!rec) {
        sendProblem(res, problems::procedureNotFound());
        return;
    }
    json body = rec->summary;
    body.update(rec->detail);
    sendJson(res, body);
}

}  // namespace dvc::gateway::handlers
