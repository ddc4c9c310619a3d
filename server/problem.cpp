#include "server/problem.h"

namespace dvc::gateway::problems {

namespace {
Problem make(int status, std::string code, std::string vi, std::string en, std::string detail = {},
             std::string field = {}) {
    Problem p;
    p.status = status;
    p.code = std::move(code);
    p.message = {std::move(vi), std::move(en)};
    p.detail = std::move(detail);
    p.field = std::move(field);
    return p;
}
}  // namespace

Problem invalidJson(std::string detail) {
    return make(400, "invalid_json", "Dữ liệu gửi lên không hợp lệ.",
                "The request body is not valid JSON.", std::move(detail));
}

Problem missingField(std::string field) {
    return make(400, "missing_field", "Thiếu thông tin bắt buộc.", "A required field is missing.",
                "missing field '" + field + "'", field);
}

Problem invalidField(std::string field, std::string detail) {
    return make(400, "invalid_field", "Thông tin gửi lên không hợp lệ.",
                "A field has an invalid value.", std::move(detail), std::move(field));
}

Problem invalidDossierCode(std::string detail) {
    return make(400, "invalid_dossier_code", "Mã hồ sơ không đúng định dạng.",
                "The dossier code is not in a valid format.", std::move(detail), "code");
}

Problem dossierNotFound() {
    return make(404, "dossier_not_found", "Không tìm thấy hồ sơ với mã này.",
                "No dossier with this code.");
}

Problem procedureNotFound() {
    return make(404, "procedure_not_found", "Không tìm thấy thủ tục hành chính với mã này.",
                "No administrative procedure with this code.");
}

Problem kioskMismatch(std::string detail) {
    return make(403, "kiosk_mismatch", "Ki-ốt không có quyền thực hiện thao tác này.",
                "This kiosk is not allowed to perform this operation.", std::move(detail),
                "kiosk_id");
}

Problem notFound() {
    return make(404, "not_found", "Không tìm thấy địa chỉ yêu cầu.",
                "The requested resource does not exist.");
}

Problem methodNotAllowed(std::string allowed) {
    return make(405, "method_not_allowed", "Phương thức yêu cầu không được hỗ trợ.",
                "This method is not allowed for this resource.", "allowed: " + allowed);
}

Problem payloadTooLarge(std::size_t limit) {
    return make(413, "payload_too_large", "Dữ liệu gửi lên quá lớn.",
                "The request body is too large.",
                "request body exceeds the limit of " + std::to_string(limit) + " bytes");
}

Problem internalError() {
    return make(500, "internal_error", "Hệ thống đang gặp sự cố, vui lòng thử lại sau.",
                "A system error occurred, please try again later.");
}

Problem notImplemented() {
    return make(501, "not_implemented", "Chức năng này chưa được hỗ trợ.",
                "This function is not available yet.", "Not implemented in this gateway version");
}

Problem unsupportedMediaType(std::string detail) {
    return make(415, "unsupported_media_type", "Định dạng dữ liệu không được hỗ trợ.",
                "Unsupported media type.", std::move(detail));
}

Problem idempotencyConflict() {
    return make(409, "idempotency_conflict",
                "Yêu cầu trùng lặp với nội dung khác. Vui lòng thử lại.",
                "This request key was already used with different content. Please try again.",
                "body hash differs from the request first seen with this key", "Idempotency-Key");
}

Problem validationFailed() {
    return make(422, "validation_failed", "Thông tin khai chưa hợp lệ, vui lòng kiểm tra lại.",
                "Some information is invalid, please check again.");
}

Problem forStatus(int status) {
    switch (status) {
        case 400:
            return make(400, "bad_request", "Yêu cầu không hợp lệ.", "The request is malformed.");
        case 404:
            return notFound();
        case 413:
            return make(413, "payload_too_large", "Dữ liệu gửi lên quá lớn.",
                        "The request body is too large.");
        case 414:
            return make(414, "uri_too_long", "Địa chỉ yêu cầu quá dài.",
                        "The request URI is too long.");
        case 416:
            return make(416, "range_not_satisfiable", "Yêu cầu không hợp lệ.",
                        "The requested range cannot be served.");
        default:
            break;
    }
    if (status >= 500) {
        Problem p = internalError();
        p.status = status;
        return p;
    }
    return make(status, "http_" + std::to_string(status), "Yêu cầu không thực hiện được.",
                "The request could not be completed.");
}

}  // namespace dvc::gateway::problems

namespace dvc::gateway::problems {

Problem queueServiceNotFound() {
    Problem p = forStatus(404);
    p.code = "queue_service_not_found";
    p.message = {"Không tìm thấy dịch vụ lấy số này.", "No queue service with this id."};
    return p;
}

Problem ticketNotFound() {
    Problem p = forStatus(404);
    p.code = "ticket_not_found";
    p.message = {"Không tìm thấy số thứ tự này.", "No queue ticket with this id."};
    return p;
}

Problem priorityNotAllowed() {
    Problem p = forStatus(400);
    p.status = 422;
    p.code = "validation_failed";
    p.message = {"Dịch vụ này không cấp số ưu tiên.", "This service does not issue priority tickets."};
    p.detail = "priority other than none for a service without priority_allowed";
    p.field = "priority";
    return p;
}

Problem queueFull() {
    Problem p = forStatus(400);
    p.status = 429;
    p.code = "queue_full";
    p.message = {"Đã hết số thứ tự trong ngày cho dịch vụ này, vui lòng đến quầy.",
                 "No more numbers today for this service; please go to the counter."};
    return p;
}

}  // namespace dvc::gateway::problems
