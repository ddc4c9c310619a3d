#include "simulated_emrtd.h"

#include "identity/emrtd/bac.h"
#include "identity/emrtd/ec_curve.h"
#include "identity/emrtd/emrtd_reader.h"
#include "identity/emrtd/tlv.h"

namespace dvc::card {

using namespace emrtd;

namespace {

ResponseApdu status(std::uint16_t sw) {
    return ResponseApdu{{}, sw};
}

Bytes sequenceOfIntegers(std::size_t a, std::size_t b) {
    auto integer = [](std::size_t v) {
        Bytes content{static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
                      static_cast<std::uint8_t>(v)};
        while (content.size() > 1 && content[0] == 0 && !(content[1] & 0x80))
            content.erase(content.begin());
        if (content[0] & 0x80) content.insert(content.begin(), 0x00);
        return encodeTlv(0x02, content);
    };
    return concat({integer(a), integer(b)});
}

std::optional<Bytes> dynamicAuthenticationObject(ByteView data, std::uint32_t tag) {
    auto outer = findTag(data, 0x7C);
    if (!outer) return std::nullopt;
    if (tag == 0) {
        if (!outer->value.empty()) return std::nullopt;
        return Bytes{};
    }
    auto inner = findTag(outer->value, tag);
    if (!inner) return std::nullopt;
    return Bytes(inner->value.begin(), inner->value.end());
}

Bytes dynamicAuthenticationData(std::uint32_t tag, ByteView value) {
    return encodeTlv(0x7C, encodeTlv(tag, value));
}

}  // namespace

SimulatedEmrtd::SimulatedEmrtd(SimulatedEmrtdConfig config) : config_(std::move(config)) {
    if (config_.offerPace) {
        PaceInfo info{
            paceAlgorithm(PaceKeyAgreement::Ecdh, PaceMapping::Generic, config_.paceCipher), 2,
            config_.paceParameterId};
        cardAccess_ = encodeCardAccess({info});
    }
    if (config_.extendedLength) {
        // EF.ATR/INFO: DO'7F66' = largest command, largest response.
        atrInfo_ = encodeTlv(0x7F66, sequenceOfIntegers(0x0400, config_.maxExtendedResponse));
    }
}

Bytes SimulatedEmrtd::atr() const {
    // PC/SC pseudo-ATR of an ISO 14443-4 card: 3B 8n 80 01, historical bytes, TCK.
    Bytes atr{0x3B, 0x88, 0x80, 0x01, 'D', 'V', 'C', 'C', 'C', 'C', 'D', 0x01};
    std::uint8_t tck = 0;
    for (std::size_t i = 1; i < atr.size(); ++i) tck ^= atr[i];
    atr.push_back(tck);
    return atr;
}

void SimulatedEmrtd::resetSession() {
    sm_.reset();
    pendingSm_.reset();
    pace_.reset();
    challenge_.clear();
}

void SimulatedEmrtd::powerOn() {
    powered_ = true;
    resetSession();
    applicationSelected_ = false;
    selectedFile_.reset();
}

void SimulatedEmrtd::powerOff() {
    powered_ = false;
    resetSession();
}

Bytes SimulatedEmrtd::respond(ByteView commandApdu) {
    ++answered_;
    auto finish = [&](Bytes response) {
        if (tamper_) tamper_(response);
        return response;
    };
    if (!powered_) return finish(status(0x6F00).encode());
    auto outer = CommandApdu::parse(commandApdu);
    if (!outer) return finish(status(sw::kWrongLength).encode());
    // Extended form: a zero byte after the header followed by two length bytes.
    const bool extended = commandApdu.size() >= 7 && commandApdu[4] == 0x00;
    if (extended && !config_.extendedLength) return finish(status(sw::kWrongLength).encode());

    const bool protectedCommand = (outer->cla & 0x0C) == 0x0C;
    if (sm_ && protectedCommand) {
        auto inner = sm_->unprotectCommand(commandApdu);
        if (!inner) {
            // A wrong MAC or malformed SM objects end the session (Doc 9303 Part 11 §9.8.5).
            resetSession();
            return finish(status(sw::kSmDataObjectsIncorrect).encode());
        }
        ResponseApdu answer = process(*inner, extended);
        // The protected answer has to fit the outer Le.
        const std::size_t limit = extended ? kMaxExtendedNe : kMaxShortNe;
        if (answer.data.size() + sm_->responseOverhead(answer.data.size()) > limit)
            answer = status(sw::kWrongLength);
        return finish(sm_->protectResponse(answer));
    }
    if (protectedCommand) {
        resetSession();
        return finish(status(sw::kSmDataObjectsIncorrect).encode());
    }
    if (sm_) resetSession();  // a plain command ends secure messaging
    ResponseApdu answer = process(*outer, extended);
    if (pendingSm_) {
        sm_ = std::move(pendingSm_);
        pendingSm_.reset();
    }
    return finish(answer.encode());
}

ResponseApdu SimulatedEmrtd::process(const CommandApdu& c, bool extended) {
    if ((c.cla & 0x0C) != 0) return status(sw::kSmDataObjectsIncorrect);
    switch (c.ins) {
        case 0xA4:
            return select(c);
        case 0xB0:
        case 0xB1:
            return readBinary(c, extended);
        case 0x84:
            return getChallenge(c);
        case 0x82:
            return mutualAuthenticate(c);
        case 0x22:
            return setAuthenticationTemplate(c);
        case 0x86:
            return generalAuthenticate(c);
        default:
            return status(sw::kInsNotSupported);
    }
}

const Bytes* SimulatedEmrtd::findFile(std::uint16_t fid) const {
    if (fid == fid::kCardAccess) return cardAccess_.empty() ? nullptr : &cardAccess_;
    if (fid == fid::kAtrInfo) return atrInfo_.empty() ? nullptr : &atrInfo_;
    if (!applicationSelected_) return nullptr;
    auto it = config_.files.find(fid);
    return it == config_.files.end() ? nullptr : &it->second;
}

bool SimulatedEmrtd::fileNeedsAccess(std::uint16_t fid) const {
    return fid != fid::kCardAccess && fid != fid::kAtrInfo;
}

ResponseApdu SimulatedEmrtd::select(const CommandApdu& c) {
    if (c.p1 == 0x00 &&
        (c.data.empty() || (c.data.size() == 2 && c.data[0] == 0x3F && c.data[1] == 0x00))) {
        if (config_.selectMfAnswers6D00) return status(sw::kInsNotSupported);
        applicationSelected_ = false;
        selectedFile_.reset();
        return status(sw::kOk);
    }
    if (c.p1 == 0x04) {
        if (c.data != Bytes(std::begin(kLds1Aid), std::end(kLds1Aid)))
            return status(sw::kFileNotFound);
        applicationSelected_ = true;
        selectedFile_.reset();
        return status(sw::kOk);
    }
    if ((c.p1 == 0x02 || c.p1 == 0x00) && c.data.size() == 2) {
        const std::uint16_t fid = static_cast<std::uint16_t>(c.data[0] << 8 | c.data[1]);
        if (!findFile(fid)) return status(sw::kFileNotFound);
        selectedFile_ = fid;
        return status(sw::kOk);
    }
    return status(sw::kIncorrectP1P2);
}

ResponseApdu SimulatedEmrtd::readBinary(const CommandApdu& c, bool extended) {
    std::size_t offset = 0;
    if (c.ins == 0xB0 && (c.p1 & 0x80)) {
        // Short EF identifier: the low five bits of P1 (LDS1 EFs are 01xx), offset in P2.
        const std::uint16_t fid = static_cast<std::uint16_t>(0x0100 | (c.p1 & 0x1F));
        if (!findFile(fid)) return status(sw::kFileNotFound);
        selectedFile_ = fid;
        offset = c.p2;
    } else if (c.ins == 0xB0) {
        offset = static_cast<std::size_t>(c.p1) << 8 | c.p2;
    } else {
        auto object = findTag(c.data, 0x54);
        if (!object || object->value.empty() || object->value.size() > 3)
            return status(sw::kWrongData);
        for (auto b : object->value) offset = offset << 8 | b;
    }
    if (!selectedFile_) return status(sw::kCommandNotAllowedNoEf);
    if (fileNeedsAccess(*selectedFile_) && !sm_) return status(sw::kSecurityStatusNotSatisfied);
    const Bytes* file = findFile(*selectedFile_);
    if (!file) return status(sw::kCommandNotAllowedNoEf);
    if (c.ne == 0 || (c.ne > kMaxShortNe && !extended)) return status(sw::kWrongLength);
    if (offset > file->size()) return status(sw::kWrongOffset);
    std::size_t room = c.ne;
    if (c.ins == 0xB1) {
        if (room <= 4) return status(sw::kWrongLength);
        room -= 4;
    }
    const std::size_t count = std::min(room, file->size() - offset);
    Bytes data(file->begin() + static_cast<std::ptrdiff_t>(offset),
               file->begin() + static_cast<std::ptrdiff_t>(offset + count));
    if (c.ins == 0xB1) data = encodeTlv(0x53, data);
    return ResponseApdu{std::move(data), count < room ? sw::kEndOfFileReached : sw::kOk};
}

ResponseApdu SimulatedEmrtd::getChallenge(const CommandApdu& c) {
    if (c.ne != 8) return status(sw::kWrongLength);
    challenge_ = crypto::randomBytes(8);
    return ResponseApdu{challenge_, sw::kOk};
}

ResponseApdu SimulatedEmrtd::mutualAuthenticate(const CommandApdu& c) {
    if (challenge_.empty()) return status(sw::kConditionsNotSatisfied);
    if (c.data.size() != 40) return status(sw::kWrongLength);
    const Bytes rndIc = std::move(challenge_);
    challenge_.clear();  // one attempt per challenge
    auto answer = bacChipAnswer(deriveBacKeys(config_.mrzInformation), c.data, rndIc,
                                crypto::randomBytes(16));
    if (!answer) return status(sw::kAuthenticationFailed);
    pendingSm_.emplace(std::move(answer->session));
    return ResponseApdu{std::move(answer->response), sw::kOk};
}

ResponseApdu SimulatedEmrtd::setAuthenticationTemplate(const CommandApdu& c) {
    pace_.reset();
    if (c.p1 != 0xC1 || c.p2 != 0xA4) return status(sw::kIncorrectP1P2);
    if (cardAccess_.empty()) return status(sw::kReferencedDataNotFound);
    auto objects = parseAll(c.data);
    if (!objects) return status(sw::kWrongData);
    std::optional<PaceAlgorithm> algorithm;
    std::optional<std::uint8_t> password;
    std::optional<int> parameterId;
    for (const Tlv& object : *objects) {
        if (object.tag == 0x80) algorithm = paceAlgorithmFromOid(object.value);
        if (object.tag == 0x83 && object.value.size() == 1) password = object.value[0];
        if (object.tag == 0x84 && object.value.size() == 1) parameterId = object.value[0];
    }
    const PaceAlgorithm offered =
        paceAlgorithm(PaceKeyAgreement::Ecdh, PaceMapping::Generic, config_.paceCipher);
    if (!algorithm || algorithm->oid != offered.oid) return status(sw::kReferencedDataNotFound);
    if (parameterId && *parameterId != config_.paceParameterId)
        return status(sw::kReferencedDataNotFound);
    if (!password) return status(sw::kWrongData);
    PaceState state;
    state.info = PaceInfo{offered, 2, config_.paceParameterId};
    if (*password == static_cast<std::uint8_t>(PacePasswordType::Can) && config_.can)
        state.password = PacePasswordType::Can;
    else if (*password == static_cast<std::uint8_t>(PacePasswordType::Mrz))
        state.password = PacePasswordType::Mrz;
    else
        return status(sw::kReferencedDataNotFound);
    pace_ = std::move(state);
    return status(sw::kOk);
}

ResponseApdu SimulatedEmrtd::generalAuthenticate(const CommandApdu& c) {
    if (!pace_) return status(sw::kConditionsNotSatisfied);
    PaceState& p = *pace_;
    auto curve = EcCurve::forParameterId(config_.paceParameterId);
    const crypto::Cipher cipher = p.info.algorithm.cipher;
    auto abort = [this](std::uint16_t sw) {
        pace_.reset();
        return status(sw);
    };
    const bool chained = (c.cla & 0x10) != 0;
    if (!curve || chained != (p.step < 4)) return abort(sw::kConditionsNotSatisfied);

    switch (p.step) {
        case 1: {
            if (!dynamicAuthenticationObject(c.data, 0)) return abort(sw::kWrongData);
            p.nonce = crypto::randomBytes(crypto::blockSize(cipher));
            const PacePassword password{p.password, p.password == PacePasswordType::Can
                                                        ? *config_.can
                                                        : config_.mrzInformation};
            const Bytes kPi = pacePasswordKey(password, cipher);
            const Bytes z =
                crypto::encryptCbc(cipher, kPi, Bytes(crypto::blockSize(cipher), 0), p.nonce);
            p.step = 2;
            return ResponseApdu{dynamicAuthenticationData(0x80, z), sw::kOk};
        }
        case 2: {
            auto terminalMap = dynamicAuthenticationObject(c.data, 0x81);
            if (!terminalMap || !curve->isValidPoint(*terminalMap)) return abort(sw::kWrongData);
            const Bytes mapPrivate = curve->randomScalar();
            auto mapPublic = curve->multiply(mapPrivate, curve->generator());
            auto generator = curve->mapGeneric(p.nonce, mapPrivate, *terminalMap);
            if (!mapPublic || !generator || *mapPublic == *terminalMap)
                return abort(sw::kWrongData);
            p.generator = *generator;
            p.step = 3;
            return ResponseApdu{dynamicAuthenticationData(0x82, *mapPublic), sw::kOk};
        }
        case 3: {
            auto terminalPublic = dynamicAuthenticationObject(c.data, 0x83);
            if (!terminalPublic || !curve->isValidPoint(*terminalPublic))
                return abort(sw::kWrongData);
            p.ephemeralPrivate = curve->randomScalar();
            auto ephemeralPublic = curve->multiply(p.ephemeralPrivate, p.generator);
            if (!ephemeralPublic || *ephemeralPublic == *terminalPublic)
                return abort(sw::kWrongData);
            auto shared = curve->sharedSecretX(p.ephemeralPrivate, *terminalPublic);
            if (!shared) return abort(sw::kWrongData);
            p.ephemeralPublic = *ephemeralPublic;
            p.terminalPublic = *terminalPublic;
            p.keys = paceSessionKeys(*shared, cipher);
            p.step = 4;
            return ResponseApdu{dynamicAuthenticationData(0x84, p.ephemeralPublic), sw::kOk};
        }
        default: {
            auto token = dynamicAuthenticationObject(c.data, 0x85);
            const Bytes expected = paceAuthenticationToken(cipher, p.keys.ksMac,
                                                           p.info.algorithm.oid, p.ephemeralPublic);
            if (!token || !crypto::equalConstantTime(*token, expected))
                return abort(sw::kAuthenticationFailed);
            const Bytes chipToken = paceAuthenticationToken(cipher, p.keys.ksMac,
                                                            p.info.algorithm.oid, p.terminalPublic);
            pendingSm_.emplace(cipher, p.keys.ksEnc, p.keys.ksMac,
                               Bytes(crypto::blockSize(cipher), 0));
            pace_.reset();
            return ResponseApdu{dynamicAuthenticationData(0x86, chipToken), sw::kOk};
        }
    }
}

}  // namespace dvc::card
