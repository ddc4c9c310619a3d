#include "server/request_log.h"

#include <chrono>
#include <cstdio>

#include "domain/dossier_code.h"
#include "log/log.h"

namespace dvc::gateway {

namespace {

bool hasLongDigitRun(std::string_view s) {
    int run = 0;
    for (char c : s) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run >= 9) return true;
    }
    return false;
}

// Letters, digits, '.', '_' and '-' only (kiosk ids, procedure codes).
bool isPlainToken(std::string_view s) {
    for (char c : s) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  c == '.' || c == '_' || c == '-';
        if (!ok) return false;
    }
    return !s.empty();
}

// When the current request on this worker thread started. httplib serves one request at a
// time per thread, so the pre-routing handler and the logger of one request meet here.
thread_local std::chrono::steady_clock::time_point tRequestStart{};

}  // namespace

std::string redactPathForLog(std::string_view path) {
    constexpr std::size_t kMax = 160;
    std::string out;
    std::string_view previous;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') {
            out += '/';
            ++i;
            continue;
        }
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(i, end - i);
        if (previous == "dossiers" && seg != "lookup")
            out += isValidDossierCode(seg) ? redactDossierCode(seg) : std::string("****");
        else if (previous == "kiosks" && !isPlainToken(seg))
            out += "****";
        else if (hasLongDigitRun(seg))
            out += "****";
        else
            out += seg;
        previous = seg;
        i = end;
    }
    // Decoded paths may hold control characters; one request must stay one log line.
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    if (out.size() > kMax) out = out.substr(0, kMax) + "…";
    return out;
}

void installRequestLog(httplib::Server& server) {
    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        tRequestStart = std::chrono::steady_clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        std::string line =
            req.method + " " + redactPathForLog(req.path) + " " + std::to_string(res.status);
        if (tRequestStart != std::chrono::steady_clock::time_point{}) {
            auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - tRequestStart)
                          .count();
            char ms[32];
            std::snprintf(ms, sizeof ms, " %.1f ms", static_cast<double>(us) / 1000.0);
            line += ms;
        }
        tRequestStart = {};
        log::info("http", line);
    });
}

}  // namespace dvc::gateway
