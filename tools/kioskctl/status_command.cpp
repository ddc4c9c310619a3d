#include "status_command.h"

#include <cstdio>

#include "api/json_mapping.h"
#include "domain/dossier_code.h"
#include "domain/time_format.h"
#include "exit_codes.h"
#include "privacy/mask.h"

namespace dvc::kioskctl {

namespace {

int exitCodeFor(PortalErrorKind kind) {
    switch (kind) {
        case PortalErrorKind::NotFound: return kNotFound;
        case PortalErrorKind::Unreachable:
        case PortalErrorKind::Timeout:
        case PortalErrorKind::TlsFailure: return kUnreachable;
        default: return kBadResponse;
    }
}

void printHuman(const DossierStatus& d) {
    std::printf("Mã hồ sơ:        %s\n", d.code.c_str());
    std::printf("Thủ tục:         %s (%s)\n", d.procedureName.c_str(), d.procedureCode.c_str());
    std::printf("Cơ quan:         %s\n", d.agency.c_str());
    std::printf("Người nộp:       %s\n", maskPersonName(d.applicantName).c_str());
    std::printf("Ngày tiếp nhận:  %s\n", formatDateTime(d.receivedAt).c_str());
    std::printf("Ngày hẹn trả:    %s\n", formatDateTime(d.dueAt).c_str());
    if (d.finishedAt) std::printf("Ngày hoàn thành: %s\n", formatDateTime(*d.finishedAt).c_str());
    std::printf("Trạng thái:      %s\n", std::string(apiName(d.state)).c_str());
    std::printf("Lịch sử:\n");
    for (const auto& h : d.history)
        std::printf("  %s  %-15s %s%s%s\n", formatDateTime(h.at).c_str(),
                    std::string(apiName(h.state)).c_str(), h.actor.c_str(),
                    h.note.empty() ? "" : " — ", h.note.c_str());
}

}  // namespace

int statusLookup(PortalClient& portal, const std::string& input, bool asJson) {
    auto code = extractDossierCode(input);
    if (!code) {
        std::fprintf(stderr, "not a dossier code: expected AGENCY-YYMMDD-NNNN, e.g. "
                             "000.00.19.H42-261123-0001\n");
        return kUsage;
    }
    auto result = portal.dossierStatus(*code);
    if (result) {
        DossierStatus d = result.value();
        d.applicantName = maskPersonName(d.applicantName);
        if (asJson) {
            json j = d;
            j["found"] = true;
            std::printf("%s\n", j.dump().c_str());
        } else {
            printHuman(d);
        }
        return kOk;
    }
    const PortalError& e = result.error();
    if (asJson) {
        json j{{"found", false},
               {"code", *code},
               {"error",
                {{"kind", kindName(e.kind)},
                 {"http_status", e.httpStatus},
                 {"problem_code", e.code},
                 {"message", e.message},
                 {"detail", e.detail}}}};
        std::printf("%s\n", j.dump().c_str());
    } else {
        std::fprintf(stderr, "%s: %s%s%s\n", kindName(e.kind), e.detail.c_str(),
                     e.message.en.empty() ? "" : " — ", e.message.en.c_str());
    }
    return exitCodeFor(e.kind);
}

}  // namespace dvc::kioskctl
