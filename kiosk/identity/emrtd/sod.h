#pragma once
// EF.SOD: 77 → CMS SignedData (RFC 5652) whose eContent (type id-icao-mrtd-security-
// ldsSecurityObject, 2.23.136.1.1.1) is the LDSSecurityObject:
//   SEQUENCE { version INTEGER, hashAlgorithm AlgorithmIdentifier,
//              dataGroupHashValues SEQUENCE OF SEQUENCE { dataGroupNumber INTEGER, hash OCTET
//              STRING } }
// Parsing checks the structure only; the signature is passive authentication's job.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/lds.h"

namespace dvc::emrtd {

inline constexpr const char* kLdsSecurityObjectOid = "2.23.136.1.1.1";

struct Sod {
    int version = 0;                       // 0 (LDS 1.7) or 1 (with LDS version info)
    std::string hashAlgorithmOid;          // of the data-group hashes
    std::map<int, Bytes> dataGroupHashes;  // DG number → hash
    Bytes signedData;                      // the CMS ContentInfo DER (inside tag 77)
    std::vector<Bytes> certificates;       // DER, as carried in the SignedData (the DS)
    std::string digestAlgorithmOid;        // of the signer info
    std::string signatureAlgorithmOid;     // of the signer info
    std::optional<std::chrono::system_clock::time_point> signingTime;  // signed attribute
};

Result<Sod, LdsError> parseSod(ByteView file);

// "sha256" for 2.16.840.1.101.3.4.2.1 etc. (SHA-1, -224, -256, -384, -512); "" if unknown.
std::string hashNameForOid(std::string_view oid);
std::string oidForHashName(std::string_view name);
// Hash of `data` with the named algorithm (OpenSSL); empty if the algorithm is unknown.
Bytes digest(std::string_view hashName, ByteView data);

// For the simulated card: the DER of an LDSSecurityObject (version 0).
Bytes encodeLdsSecurityObject(std::string_view hashName, const std::map<int, Bytes>& hashes);

}  // namespace dvc::emrtd
