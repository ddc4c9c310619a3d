#include "https_portal_client.h"

#include <curl/curl.h>

#include "api/json_mapping.h"
#include "api/procedure_detail_json.h"
#include "api/submission_json.h"
#include "api/queue_json.h"
#include "curl_error_mapping.h"

namespace dvc {

namespace {

constexpr std::size_t kMaxResponseBytes = 4 * 1024 * 1024;

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    std::size_t n = size * count;
    if (body->size() + n > kMaxResponseBytes) return 0;  // makes curl fail with a write error
    body->append(data, n);
    return n;
}

template <class T>
Result<T, PortalError> decode(const HttpsPortalClient::Response& r, const char* what,
                              long expectedStatus = 200) {
    if (r.status != expectedStatus) return fail(portalErrorFromHttp(r.status, r.body));
    auto parsed = parseJson<T>(r.body);
    if (!parsed) {
        PortalError e;
        e.kind = PortalErrorKind::BadResponse;
        e.httpStatus = static_cast<int>(r.status);
        e.detail = std::string(what) + ": " + parsed.error();
        return fail(std::move(e));
    }
    return std::move(parsed).value();
}

}  // namespace

struct HttpsPortalClient::Handle {
    CURL* curl = nullptr;
    ~Handle() {
        if (curl) curl_easy_cleanup(curl);
    }
};

HttpsPortalClient::HttpsPortalClient(BackendConfig config, std::string kioskId)
    : config_(std::move(config)), kioskId_(std::move(kioskId)), handle_(std::make_unique<Handle>()) {
    initCurlOnce();
    while (!config_.url.empty() && config_.url.back() == '/') config_.url.pop_back();
}

HttpsPortalClient::~HttpsPortalClient() = default;

Result<HttpsPortalClient::Response, PortalError> HttpsPortalClient::request(
    const std::string& method, const std::string& path, const std::string& body,
    const std::vector<std::string>& extraHeaders) {
    std::lock_guard lock(mutex_);
    if (!handle_->curl) handle_->curl = curl_easy_init();
    CURL* c = handle_->curl;
    curl_easy_reset(c);  // keeps the connection cache, drops the previous request's options

    Response response;
    char errorText[CURL_ERROR_SIZE] = {0};
    const std::string url = config_.url + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!config_.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.caFile.c_str());
    if (!config_.clientCert.empty()) {
        curl_easy_setopt(c, CURLOPT_SSLCERT, config_.clientCert.c_str());
        curl_easy_setopt(c, CURLOPT_SSLKEY, config_.clientKey.c_str());
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.connectTimeoutMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.requestTimeoutMs));
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "dvc-kiosk/" DVC_VERSION);

    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, ("X-Kiosk-Id: " + kioskId_).c_str());
    for (const auto& h : extraHeaders) headers = curl_slist_append(headers, h.c_str());
    if (method == "POST") {
        headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    } else if (method != "GET") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        PortalError e;
        e.kind = rc == CURLE_WRITE_ERROR ? PortalErrorKind::BadResponse : portalErrorKindFor(rc);
        e.detail = std::string(curl_easy_strerror(rc)) + (errorText[0] ? ": " : "") + errorText;
        return fail(std::move(e));
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    char* type = nullptr;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    if (type) response.contentType = type;
    return response;
}

Result<DossierStatus, PortalError> HttpsPortalClient::dossierStatus(const std::string& code) {
    char* escaped = curl_easy_escape(nullptr, code.c_str(), static_cast<int>(code.size()));
    std::string path = "/api/v1/dossiers/" + std::string(escaped ? escaped : "");
    curl_free(escaped);
    auto r = request("GET", path);
    if (!r) return fail(r.error());
    auto status = decode<DossierStatus>(r.value(), "dossier status");
    if (status && status->code != code) {
        PortalError e;
        e.kind = PortalErrorKind::BadResponse;
        e.httpStatus = static_cast<int>(r->status);
        e.detail = "answer is about another dossier";
        return fail(std::move(e));
    }
    return status;
}

Result<CatalogPage, PortalError> HttpsPortalClient::catalog(std::optional<int> sinceVersion) {
    std::string path = "/api/v1/catalog";
    if (sinceVersion) path += "?since_version=" + std::to_string(*sinceVersion);
    auto r = request("GET", path);
    if (!r) return fail(r.error());
    return decode<CatalogPage>(r.value(), "catalog");
}

Result<std::optional<CatalogPage>, PortalError> HttpsPortalClient::catalogIfChanged(
    std::optional<int> sinceVersion, const std::string& etag) {
    std::string path = "/api/v1/catalog";
    if (sinceVersion) path += "?since_version=" + std::to_string(*sinceVersion);
    // Header injection guard: an ETag is a quoted token and never spans lines.
    bool sendEtag = !etag.empty() && etag.find_first_of("\r\n") == std::string::npos;
    auto r = request("GET", path, {},
                     sendEtag ? std::vector<std::string>{"If-None-Match: " + etag}
                              : std::vector<std::string>{});
    if (!r) return fail(r.error());
    if (r->status == 304) return std::optional<CatalogPage>();
    auto page = decode<CatalogPage>(r.value(), "catalog");
    if (!page) return fail(page.error());
    return std::optional<CatalogPage>(std::move(page).value());
}

