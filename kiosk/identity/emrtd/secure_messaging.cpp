#include "identity/emrtd/secure_messaging.h"

#include <openssl/crypto.h>

#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

namespace {

constexpr std::uint32_t kDoCryptogramPadded = 0x87;  // padding-content indicator + cryptogram
constexpr std::uint32_t kDoCryptogramOdd = 0x85;     // odd INS: BER-TLV plain value, no indicator
constexpr std::uint32_t kDoLe = 0x97;
constexpr std::uint32_t kDoStatus = 0x99;
constexpr std::uint32_t kDoMac = 0x8E;
constexpr std::uint8_t kPaddingIndicator = 0x01;
constexpr std::uint8_t kSmClassBits = 0x0C;

SmError error(SmError::Kind kind) {
    return SmError{kind, 0};
}

Bytes encodeLe(std::size_t ne) {
    if (ne <= kMaxShortNe) return Bytes{static_cast<std::uint8_t>(ne == kMaxShortNe ? 0 : ne)};
    const std::size_t v = ne == kMaxExtendedNe ? 0 : ne;
    return Bytes{static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v & 0xff)};
}

}  // namespace

const char* smErrorName(SmError::Kind kind) {
    switch (kind) {
        case SmError::Kind::Malformed:
            return "malformed";
        case SmError::Kind::MissingMac:
            return "missing_mac";
        case SmError::Kind::BadMac:
            return "bad_mac";
        case SmError::Kind::BadCryptogram:
            return "bad_cryptogram";
        case SmError::Kind::MissingStatus:
            return "missing_status";
        case SmError::Kind::PlainStatus:
            return "plain_status";
        case SmError::Kind::NotProtected:
            return "not_protected";
    }
    return "unknown";
}

SecureMessaging::SecureMessaging(crypto::Cipher cipher, Bytes ksEnc, Bytes ksMac, Bytes ssc)
    : cipher_(cipher), ksEnc_(std::move(ksEnc)), ksMac_(std::move(ksMac)), ssc_(std::move(ssc)) {}

SecureMessaging::~SecureMessaging() {
    OPENSSL_cleanse(ksEnc_.data(), ksEnc_.size());
    OPENSSL_cleanse(ksMac_.data(), ksMac_.size());
}

void SecureMessaging::incrementSsc() {
    for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it)
        if (++*it != 0) break;
}

Bytes SecureMessaging::iv() const {
    if (cipher_ == crypto::Cipher::Tdes) return Bytes(8, 0);
    return crypto::encryptBlock(cipher_, ksEnc_, ssc_);
}

Bytes SecureMessaging::encrypt(ByteView plain) const {
    return crypto::encryptCbc(cipher_, ksEnc_, iv(),
                              crypto::pad(plain, crypto::blockSize(cipher_)));
}

Result<Bytes, SmError> SecureMessaging::decrypt(ByteView cryptogram) const {
    if (cryptogram.empty() || cryptogram.size() % crypto::blockSize(cipher_) != 0)
        return fail(error(SmError::Kind::BadCryptogram));
    Bytes plain = crypto::decryptCbc(cipher_, ksEnc_, iv(), cryptogram);
    auto length = crypto::unpaddedLength(plain);
    if (plain.empty() || !length) return fail(error(SmError::Kind::BadCryptogram));
    plain.resize(*length);
    return plain;
}

Bytes SecureMessaging::mac(ByteView data) const {
    return crypto::smMac(cipher_, ksMac_, concat({ssc_, data}));
}

std::size_t SecureMessaging::responseOverhead(std::size_t dataLength) const {
    const std::size_t block = crypto::blockSize(cipher_);
    const std::size_t cryptogram = (dataLength / block + 1) * block;
    const std::size_t do87 = encodeLength(cryptogram + 1).size() + 1 + 1 + cryptogram;
    return do87 + 4 + 10 - dataLength;  // + DO'99' + DO'8E' (SW1 SW2 are not part of Ne)
}

