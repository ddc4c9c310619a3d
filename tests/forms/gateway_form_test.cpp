// The form endpoint of the real dvc-gateway over TLS, and the schema it serves validating
// submissions as the dossier endpoint will.
#include <catch2/catch.hpp>

#include <httplib.h>

#include "forms/validation.h"
#include "gateway_process.h"

using namespace dvc;
using json = nlohmann::json;

namespace {

std::unique_ptr<httplib::SSLClient> clientFor(const test::GatewayProcess& gw) {
    auto port = std::stoi(gw.url().substr(gw.url().rfind(':') + 1));
    auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
    c->set_ca_cert_path(gw.caFile().c_str());
    c->enable_server_certificate_verification(true);
    c->set_connection_timeout(5, 0);
    c->set_read_timeout(5, 0);
    return c;
}

}  // namespace

TEST_CASE("GET /procedures/{code}/form serves the seed schema over TLS") {
    test::GatewayProcess gw("forms");
    auto client = clientFor(gw);

    auto res = client->Get("/api/v1/procedures/1.001193/form");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto schema = forms::parseFormSchemaText(res->body, false);
    REQUIRE(schema.ok());
    CHECK(schema->procedureCode == "1.001193");
    REQUIRE(schema->field("tre"));
    CHECK(schema->field("tre")->type == forms::FieldType::Group);

    // The schema from the wire judges a submission as the gateway will.
    auto problems = forms::validateSubmission(*schema, {{"so_dien_thoai", "12345"}});
    bool phone = false;
    for (const auto& p : problems)
        phone = phone || (p.field == "so_dien_thoai" && p.code == "invalid_format");
    CHECK(phone);

    // Revalidation by ETag.
    auto etag = res->get_header_value("ETag");
    CHECK(etag == "\"form-1.001193-v1\"");
    auto again = client->Get("/api/v1/procedures/1.001193/form", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);

    for (const char* code :
         {"1.000894", "1.004873", "2.000635", "2.000815", "1.004222", "1.013225", "2.000720"}) {
        auto r = client->Get(std::string("/api/v1/procedures/") + code + "/form");
        REQUIRE(r);
        CHECK(r->status == 200);
    }

    auto noForm = client->Get("/api/v1/procedures/1.000656/form");  // khai tử: no e-form yet
    REQUIRE(noForm);
    CHECK(noForm->status == 404);
    CHECK(json::parse(noForm->body)["code"] == "form_not_found");

    auto noProcedure = client->Get("/api/v1/procedures/9.999999/form");
    REQUIRE(noProcedure);
    CHECK(noProcedure->status == 404);
    CHECK(json::parse(noProcedure->body)["code"] == "procedure_not_found");

    auto post = client->Post("/api/v1/procedures/1.001193/form", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(gw.stop() == 0);
}
