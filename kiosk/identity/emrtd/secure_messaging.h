#pragma once
// Secure messaging (Doc 9303 Part 11 §9.8): commands and responses wrapped in DO'87'/'85'
// (cryptogram), DO'97' (Le), DO'99' (status) and DO'8E' (MAC over the send sequence counter and
// the data objects). 3DES sessions (BAC) use an 8-byte SSC and a zero IV; AES sessions (PACE)
// a 16-byte SSC and IV = E(KS_enc, SSC). Both sides of the exchange live here: the reader
// protects commands and checks responses, the simulated card does the reverse. A response whose
// MAC does not verify yields an error and none of its data.
#include <cstdint>
#include <string>

#include "common/result.h"
#include "identity/emrtd/apdu.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/crypto.h"

namespace dvc::emrtd {

struct SmError {
    enum class Kind {
        Malformed,      // the data objects are not valid BER-TLV or not in the expected order
        MissingMac,     // no DO'8E' where one is required
        BadMac,         // the MAC does not verify: the data is not accepted
        BadCryptogram,  // DO'87' with a wrong padding indicator, length or padding
        MissingStatus,  // a response without DO'99'
        PlainStatus,    // the card answered with a bare status word (it left secure messaging)
        NotProtected,   // the card side received a command without the SM class bits
    };
    Kind kind = Kind::Malformed;
    std::uint16_t sw = 0;  // PlainStatus: the status word the card sent
};

const char* smErrorName(SmError::Kind kind);

class SecureMessaging {
  public:
    SecureMessaging(crypto::Cipher cipher, Bytes ksEnc, Bytes ksMac, Bytes ssc);
    ~SecureMessaging();
    SecureMessaging(const SecureMessaging&) = default;
    SecureMessaging& operator=(const SecureMessaging&) = default;
    SecureMessaging(SecureMessaging&&) = default;
    SecureMessaging& operator=(SecureMessaging&&) = default;

    crypto::Cipher cipher() const { return cipher_; }
    const Bytes& ssc() const { return ssc_; }

    // Reader side. `extended` forces the extended-length form of the outer APDU (needed when
    // the expected response does not fit 256 bytes).
    Result<Bytes, SmError> protectCommand(const CommandApdu& command, bool extended = false);
    Result<ResponseApdu, SmError> unprotectResponse(ByteView responseApdu);

    // Card side.
    Result<CommandApdu, SmError> unprotectCommand(ByteView commandApdu);
    Bytes protectResponse(const ResponseApdu& response);

    // Bytes a protected response adds to `dataLength` plain bytes, SW excluded (for sizing READ
    // BINARY chunks so that the protected response still fits the Le the reader can use).
    std::size_t responseOverhead(std::size_t dataLength) const;

  private:
    void incrementSsc();
    Bytes iv() const;
    Bytes encrypt(ByteView plain) const;
    Result<Bytes, SmError> decrypt(ByteView cryptogram) const;
    Bytes mac(ByteView data) const;

    crypto::Cipher cipher_;
    Bytes ksEnc_;
    Bytes ksMac_;
    Bytes ssc_;
};

}  // namespace dvc::emrtd
