#pragma once
// Owning pointers for the OpenSSL objects used by the SOD, passive authentication and the test
// PKI. Internal to the chip stack; headers meant for callers never expose OpenSSL types.
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace dvc::emrtd::ossl {

struct Free {
    void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};

using Cms = std::unique_ptr<CMS_ContentInfo, Free>;
using Cert = std::unique_ptr<X509, Free>;
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Bio = std::unique_ptr<BIO, Free>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Free>;
using CertStack = std::unique_ptr<STACK_OF(X509), Free>;

}  // namespace dvc::emrtd::ossl
