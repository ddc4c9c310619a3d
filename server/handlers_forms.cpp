// GET /api/v1/procedures/{code}/form: the procedure's e-form schema (docs/forms.md).
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

bool looksLikeProcedureCode(const std::string& code) {
    if (code.empty() || code.size() > 40) return false;
    for (char c : code)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '.' || c == '-'))
            return false;
    return true;
}

Problem formNotFound() {
    Problem p;
    p.status = 404;
    p.code = "form_not_found";
    p.message = {"Thủ tục này chưa có tờ khai điện tử; vui lòng khai tại quầy.",
                 "This procedure has no electronic form yet; please fill it in at the counter."};
    return p;
}

}  // namespace

void procedureForm(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    std::string code = req.matches[1];
    if (!looksLikeProcedureCode(code)) {
        sendProblem(res, problems::invalidField("code", "not a procedure code"));
        return;
    }
    auto schema = store.form(code);
    if (!schema) {
        sendProblem(res, store.procedure(code) ? formNotFound() : problems::procedureNotFound());
        return;
    }
    std::string etag = "\"form-" + code + "-v" + std::to_string(schema->value("version", 0)) + "\"";
    res.set_header("ETag", etag);
    if (req.has_header("If-None-Match") &&
        etagMatches(req.get_header_value("If-None-Match"), etag)) {
        res.status = 304;
        return;
    }
    sendJson(res, *schema);
}

}  // namespace dvc::gateway::handlers
