#pragma once
// The HTTPS listener: an httplib::SSLServer serving the routes on its own thread.
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "common/result.h"
#include "server/routes.h"
#include "server/store.h"

namespace httplib {
class SSLServer;
}

namespace dvc::gateway {

struct GatewayOptions {
    std::string host = "127.0.0.1";
    int port = 0;                       // 0: an ephemeral port, see GatewayServer::port()
    std::filesystem::path certificate;  // server certificate (PEM)
    std::filesystem::path privateKey;   // its key (PEM)
    std::size_t payloadLimit = kDefaultPayloadLimit;
};

class GatewayServer {
  public:
    explicit GatewayServer(GatewayStore& store);
    ~GatewayServer();  // stops
    GatewayServer(const GatewayServer&) = delete;
    GatewayServer& operator=(const GatewayServer&) = delete;

    // Loads the certificate, binds and starts serving; returns the bound port. Errors say what
    // failed (certificate, address in use, …).
    Result<int, std::string> start(const GatewayOptions& options);
    int port() const { return port_; }
    // Stops accepting, finishes the requests in progress and joins the thread. Idempotent.
    void stop();

  private:
    GatewayStore& store_;
    std::unique_ptr<httplib::SSLServer> server_;
    std::thread thread_;
    std::atomic<bool> finished_{false};
    int port_ = 0;
};

}  // namespace dvc::gateway