Result<Bytes, SmError> SecureMessaging::protectCommand(const CommandApdu& command, bool extended) {
    incrementSsc();
    const std::uint8_t cla = static_cast<std::uint8_t>(command.cla | kSmClassBits);
    const Bytes header{cla, command.ins, command.p1, command.p2};
    Bytes objects;
    if (!command.data.empty()) {
        Bytes cryptogram = encrypt(command.data);
        if ((command.ins & 1) != 0) {
            objects = encodeTlv(kDoCryptogramOdd, cryptogram);
        } else {
            Bytes value{kPaddingIndicator};
            value.insert(value.end(), cryptogram.begin(), cryptogram.end());
            objects = encodeTlv(kDoCryptogramPadded, value);
        }
    }
    if (command.ne > 0) {
        Bytes le = encodeLe(command.ne);
        Bytes do97 = encodeTlv(kDoLe, le);
        objects.insert(objects.end(), do97.begin(), do97.end());
    }
    const Bytes checksum = mac(concat({crypto::pad(header, crypto::blockSize(cipher_)), objects}));
    Bytes do8e = encodeTlv(kDoMac, checksum);
    objects.insert(objects.end(), do8e.begin(), do8e.end());

    CommandApdu outer{cla, command.ins, command.p1, command.p2, std::move(objects), 0};
    const bool useExtended = extended || command.ne > kMaxShortNe || outer.data.size() > 255;
    outer.ne = useExtended ? kMaxExtendedNe : kMaxShortNe;
    auto encoded = encodeCommand(outer, useExtended);
    if (!encoded) return fail(error(SmError::Kind::Malformed));
    return std::move(encoded).value();
}

Result<ResponseApdu, SmError> SecureMessaging::unprotectResponse(ByteView responseApdu) {
    incrementSsc();
    auto parsed = ResponseApdu::parse(responseApdu);
    if (!parsed) return fail(error(SmError::Kind::Malformed));
    const ResponseApdu& outer = *parsed;
    if (outer.data.empty()) {
        // A bare status word carries nothing we could authenticate; never treat it as success.
        if (outer.sw == sw::kOk) return fail(error(SmError::Kind::MissingMac));
        return fail(SmError{SmError::Kind::PlainStatus, outer.sw});
    }
    auto objects = parseAll(outer.data);
    if (!objects) return fail(error(SmError::Kind::Malformed));
    const Tlv* cryptogram = nullptr;
    const Tlv* status = nullptr;
    const Tlv* checksum = nullptr;
    std::size_t macInputLength = 0;
    for (const Tlv& object : *objects) {
        if (checksum) return fail(error(SmError::Kind::Malformed));  // DO'8E' must come last
        switch (object.tag) {
            case kDoCryptogramPadded:
            case kDoCryptogramOdd:
                if (cryptogram || status) return fail(error(SmError::Kind::Malformed));
                cryptogram = &object;
                break;
            case kDoStatus:
                if (status) return fail(error(SmError::Kind::Malformed));
                status = &object;
                break;
            case kDoMac:
                checksum = &object;
                continue;
            default:
                return fail(error(SmError::Kind::Malformed));
        }
        macInputLength += object.size;
    }
    if (!checksum) return fail(error(SmError::Kind::MissingMac));
    const Bytes expected = mac(ByteView(outer.data).subspan(0, macInputLength));
    if (expected.empty() || !crypto::equalConstantTime(expected, checksum->value))
        return fail(error(SmError::Kind::BadMac));
    if (!status || status->value.size() != 2) return fail(error(SmError::Kind::MissingStatus));

    ResponseApdu inner;
    inner.sw = static_cast<std::uint16_t>(status->value[0] << 8 | status->value[1]);
    if (cryptogram) {
        ByteView value = cryptogram->value;
        if (cryptogram->tag == kDoCryptogramPadded) {
            if (value.empty() || value[0] != kPaddingIndicator)
                return fail(error(SmError::Kind::BadCryptogram));
            value = value.subspan(1);
        }
        auto plain = decrypt(value);
        if (!plain) return fail(plain.error());
        inner.data = std::move(plain).value();
    }
    return inner;
}

