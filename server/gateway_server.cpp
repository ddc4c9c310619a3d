#include "server/gateway_server.h"

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "log/log.h"

namespace dvc::gateway {

namespace {

std::string takeSslError() {
    std::string out;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out;
}

}  // namespace

GatewayServer::GatewayServer(GatewayStore& store) : store_(store) {}

GatewayServer::~GatewayServer() {
    stop();
}

Result<int, std::string> GatewayServer::start(const GatewayOptions& options) {
    if (server_) return fail(std::string("the gateway server is already started"));
    std::string tlsError;
    auto setup = [&](SSL_CTX& ctx) {
        SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
        if (SSL_CTX_use_certificate_chain_file(&ctx, options.certificate.c_str()) != 1) {
            tlsError = "cannot load " + options.certificate.string() + ": " + takeSslError();
            return false;
        }
        if (SSL_CTX_use_PrivateKey_file(&ctx, options.privateKey.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(&ctx) != 1) {
            tlsError = "cannot load " + options.privateKey.string() + ": " + takeSslError();
            return false;
        }
        return true;
    };
    auto server = std::make_unique<httplib::SSLServer>(setup);
    if (!server->is_valid())
        return fail(tlsError.empty() ? "cannot set up TLS: " + takeSslError() : tlsError);

    // httplib's default also sets SO_REUSEPORT, which would let a second gateway bind the same
    // port silently; SO_REUSEADDR alone allows quick restarts and still reports a busy port.
    server->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server->set_read_timeout(10, 0);
    server->set_write_timeout(10, 0);
    // Short keep-alive: a kiosk reconnects cheaply, and SIGTERM waits for idle connections.
    server->set_keep_alive_timeout(2);
    // Headers and body go out in separate writes; without this, Nagle + delayed ACK add 40 ms.
    server->set_tcp_nodelay(true);
    installRoutes(*server, store_, options.payloadLimit);

    errno = 0;
    int port = options.port == 0
                   ? server->bind_to_any_port(options.host)
                   : (server->bind_to_port(options.host, options.port) ? options.port : -1);
    if (port < 0) {
        int err = errno;
        return fail("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
                    (err == EADDRINUSE ? std::string("the port is already in use")
                     : err != 0        ? std::string(std::strerror(err))
                                       : std::string("bind failed")));
    }
    port_ = port;
    server_ = std::move(server);
    finished_ = false;
    thread_ = std::thread([this] {
        if (!server_->listen_after_bind()) log::error("gateway", "the listener stopped on error");
        finished_ = true;
    });
    // stop() only works once the listener runs; wait for it so a quick stop() cannot be lost.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_->is_running() && !finished_ && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!server_->is_running()) {
        stop();
        return fail(std::string("the listener did not start"));
    }
    return port;
}

void GatewayServer::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

}  // namespace dvc::gateway
