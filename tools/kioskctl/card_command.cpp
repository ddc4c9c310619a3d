#include "card_command.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "exit_codes.h"
#include "identity/emrtd/card_readout.h"
#include "identity/emrtd/mrz_key.h"
#include "pcsc_card_reader.h"

namespace dvc::kioskctl {

namespace {

using nlohmann::json;

constexpr std::chrono::seconds kCardWait{30};  // "no card in 30 s" ends the read

bool digits(const std::string& s, std::size_t n) {
    return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

int exitCodeFor(emrtd::ChipError::Kind kind) {
    using K = emrtd::ChipError::Kind;
    switch (kind) {
        case K::AccessDenied:
            return kCardAccessDenied;
        case K::CardRemoved:
            return kCardRemoved;
        case K::NoCard:
            return kNoCard;
        case K::NoReader:
        case K::ReaderUnplugged:
            return kNoReader;
        default:
            return kFailure;
    }
}

json optionalText(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}

json readoutJson(const emrtd::CardReadout& r, const std::string& readerName) {
    json out{{"reader", readerName},
             {"access", emrtd::accessMethodName(r.access)},
             {"extended_length", r.extendedLength},
             {"apdus", r.counters.apdus},
             {"bytes_sent", r.counters.bytesSent},
             {"bytes_received", r.counters.bytesReceived}};
    if (r.paceFailure) out["pace_failure"] = emrtd::describe(*r.paceFailure);
    json files = json::object();
    for (const auto& [dg, bytes] : r.dataGroups) files["DG" + std::to_string(dg)] = bytes.size();
    files["SOD"] = r.sod.size();
    out["file_sizes"] = files;
    if (r.mrz) {
        const auto& m = *r.mrz;
        out["dg1"] = {{"document_code", m.documentCode},
                      {"issuing_state", m.issuingState},
                      {"document_number", m.documentNumber},
                      {"personal_number", optionalText(m.cccdPersonalNumber())},
                      {"date_of_birth", m.dateOfBirth.yymmdd},
                      {"sex", std::string(1, m.sex)},
                      {"date_of_expiry", m.dateOfExpiry.yymmdd},
                      {"nationality", m.nationality},
                      {"primary_identifier", m.primaryIdentifier},
                      {"secondary_identifier", m.secondaryIdentifier}};
    } else {
        out["dg1_error"] = r.mrzError;
    }
    if (r.dg13) {
        const auto& d = *r.dg13;
        out["dg13"] = {{"personal_number", optionalText(d.personalNumber)},
                       {"full_name", optionalText(d.fullName)},
                       {"date_of_birth", optionalText(d.dateOfBirth)},
                       {"gender", optionalText(d.gender)},
                       {"nationality", optionalText(d.nationality)},
                       {"ethnicity", optionalText(d.ethnicity)},
                       {"religion", optionalText(d.religion)},
                       {"place_of_origin", optionalText(d.placeOfOrigin)},
                       {"place_of_residence", optionalText(d.placeOfResidence)},
                       {"identifying_marks", optionalText(d.identifyingMarks)},
                       {"issue_date", optionalText(d.issueDate)},
                       {"expiry_date", optionalText(d.expiryDate)},
                       {"father_name", optionalText(d.fatherName)},
                       {"mother_name", optionalText(d.motherName)},
                       {"spouse_name", optionalText(d.spouseName)},
                       {"old_id_number", optionalText(d.oldIdNumber)}};
    } else if (!r.dg13Error.empty()) {
        out["dg13_error"] = r.dg13Error;
    }
    if (r.face) {
        out["photo"] = {{"format", emrtd::faceImageFormatName(r.face->format)},
                        {"bytes", r.face->data.size()},
                        {"width", r.face->width},
                        {"height", r.face->height}};
    } else if (!r.faceError.empty()) {
        out["photo_error"] = r.faceError;
    }
    const auto& pa = r.passiveAuth;
    out["passive_authentication"] = {{"verdict", emrtd::paVerdictName(pa.verdict)},
                                     {"reason", emrtd::paReasonName(pa.reason)},
                                     {"data_group", pa.dataGroup},
                                     {"verified_data_groups", pa.verifiedDataGroups},
                                     {"detail", pa.detail}};
    return out;
}

void printHuman(const json& j, const std::string& prefix = "") {
    for (const auto& [key, value] : j.items()) {
        if (value.is_object()) {
            std::printf("%s%s:\n", prefix.c_str(), key.c_str());
            printHuman(value, prefix + "  ");
        } else {
            std::printf(
                "%s%s: %s\n", prefix.c_str(), key.c_str(),
                value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
        }
    }
}

}  // namespace

int cardRead(const CliOptions& o) {
    emrtd::AccessKeys keys;
    if (o.mrz && o.can) {
        std::fprintf(stderr, "dvc-kioskctl: give --mrz or --can, not both\n");
        return kUsage;
    }
    if (o.can) {
        if (!digits(*o.can, 6)) {
            std::fprintf(
                stderr,
                "dvc-kioskctl: --can is 6 digits (on a CCCD: the last 6 of the 12-digit number)\n");
            return kUsage;
        }
        keys.can = *o.can;
    } else if (o.mrz) {
        const auto& m = *o.mrz;
        const auto c1 = m.find(','), c2 = m.find(',', c1 == std::string::npos ? c1 : c1 + 1);
        std::optional<std::string> info;
        if (c1 != std::string::npos && c2 != std::string::npos)
            info = emrtd::bacMrzInformation(m.substr(0, c1), m.substr(c1 + 1, c2 - c1 - 1),
                                            m.substr(c2 + 1));
        if (!info) {
            std::fprintf(
                stderr,
                "dvc-kioskctl: --mrz is DOCNO,YYMMDD,YYMMDD (document number, birth, expiry)\n");
            return kUsage;
        }
        keys.mrzInformation = *info;
    } else {
        std::fprintf(stderr,
                     "dvc-kioskctl: card read needs --can NNNNNN or --mrz DOCNO,YYMMDD,YYMMDD\n");
        return kUsage;
    }
    std::optional<emrtd::CscaStore> csca;
    if (o.csca) {
        auto store = emrtd::CscaStore::load(*o.csca);
        if (!store) {
            std::fprintf(stderr, "dvc-kioskctl: --csca %s: %s\n", o.csca->c_str(),
                         emrtd::cscaStoreErrorName(store.error()));
            return kFailure;
        }
        csca = std::move(store).value();
    }

    card::PcscOptions pcsc;
    if (o.reader) pcsc.readerFilter = *o.reader;
    if (o.extended) pcsc.extendedLength = card::PcscOptions::ExtendedLength::Yes;
    card::PcscCardReader reader(pcsc);
    std::atomic<bool> cancel{false};
    if (!o.json)
        std::fprintf(stderr, "waiting up to %lld s for a card…\n",
                     static_cast<long long>(kCardWait.count()));
    auto channel = reader.waitForCard("", kCardWait, cancel);
    auto failWith = [&](const emrtd::ChipError& e) {
        if (o.json)
            std::printf(
                "%s\n",
                json{{"read", false}, {"error", emrtd::chipErrorName(e.kind)}, {"detail", e.detail}}
                    .dump()
                    .c_str());
        std::fprintf(stderr, "dvc-kioskctl: %s\n", emrtd::describe(e).c_str());
        return exitCodeFor(e.kind);
    };
    if (!channel) return failWith(emrtd::fromCardError(channel.error()));

    emrtd::ReadoutOptions options;
    options.csca = csca ? &*csca : nullptr;
    options.reader.allowExtendedLength = true;
    auto readout = emrtd::readCccd(*channel.value(), keys, options, {}, &cancel);
    if (!readout) return failWith(readout.error());

    json out = readoutJson(*readout, channel.value()->readerName());
    out["read"] = true;
    const bool verified = readout->passiveAuth.verdict != emrtd::PaVerdict::NotVerified;
    if (o.json)
        std::printf("%s\n", out.dump().c_str());
    else
        printHuman(out);
    return verified ? kOk : kCardNotVerified;
}

}  // namespace dvc::kioskctl
