#include "server/routes.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "log/log.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"
#include "server/request_log.h"

namespace dvc::gateway {

namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

// A path parameter: one non-empty segment (httplib matches the patterns as regexes).
constexpr std::string_view kSegment = "([^/]+)";

void reportException(const Request& req, Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
        if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    log::error("http",
               "handler failed for " + req.method + " " + redactPathForLog(req.path) + ": " + what);
    res.headers.clear();
    sendProblem(res, problems::internalError());
}

// Registers handlers and remembers (method, pattern) so a 404 can become a 405 when the
// path exists under another method.
class RouteTable {
  public:
    RouteTable(httplib::Server& server, std::size_t payloadLimit)
        : server_(server), payloadLimit_(payloadLimit) {}

    void add(const std::string& method, const std::string& pattern,
             httplib::Server::Handler handler) {
        auto guarded = [handler = std::move(handler), limit = payloadLimit_](const Request& req,
                                                                             Response& res) {
            // httplib 0.11 enforces the limit on Content-Length only; a chunked body gets here.
            if (req.body.size() > limit) {
                sendProblem(res, problems::payloadTooLarge(limit));
                return;
            }
            try {
                handler(req, res);
            } catch (...) {
                reportException(req, res, std::current_exception());
            }
        };
        if (method == "GET")
            server_.Get(pattern, guarded);
        else
            server_.Post(pattern, guarded);
        routes_.push_back({method, pattern});
    }

    std::string allowedMethods(const std::string& path) const {
        std::string allowed;
        for (const auto& r : routes_) {
            if (!matches(r.pattern, path)) continue;
            if (allowed.find(r.method) != std::string::npos) continue;
            if (!allowed.empty()) allowed += ", ";
            allowed += r.method;
            if (r.method == "GET") allowed += ", HEAD";
        }
        return allowed;
    }

  private:
    struct Route {
        std::string method;
        std::string pattern;
    };

    // The route patterns here are literal segments and kSegment; matching them segment by
    // segment keeps std::regex (and GCC 12's false warnings about it) out of this file.
    static bool matches(std::string_view pattern, std::string_view path) {
        while (!pattern.empty() && !path.empty()) {
            // kSegment holds a '/' of its own, so it is recognised before splitting.
            bool wildcard = pattern.substr(1, kSegment.size()) == kSegment;
            auto pEnd =
                wildcard ? 1 + kSegment.size() : std::min(pattern.find('/', 1), pattern.size());
            auto sEnd = std::min(path.find('/', 1), path.size());
            std::string_view p = pattern.substr(0, pEnd), seg = path.substr(0, sEnd);
            if (wildcard ? (seg.size() < 2 || seg[0] != '/') : p != seg) return false;
            pattern.remove_prefix(pEnd);
            path.remove_prefix(sEnd);
        }
        return pattern.empty() && path.empty();
    }
    httplib::Server& server_;
    std::size_t payloadLimit_;
    std::vector<Route> routes_;
};

}  // namespace

void installRoutes(httplib::Server& server, GatewayStore& store, std::size_t payloadLimit) {
    namespace h = handlers;
    auto table = std::make_shared<RouteTable>(server, payloadLimit);
    GatewayStore* s = &store;
    auto with = [s](void (*fn)(GatewayStore&, const Request&, Response&)) {
        return [s, fn](const Request& req, Response& res) { fn(*s, req, res); };
    };
    const std::string v1 = "/api/v1";
    const std::string seg(kSegment);

    // Implemented (docs/api/openapi.yaml, x-gateway-status: implemented).
    table->add("GET", v1 + "/health", h::health);
    table->add("GET", v1 + "/catalog", with(h::catalog));
    table->add("GET", v1 + "/procedures/" + seg, with(h::procedure));
    table->add("GET", v1 + "/procedures/" + seg + "/form", with(h::procedureForm));
    table->add("POST", v1 + "/dossiers/lookup", with(h::lookupDossiers));
    table->add("POST", v1 + "/dossiers", with(h::createDossier));
    table->add("GET", v1 + "/dossiers/" + seg, with(h::dossier));
    table->add("POST", v1 + "/kiosks/" + seg + "/heartbeat", with(h::heartbeat));
    table->add("GET", v1 + "/kiosks/" + seg + "/config", with(h::kioskConfig));
    table->add("GET", v1 + "/maintenance-notices", with(h::maintenanceNotices));
    table->add("GET", v1 + "/queue/services", with(h::queueServices));
    table->add("POST", v1 + "/queue/tickets", with(h::issueTicket));
    table->add("GET", v1 + "/queue/tickets/" + seg, with(h::queueTicket));

    // Part of the contract, not implemented by the reference gateway yet: 501, not 404.
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"POST", "/dossiers/" + seg + "/attachments"},
             {"GET", "/dossiers/" + seg + "/fees"},
             {"POST", "/payments"},
             {"GET", "/payments/" + seg},
             {"POST", "/ratings"},
             {"GET", "/statistics"},
         })
        table->add(method, v1 + path, h::notImplemented);

    server.set_payload_max_length(payloadLimit);
    server.set_exception_handler(reportException);
    // Called for every status >= 400, including those a handler set: a body already written
    // (a specific problem) is kept; only httplib's own bare errors are turned into problems.
    httplib::Server::HandlerWithResponse onError = [table, payloadLimit](const Request& req,
                                                                         Response& res) {
        if (!res.body.empty()) return HandlerResponse::Unhandled;
        if (res.status == 404) {
            auto allowed = table->allowedMethods(req.path);
            if (!allowed.empty()) {
                res.set_header("Allow", allowed);
                sendProblem(res, problems::methodNotAllowed(allowed));
            } else {
                sendProblem(res, problems::notFound());
            }
        } else if (res.status == 413) {
            sendProblem(res, problems::payloadTooLarge(payloadLimit));
        } else {
            sendProblem(res, problems::forStatus(res.status));
        }
        return HandlerResponse::Handled;
    };
    server.set_error_handler(std::move(onError));
    installRequestLog(server);
}

}  // namespace dvc::gateway
