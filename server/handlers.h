#pragma once
// Handlers of the implemented Kiosk API v1 operations (docs/api/openapi.yaml). Each writes a
// JSON body or a problem; routes.cpp wires them to paths and catches what they throw.
#include <httplib.h>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "server/store.h"

namespace dvc::gateway::handlers {

void health(const httplib::Request& req, httplib::Response& res);
void catalog(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void procedure(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void procedureForm(GatewayStore& store, const httplib::Request& req, httplib::Response& res);

void dossier(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void lookupDossiers(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
// POST /api/v1/dossiers (handlers_submissions.cpp).
void createDossier(GatewayStore& store, const httplib::Request& req, httplib::Response& res);

void heartbeat(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void kioskConfig(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void maintenanceNotices(GatewayStore& store, const httplib::Request& req, httplib::Response& res);

void queueServices(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void issueTicket(GatewayStore& store, const httplib::Request& req, httplib::Response& res);
void queueTicket(GatewayStore& store, const httplib::Request& req, httplib::Response& res);

void notImplemented(const httplib::Request& req, httplib::Response& res);

// The request body as JSON; on failure a 400 invalid_json problem is written and nullopt
// returned. The parser's message goes to the client only, never to the log.
std::optional<nlohmann::json> parseJsonBody(const httplib::Request& req, httplib::Response& res);

// "If-None-Match" holds etag (or "*"), allowing lists and weak validators.
bool etagMatches(const std::string& ifNoneMatch, const std::string& etag);

}  // namespace dvc::gateway::handlers
