#include <catch2/catch.hpp>

#include "curl_error_mapping.h"

using namespace dvc;

TEST_CASE("transport failures map to what the citizen is told") {
    CHECK(portalErrorKindFor(CURLE_COULDNT_CONNECT) == PortalErrorKind::Unreachable);
    CHECK(portalErrorKindFor(CURLE_COULDNT_RESOLVE_HOST) == PortalErrorKind::Unreachable);
    CHECK(portalErrorKindFor(CURLE_OPERATION_TIMEDOUT) == PortalErrorKind::Timeout);
    CHECK(portalErrorKindFor(CURLE_PEER_FAILED_VERIFICATION) == PortalErrorKind::TlsFailure);
    CHECK(portalErrorKindFor(CURLE_SSL_CONNECT_ERROR) == PortalErrorKind::TlsFailure);
    CHECK(portalErrorKindFor(CURLE_GOT_NOTHING) == PortalErrorKind::BadResponse);
}

TEST_CASE("HTTP errors use the problem object when there is one") {
    auto nf = portalErrorFromHttp(
        404, R"({"status":404,"code":"dossier_not_found","message":{"vi":"Không thấy","en":"No"}})");
    CHECK(nf.kind == PortalErrorKind::NotFound);
    CHECK(nf.code == "dossier_not_found");
    CHECK(nf.message.vi == "Không thấy");
    // A bare 404 (wrong URL, a proxy's page) is a configuration fault, not a missing dossier.
    CHECK(portalErrorFromHttp(404, "<html>Not Found</html>").kind == PortalErrorKind::BadResponse);
    CHECK(portalErrorFromHttp(503, "").kind == PortalErrorKind::ServerError);
    CHECK(portalErrorFromHttp(400, "{}").kind == PortalErrorKind::InvalidRequest);
}
