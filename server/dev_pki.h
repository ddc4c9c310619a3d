#pragma once
// A development PKI for the gateway, made with the OpenSSL C API: a CA (EC P-256, 10 years,
// basicConstraints CA:TRUE critical, keyUsage keyCertSign) and a server certificate it signs
// (EC P-256, 825 days, SAN IP:127.0.0.1 and DNS:localhost, extendedKeyUsage serverAuth).
// Kiosks pin the CA. Private keys are written with mode 0600, files atomically.
//
// An existing CA is never overwritten. The server certificate is (re)issued when it is
// missing, unreadable, expired (or within a day of it), not signed by the present CA, not
// matching its key, or not valid for 127.0.0.1.
#include <ctime>
#include <filesystem>
#include <string>

#include "common/result.h"

namespace dvc::gateway {

struct TlsFiles {
    std::filesystem::path caCert, caKey, serverCert, serverKey;
    // ca.pem, ca.key, server.pem, server.key in dir.
    static TlsFiles in(const std::filesystem::path& dir);
};

struct PkiReport {
    TlsFiles files;
    bool caCreated = false;
    bool serverIssued = false;
    std::string reason;  // why the server certificate was issued ("missing", "expired", …)
};

// Creates dir (mode 0700) and whatever is missing in it. `now` is the clock the validity
// periods start from and are checked against (tests pass a past time to make expired certs).
Result<PkiReport, std::string> ensureDevPki(const std::filesystem::path& dir,
                                            std::time_t now = std::time(nullptr));

}  // namespace dvc::gateway
