#pragma once
// A temporary data directory, and a gateway served in-process over TLS on 127.0.0.1:0.
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "server/dev_pki.h"
#include "server/gateway_server.h"
#include "server/store.h"

namespace dvc::gateway::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

std::filesystem::path testSeedDir();
std::string readFile(const std::filesystem::path& file);

struct GatewayFixture {
    explicit GatewayFixture(std::size_t payloadLimit = kDefaultPayloadLimit);
    ~GatewayFixture();

    // A client that trusts the fixture's dev CA and verifies the server certificate.
    std::unique_ptr<httplib::SSLClient> client() const;

    TempDir dir;
    PkiReport pki;
    std::unique_ptr<GatewayStore> store;
    std::unique_ptr<GatewayServer> server;
    int port = 0;
};

nlohmann::json bodyJson(const httplib::Result& res);

}  // namespace dvc::gateway::test
