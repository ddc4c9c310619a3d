#pragma once
// A test PKI for the simulated CCCD: a self-signed CSCA, a Document Signer certificate it
// issues (valid, expired or not yet valid), and two look-alike CSCAs for failure tests: one
// with the same name but another key (→ ds_not_signed_by_csca) and one with another name
// (→ csca_unknown). Made with OpenSSL at run time; nothing secret is committed.
#include <chrono>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::card::sim {

enum class KeyKind { EcP256, Rsa2048 };
enum class DsValidity { Valid, Expired, NotYetValid };

struct Credential {
    emrtd::Bytes certificateDer;
    std::string certificatePem;
    std::string privateKeyPem;  // PKCS#8
    std::chrono::system_clock::time_point notBefore;
    std::chrono::system_clock::time_point notAfter;
};

struct TestPkiOptions {
    KeyKind cscaKey = KeyKind::EcP256;
    KeyKind dsKey = KeyKind::EcP256;
    DsValidity dsValidity = DsValidity::Valid;
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

struct TestPki {
    Credential csca;
    Credential ds;
    Credential impostorCsca;  // same subject name as csca, other key
    Credential foreignCsca;   // another subject name
};

Result<TestPki, std::string> generateTestPki(const TestPkiOptions& options = {});

// The building blocks, for tests that need more than one DS.
Result<Credential, std::string> makeCsca(const std::string& commonName, KeyKind key,
                                         std::chrono::system_clock::time_point notBefore,
                                         std::chrono::system_clock::time_point notAfter);
Result<Credential, std::string> issueDocumentSigner(const Credential& csca, KeyKind key,
                                                    std::chrono::system_clock::time_point notBefore,
                                                    std::chrono::system_clock::time_point notAfter);

// Writes the certificate as "<dir>/<name>.pem" (creating dir), for a trust-store directory.
Result<std::filesystem::path, std::string> writeCertificatePem(const Credential& credential,
                                                               const std::filesystem::path& dir,
                                                               const std::string& name);

}  // namespace dvc::card::sim
