#include "emrtd_identity_reader.h"

#include "identity/card_expiry.h"
#include "identity/emrtd/mrz_key.h"
#include "imaging/image_codec.h"
#include "log/log.h"

namespace dvc::card {

namespace {

std::optional<std::chrono::year_month_day> toYmd(const std::optional<CccdDate>& date) {
    if (!date) return std::nullopt;
    return date->ymd();
}

std::optional<std::chrono::year_month_day> toYmd(const emrtd::MrzDate& date) {
    if (!date.present()) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                    std::chrono::month{static_cast<unsigned>(date.month)},
                                    std::chrono::day{static_cast<unsigned>(date.day)}};
    return ymd.ok() ? std::optional(ymd) : std::nullopt;
}

std::string orEmpty(const std::optional<std::string>& s) {
    return s.value_or(std::string());
}

}  // namespace

ChipReadFailure::Kind failureKindFor(emrtd::ChipError::Kind kind) {
    using K = emrtd::ChipError::Kind;
    switch (kind) {
        case K::AccessDenied:
            return ChipReadFailure::Kind::AccessDenied;
        case K::CardRemoved:
            return ChipReadFailure::Kind::CardRemoved;
        case K::NoCard:
            return ChipReadFailure::Kind::NoCard;
        case K::NoReader:
        case K::ReaderUnplugged:
            return ChipReadFailure::Kind::NoReader;
        case K::Cancelled:
            return ChipReadFailure::Kind::Cancelled;
        default:
            return ChipReadFailure::Kind::Unreadable;
    }
}

emrtd::AccessKeys accessKeysFor(const ChipAccess& access) {
    emrtd::AccessKeys keys;
    if (auto can = emrtd::cccdCardAccessNumber(access.personalNumber)) keys.can = *can;
    auto documentNumber = emrtd::cccdDocumentNumber(access.personalNumber);
    std::optional<std::chrono::year_month_day> expiry = access.expiryDate;
    if (!expiry && access.dateOfBirth && access.issueDate) {
        auto derived = deriveCardExpiry(*access.dateOfBirth, *access.issueDate);
        if (!derived.candidates.empty()) expiry = derived.candidates.front();
    }
    if (documentNumber && access.dateOfBirth && expiry)
        keys.mrzInformation = emrtd::bacMrzInformation(
            *documentNumber, mrzDate(*access.dateOfBirth), mrzDate(*expiry));
    return keys;
}

CitizenIdentity identityFromReadout(const emrtd::CardReadout& r,
                                    const std::string& expectedNumber) {
    CitizenIdentity id;
    id.source = IdentitySource::Chip;
    const emrtd::Dg13 dg13 = r.dg13.value_or(emrtd::Dg13{});
    id.personalNumber = dg13.personalNumber
                            ? *dg13.personalNumber
                            : (r.mrz ? r.mrz->cccdPersonalNumber().value_or("") : std::string());
    if (dg13.fullName)
        id.fullName = *dg13.fullName;
    else if (r.mrz)
        id.fullName = r.mrz->primaryIdentifier + " " + r.mrz->secondaryIdentifier;
    id.dateOfBirth = toYmd(dg13.parsedDateOfBirth());
    if (!id.dateOfBirth && r.mrz) id.dateOfBirth = toYmd(r.mrz->dateOfBirth);
    id.gender = dg13.parsedGender();
    if (!id.gender && r.mrz && (r.mrz->sex == 'M' || r.mrz->sex == 'F'))
        id.gender = r.mrz->sex == 'M' ? Gender::Male : Gender::Female;
    id.nationality = orEmpty(dg13.nationality);
    id.ethnicity = orEmpty(dg13.ethnicity);
    id.religion = orEmpty(dg13.religion);
    id.placeOfOrigin = orEmpty(dg13.placeOfOrigin);
    id.residence = orEmpty(dg13.placeOfResidence);
    id.identifyingMarks = orEmpty(dg13.identifyingMarks);
    id.issueDate = toYmd(dg13.parsedIssueDate());
    id.expiryDate = toYmd(dg13.parsedExpiryDate());
    if (!id.expiryDate && r.mrz) id.expiryDate = toYmd(r.mrz->dateOfExpiry);
    id.fatherName = orEmpty(dg13.fatherName);
    id.motherName = orEmpty(dg13.motherName);
    id.spouseName = orEmpty(dg13.spouseName);
    id.oldIdNumber = orEmpty(dg13.oldIdNumber);
    if (r.face) {
        if (auto rgb = imaging::decodeFaceImage(r.face->data)) {
            id.photo = FacePhoto{rgb->width, rgb->height, std::move(rgb.value().pixels)};
        } else {
            log::warn("chip", std::string("portrait not decodable: ") +
                                  imaging::imageErrorName(rgb.error().kind));
        }
    }

    id.verified = r.passiveAuth.verdict != emrtd::PaVerdict::NotVerified;
    id.verificationKey = emrtd::i18nKey(r.passiveAuth);
    if (r.passiveAuth.dataGroup > 0)
        id.verificationArg = "DG" + std::to_string(r.passiveAuth.dataGroup);
    // The chip opened with this number's CAN; a chip whose data names another citizen is not
    // this card's chip, whatever its signature says.
    if (id.verified && !expectedNumber.empty() && id.personalNumber != expectedNumber) {
        id.verified = false;
        id.verificationKey = "identity.verdict.number_mismatch";
    }
    return id;
}

EmrtdIdentityReader::EmrtdIdentityReader(CardReader& reader, std::optional<emrtd::CscaStore> csca,
                                         std::string readerName)
    : reader_(reader), csca_(std::move(csca)), readerName_(std::move(readerName)) {}

Result<CitizenIdentity, ChipReadFailure> EmrtdIdentityReader::read(
    const ChipAccess& access, std::chrono::milliseconds cardWait,
    const std::function<void(const ChipReadProgress&)>& progress, const std::atomic<bool>& cancel) {
    if (progress) progress({0, "identity.step.waiting_card"});
    auto channel = reader_.waitForCard(readerName_, cardWait, cancel);
    if (!channel) {
        const auto error = emrtd::fromCardError(channel.error());
        return fail(ChipReadFailure{failureKindFor(error.kind), emrtd::describe(error)});
    }
    emrtd::ReadoutOptions options;
    options.csca = csca_ ? &*csca_ : nullptr;
    auto readout = emrtd::readCccd(
        *channel.value(), accessKeysFor(access), options,
        [&](int percent, const char* step) {
            if (progress) progress({percent, step});
        },
        &cancel);
    if (!readout)
        return fail(ChipReadFailure{failureKindFor(readout.error().kind),
                                    emrtd::describe(readout.error())});
    log::info("chip", std::string("read by ") + emrtd::accessMethodName(readout->access) + ", " +
                          std::to_string(readout->counters.apdus) +
                          " APDUs, passive authentication " +
                          emrtd::paVerdictName(readout->passiveAuth.verdict) + " (" +
                          emrtd::paReasonName(readout->passiveAuth.reason) + ")");
    return identityFromReadout(*readout, access.personalNumber);
}

}  // namespace dvc::card
