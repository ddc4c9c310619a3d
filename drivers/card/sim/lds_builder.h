#pragma once
// Builds the files of a simulated CCCD chip from a persona: EF.COM, DG1 (TD1 MRZ as on the
// CCCD), DG2 (a drawn portrait, JPEG 2000), DG13 and an EF.SOD signed by the test PKI's DS.
// The result is the FID → bytes map SimulatedEmrtd serves. EF.CardAccess (011C) belongs to the
// access protocols: add it to `files` (or pass it in `extraFiles`); it is never in the SOD.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "card/sim/personas.h"
#include "card/sim/test_pki.h"
#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::card::sim {

// Ways to spoil a card, one at a time, for passive-authentication tests.
struct LdsTamper {
    std::optional<int> alterDataGroupAfterSigning;  // flips a bit in the DG's last byte
    bool signWithWrongKey = false;  // the SOD carries the DS certificate, signed by another key
    std::set<int> leaveOutOfSod;    // DGs present on the card but not hashed in the SOD
    std::optional<std::uint16_t> truncateFile;  // FID cut to `truncateTo` bytes
    std::size_t truncateTo = 0;
};

struct LdsBuildOptions {
    std::string hashName = "sha256";                   // data-group hashes and the CMS digest
    bool rsaPss = false;                               // RSASSA-PSS signature (needs an RSA DS key)
    std::size_t faceBytes = 20000;                     // JPEG 2000 size target for DG2
    bool faceAsJp2 = true;                             // JP2 file (true) or bare codestream
    std::map<std::uint16_t, emrtd::Bytes> extraFiles;  // e.g. EF.CardAccess; not signed
    LdsTamper tamper;
};

// What a reader needs to open this card.
struct CardAccessData {
    std::string documentNumber;  // MRZ: last 9 digits of the personal number
    std::string dateOfBirth;     // YYMMDD
    std::string dateOfExpiry;    // YYMMDD ("" if the card has none)
    std::string can;             // last 6 digits of the personal number (PACE)
};

struct CardContents {
    std::map<std::uint16_t, emrtd::Bytes> files;
    CardAccessData access;
};

Result<CardContents, std::string> buildCardContents(const Persona& persona, const TestPki& pki,
                                                    const LdsBuildOptions& options = {});

// Signs an LDSSecurityObject as EF.SOD (77 → CMS SignedData) with `signer`; signingTime is
// set to `signingTime`. `wrongKey`: sign with a fresh key while carrying signer's certificate.
Result<emrtd::Bytes, std::string> signSod(const emrtd::Bytes& ldsSecurityObject,
                                          const Credential& signer, const std::string& hashName,
                                          bool rsaPss,
                                          std::chrono::system_clock::time_point signingTime,
                                          bool wrongKey = false);

}  // namespace dvc::card::sim
