#pragma once
// Passive authentication (ICAO 9303-11 §5.1): the SOD's signature with the Document Signer
// certificate it carries, the DS certificate against a trusted CSCA, and every data group read
// against its hash in the SOD. Policy for an expired DS certificate: see docs/emrtd.md.
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "identity/emrtd/bytes.h"
#include "identity/emrtd/csca_store.h"

namespace dvc::emrtd {

enum class PaVerdict {
    Verified,             // genuine, nothing to remark
    VerifiedWithWarning,  // genuine data; `reason` says what to note (an expired DS certificate)
    NotVerified,          // do not trust the chip's data
};

enum class PaReason {
    None,
    NoCscaTrustStore,          // no (or an empty) trust store configured
    SodMalformed,              // EF.SOD missing or not parseable
    UnsupportedAlgorithm,      // a hash or signature algorithm this reader does not accept
    NoDsCertificate,           // the SignedData carries no certificate matching its signer
    SignatureInvalid,          // the SOD's signature (or its messageDigest) does not verify
    CscaUnknown,               // no trusted CSCA has the DS certificate's issuer name
    DsNotSignedByCsca,         // a CSCA with that name exists but did not sign the DS certificate
    DsCertificateNotYetValid,  // the DS certificate's validity starts after today
    SignedOutsideDsValidity,   // the SOD's signing time is outside the DS certificate's validity
    DsCertificateExpired,      // warning only (see the policy): the DS certificate has expired
    DgHashMismatch,            // dataGroup: its content differs from the signed hash
    DgNotInSod,                // dataGroup: read from the chip but not covered by the SOD
};

struct PassiveAuthResult {
    PaVerdict verdict = PaVerdict::NotVerified;
    PaReason reason = PaReason::None;
    int dataGroup = 0;                    // for DgHashMismatch / DgNotInSod
    std::vector<int> verifiedDataGroups;  // whose hashes matched
    std::string detail;  // technician detail (algorithms, OpenSSL reason); no personal data
};

// `dataGroups`: DG number → the file's bytes as read. `store` may be null (no trust store).
PassiveAuthResult verifyPassive(ByteView sodFile, const std::map<int, Bytes>& dataGroups,
                                const CscaStore* store, std::chrono::system_clock::time_point now);

const char* paVerdictName(PaVerdict verdict);
const char* paReasonName(PaReason reason);  // "dg_hash_mismatch", …
// Message key in assets/i18n: "emrtd.pa.verified", "emrtd.pa.verified_with_warning.<reason>",
// "emrtd.pa.not_verified.<reason>".
std::string i18nKey(const PassiveAuthResult& result);
// Replaces "{dg}" in a translated message with "DG2" etc.
std::string fillPassiveAuthMessage(std::string message, const PassiveAuthResult& result);

}  // namespace dvc::emrtd