Result<ProcedureDetail, PortalError> HttpsPortalClient::procedureDetail(const std::string& code) {
    char* escaped = curl_easy_escape(nullptr, code.c_str(), static_cast<int>(code.size()));
    std::string path = "/api/v1/procedures/" + std::string(escaped ? escaped : "");
    curl_free(escaped);
    auto r = request("GET", path);
    if (!r) return fail(r.error());
    auto detail = decode<ProcedureDetail>(r.value(), "procedure detail");
    if (detail && detail->summary.code != code) {
        PortalError e;
        e.kind = PortalErrorKind::BadResponse;
        e.httpStatus = static_cast<int>(r->status);
        e.detail = "answer is about another procedure";
        return fail(std::move(e));
    }
    return detail;
}

Result<forms::FormSchema, PortalError> HttpsPortalClient::formSchema(const std::string& code) {
    char* escaped = curl_easy_escape(nullptr, code.c_str(), static_cast<int>(code.size()));
    std::string path = "/api/v1/procedures/" + std::string(escaped ? escaped : "") + "/form";
    curl_free(escaped);
    auto r = request("GET", path);
    if (!r) return fail(r.error());
    if (r->status != 200) return fail(portalErrorFromHttp(r->status, r->body));
    auto bad = [&](std::string detail) {
        PortalError e;
        e.kind = PortalErrorKind::BadResponse;
        e.httpStatus = static_cast<int>(r->status);
        e.detail = std::move(detail);
        return e;
    };
    auto schema = forms::parseFormSchemaText(r->body, false);
    if (!schema) return fail(bad("form schema: " + schema.error().text()));
    if (schema->procedureCode != code) return fail(bad("form schema is about another procedure"));
    return std::move(schema).value();
}

Result<HeartbeatReply, PortalError> HttpsPortalClient::heartbeat(const Heartbeat& beat) {
    char* escaped = curl_easy_escape(nullptr, beat.kioskId.c_str(),
                                     static_cast<int>(beat.kioskId.size()));
    std::string path = "/api/v1/kiosks/" + std::string(escaped ? escaped : "") + "/heartbeat";
    curl_free(escaped);
    auto r = request("POST", path, json(beat).dump());
    if (!r) return fail(r.error());
    return decode<HeartbeatReply>(r.value(), "heartbeat");
}

Result<DossierReceipt, PortalError> HttpsPortalClient::submitDossier(
    const DossierSubmission& submission, const std::string& idempotencyKey) {
    // Header injection guard: the key goes into a header line verbatim.
    for (char c : idempotencyKey) {
        if (c == '\r' || c == '\n' || idempotencyKey.size() > 64) {
            PortalError e;
            e.kind = PortalErrorKind::InvalidRequest;
            e.detail = "idempotency key is not a header-safe token";
            return fail(std::move(e));
        }
    }
    auto r = request("POST", "/api/v1/dossiers",
                     json(submission).dump(-1, ' ', false, json::error_handler_t::replace),
                     {"Idempotency-Key: " + idempotencyKey});
    if (!r) return fail(r.error());
    // 201: created now; 200: a replay of a request the gateway already accepted.
    if (r->status != 200 && r->status != 201) return fail(portalErrorFromHttp(r->status, r->body));
    auto parsed = parseJson<DossierReceipt>(r->body);
    if (!parsed) {
        PortalError e;
        e.kind = PortalErrorKind::BadResponse;
        e.httpStatus = static_cast<int>(r->status);
        e.detail = "dossier receipt: " + parsed.error();
        return fail(std::move(e));
    }
    return std::move(parsed).value();
}

Result<std::vector<QueueService>, PortalError> HttpsPortalClient::queueServices() {
    auto r = request("GET", "/api/v1/queue/services");
    if (!r) return fail(r.error());
    auto list = decode<json>(r.value(), "queue services");
    if (!list) return fail(list.error());
    try {
        return list->at("services").get<std::vector<QueueService>>();
    } catch (const json::exception& e) {
        PortalError err;
        err.kind = PortalErrorKind::BadResponse;
        err.httpStatus = static_cast<int>(r->status);
        err.detail = std::string("queue services: ") + e.what();
        return fail(std::move(err));
    }
}

Result<QueueTicket, PortalError> HttpsPortalClient::issueTicket(const TicketRequest& request) {
    json body = request;
    body["kiosk_id"] = kioskId_;
    auto r = this->request("POST", "/api/v1/queue/tickets", body.dump());
    if (!r) return fail(r.error());
    return decode<QueueTicket>(r.value(), "queue ticket", 201);
}

Result<QueueTicket, PortalError> HttpsPortalClient::queueTicket(const std::string& ticketId) {
    char* escaped = curl_easy_escape(nullptr, ticketId.c_str(), static_cast<int>(ticketId.size()));
    std::string path = "/api/v1/queue/tickets/" + std::string(escaped ? escaped : "");
    curl_free(escaped);
    auto r = request("GET", path);
    if (!r) return fail(r.error());
    return decode<QueueTicket>(r.value(), "queue ticket");
}

}  // namespace dvc
