#pragma once
// The trusted Country Signing CA certificates: a PEM file (one or more certificates), a DER
// file, or a directory of them (*.pem, *.crt, *.cer, *.der). Kept as data, never compiled in.
#include <filesystem>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::emrtd {

enum class CscaStoreError {
    NotFound,        // the path does not exist
    Unreadable,      // cannot be read
    NoCertificates,  // readable, but no certificate in it
    BadCertificate,  // a file (or bytes) that is not a certificate
};

const char* cscaStoreErrorName(CscaStoreError error);

class CscaStore {
  public:
    // A file: every certificate in it must parse. A directory: files with the extensions above
    // are read, unparseable ones are skipped (and logged); at least one certificate is needed.
    static Result<CscaStore, CscaStoreError> load(const std::filesystem::path& path);

    // PEM (possibly several) or DER; returns how many certificates were added.
    Result<std::size_t, CscaStoreError> add(ByteView pemOrDer);

    std::size_t size() const { return certificates_.size(); }
    bool empty() const { return certificates_.empty(); }
    const std::vector<Bytes>& certificates() const { return certificates_; }  // DER

  private:
    std::vector<Bytes> certificates_;
};

}  // namespace dvc::emrtd