Result<CommandApdu, SmError> SecureMessaging::unprotectCommand(ByteView commandApdu) {
    incrementSsc();
    auto parsed = CommandApdu::parse(commandApdu);
    if (!parsed) return fail(error(SmError::Kind::Malformed));
    const CommandApdu& outer = *parsed;
    if ((outer.cla & kSmClassBits) != kSmClassBits) return fail(error(SmError::Kind::NotProtected));
    auto objects = parseAll(outer.data);
    if (!objects) return fail(error(SmError::Kind::Malformed));
    const Tlv* cryptogram = nullptr;
    const Tlv* le = nullptr;
    const Tlv* checksum = nullptr;
    std::size_t macInputLength = 0;
    for (const Tlv& object : *objects) {
        if (checksum) return fail(error(SmError::Kind::Malformed));
        switch (object.tag) {
            case kDoCryptogramPadded:
            case kDoCryptogramOdd:
                if (cryptogram || le) return fail(error(SmError::Kind::Malformed));
                cryptogram = &object;
                break;
            case kDoLe:
                if (le) return fail(error(SmError::Kind::Malformed));
                le = &object;
                break;
            case kDoMac:
                checksum = &object;
                continue;
            default:
                return fail(error(SmError::Kind::Malformed));
        }
        macInputLength += object.size;
    }
    if (!checksum) return fail(error(SmError::Kind::MissingMac));
    const Bytes header{outer.cla, outer.ins, outer.p1, outer.p2};
    const Bytes expected = mac(concat({crypto::pad(header, crypto::blockSize(cipher_)),
                                       ByteView(outer.data).subspan(0, macInputLength)}));
    if (expected.empty() || !crypto::equalConstantTime(expected, checksum->value))
        return fail(error(SmError::Kind::BadMac));

    CommandApdu inner;
    inner.cla = static_cast<std::uint8_t>(outer.cla & ~kSmClassBits);
    inner.ins = outer.ins;
    inner.p1 = outer.p1;
    inner.p2 = outer.p2;
    if (cryptogram) {
        ByteView value = cryptogram->value;
        if (cryptogram->tag == kDoCryptogramPadded) {
            if (value.empty() || value[0] != kPaddingIndicator)
                return fail(error(SmError::Kind::BadCryptogram));
            value = value.subspan(1);
        }
        auto plain = decrypt(value);
        if (!plain) return fail(plain.error());
        inner.data = std::move(plain).value();
    }
    if (le) {
        if (le->value.size() == 1) {
            inner.ne = le->value[0] == 0 ? kMaxShortNe : le->value[0];
        } else if (le->value.size() == 2) {
            const std::size_t v = static_cast<std::size_t>(le->value[0]) << 8 | le->value[1];
            inner.ne = v == 0 ? kMaxExtendedNe : v;
        } else {
            return fail(error(SmError::Kind::Malformed));
        }
    }
    return inner;
}

Bytes SecureMessaging::protectResponse(const ResponseApdu& response) {
    incrementSsc();
    Bytes objects;
    if (!response.data.empty()) {
        Bytes value{kPaddingIndicator};
        Bytes cryptogram = encrypt(response.data);
        value.insert(value.end(), cryptogram.begin(), cryptogram.end());
        objects = encodeTlv(kDoCryptogramPadded, value);
    }
    const std::uint8_t swBytes[2] = {static_cast<std::uint8_t>(response.sw >> 8),
                                     static_cast<std::uint8_t>(response.sw & 0xff)};
    Bytes do99 = encodeTlv(kDoStatus, ByteView(swBytes, 2));
    objects.insert(objects.end(), do99.begin(), do99.end());
    Bytes do8e = encodeTlv(kDoMac, mac(objects));
    objects.insert(objects.end(), do8e.begin(), do8e.end());
    objects.push_back(swBytes[0]);
    objects.push_back(swBytes[1]);
    return objects;
}

}  // namespace dvc::emrtd
