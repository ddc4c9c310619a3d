#include "identity/emrtd/csca_store.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

#include "identity/emrtd/openssl_ptr.h"
#include "log/log.h"

namespace dvc::emrtd {
namespace {

Bytes toDer(X509* cert) {
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    Bytes out;
    if (n > 0) out.assign(der, der + n);
    OPENSSL_free(der);
    return out;
}

std::optional<Bytes> readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return data;
}

}  // namespace

const char* cscaStoreErrorName(CscaStoreError error) {
    switch (error) {
        case CscaStoreError::NotFound:
            return "not_found";
        case CscaStoreError::Unreadable:
            return "unreadable";
        case CscaStoreError::NoCertificates:
            return "no_certificates";
        case CscaStoreError::BadCertificate:
            return "bad_certificate";
    }
    return "unknown";
}

Result<std::size_t, CscaStoreError> CscaStore::add(ByteView data) {
    std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    std::vector<Bytes> found;
    if (text.find("-----BEGIN") != std::string_view::npos) {
        ossl::Bio bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
        if (!bio) return fail(CscaStoreError::Unreadable);
        for (;;) {
            ossl::Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
            if (!cert) break;
            found.push_back(toDer(cert.get()));
        }
        // The loop ends on "no more PEM" (expected) or on a damaged block (an error).
        unsigned long err = ERR_peek_last_error();
        bool endOfData = ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
        ERR_clear_error();
        if (!endOfData && err != 0) return fail(CscaStoreError::BadCertificate);
    } else {
        const unsigned char* p = data.data();
        ossl::Cert cert(d2i_X509(nullptr, &p, static_cast<long>(data.size())));
        ERR_clear_error();
        if (!cert || p != data.data() + data.size()) return fail(CscaStoreError::BadCertificate);
        found.push_back(toDer(cert.get()));
    }
    if (found.empty()) return fail(CscaStoreError::NoCertificates);
    for (auto& der : found)
        if (std::find(certificates_.begin(), certificates_.end(), der) == certificates_.end())
            certificates_.push_back(std::move(der));
    return found.size();
}

Result<CscaStore, CscaStoreError> CscaStore::load(const std::filesystem::path& path) {
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return fail(CscaStoreError::NotFound);

    CscaStore store;
    if (std::filesystem::is_directory(status)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
            auto ext = entry.path().extension().string();
            if (entry.is_regular_file() &&
                (ext == ".pem" || ext == ".crt" || ext == ".cer" || ext == ".der"))
                files.push_back(entry.path());
        }
        if (ec) return fail(CscaStoreError::Unreadable);
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            auto data = readFile(file);
            if (!data || !store.add(*data))
                log::warn("csca", "skipping unreadable CSCA file " + file.filename().string());
        }
        if (store.empty()) return fail(CscaStoreError::NoCertificates);
        return store;
    }
    auto data = readFile(path);
    if (!data) return fail(CscaStoreError::Unreadable);
    auto added = store.add(*data);
    if (!added) return fail(added.error());
    return store;
}

}  // namespace dvc::emrtd
