// The simulated card's contents end to end: every file parses back to the persona, passive
// authentication verifies, and each way of spoiling the card gives its own reason.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "card/sim/lds_builder.h"
#include "identity/emrtd/dg13.h"
#include "identity/emrtd/face_image.h"
#include "identity/emrtd/lds.h"
#include "identity/emrtd/mrz.h"
#include "identity/emrtd/passive_auth.h"
#include "identity/emrtd/sod.h"
#include "imaging/image_codec.h"

using namespace dvc::emrtd;
using namespace dvc::card::sim;

namespace {

const std::filesystem::path kData = DVC_SOURCE_TESTDATA;

const TestPki& pki() {
    static const TestPki instance = [] {
        auto made = generateTestPki();
        REQUIRE(made.ok());
        return *made;
    }();
    return instance;
}

CscaStore storeWith(const Credential& csca) {
    CscaStore store;
    REQUIRE(store.add(csca.certificateDer).ok());
    return store;
}

Persona persona(const std::string& id) {
    auto p = loadPersona(kData / "personas" / (id + ".json"));
    REQUIRE(p.ok());
    return *p;
}

std::map<int, Bytes> dataGroupsOf(const CardContents& card) {
    std::map<int, Bytes> out;
    for (const auto& [fileId, bytes] : card.files)
        if (auto dg = dataGroupFromFid(fileId)) out[*dg] = bytes;
    return out;
}

PassiveAuthResult verify(const CardContents& card, const CscaStore* store) {
    return verifyPassive(card.files.at(fid::kSod), dataGroupsOf(card), store,
                         std::chrono::system_clock::now());
}

CardContents build(const Persona& p, const TestPki& keys, const LdsBuildOptions& options = {}) {
    auto card = buildCardContents(p, keys, options);
    REQUIRE(card.ok());
    return *card;
}

}  // namespace

TEST_CASE("every persona builds a card whose files parse back to the persona", "[lds][builder]") {
    auto personas = loadPersonas(kData / "personas");
    REQUIRE(personas.ok());
    REQUIRE(personas->size() >= 3);
    auto store = storeWith(pki().csca);
    for (const auto& p : *personas) {
        INFO(p.id);
        auto card = build(p, pki());
        CHECK(card.access.can == p.personalNumber.substr(6));
        CHECK(card.access.documentNumber == p.personalNumber.substr(3));

        auto com = parseEfCom(card.files.at(fid::kCom));
        REQUIRE(com.ok());
        CHECK(com->dataGroups == std::vector<int>{1, 2, 13});

        auto mrz = parseDg1(card.files.at(fid::kDg1), 2026);
        REQUIRE(mrz.ok());
        CHECK(mrz->documentCode == "ID");
        CHECK(mrz->issuingState == "VNM");
        CHECK(mrz->cccdPersonalNumber() == p.personalNumber);
        CHECK(mrz->cccdPersonalNumberCheckDigitOk() == true);
        CHECK(mrz->dateOfBirth.year == p.dateOfBirth.y);
        CHECK(mrz->dateOfBirth.month == p.dateOfBirth.m);
        CHECK(mrz->dateOfBirth.yymmdd == card.access.dateOfBirth);
        CHECK(mrz->dateOfExpiry.yymmdd == card.access.dateOfExpiry);
        CHECK(mrz->sex == (p.gender == dvc::Gender::Male ? 'M' : 'F'));
        CHECK(mrz->primaryIdentifier + " " + mrz->secondaryIdentifier == [&] {
            auto s = mrzLetters(p.fullName);
            for (auto& c : s)
                if (c == '<') c = ' ';
            return s;
        }());

        auto face = parseDg2(card.files.at(fid::kDg2));
        REQUIRE(face.ok());
        CHECK(face->format == FaceImageFormat::Jp2);
        CHECK(face->data.size() > 10000);
        CHECK(face->data.size() < 25000);
        auto pixels = dvc::imaging::decodeFaceImage(face->data);
        REQUIRE(pixels.ok());
        CHECK(pixels->width == face->width);
        CHECK(pixels->height == face->height);

        auto dg13 = parseDg13(card.files.at(fid::kDg13));
        REQUIRE(dg13.ok());
        CHECK(dg13->personalNumber == p.personalNumber);
        CHECK(dg13->fullName == p.fullName);
        CHECK(dg13->parsedDateOfBirth()->iso == p.dateOfBirth.iso);
        CHECK(dg13->parsedGender() == p.gender);
        CHECK(dg13->ethnicity == p.ethnicity);
        CHECK(dg13->religion == p.religion);
        CHECK(dg13->placeOfOrigin == p.placeOfOrigin);
        CHECK(dg13->placeOfResidence == p.placeOfResidence);
        CHECK(dg13->identifyingMarks == p.identifyingMarks);
        CHECK(dg13->parsedIssueDate()->iso == p.issueDate.iso);
        CHECK(dg13->fatherName == p.fatherName);
        CHECK(dg13->motherName == p.motherName);
        CHECK(dg13->spouseName == p.spouseName);
        CHECK(dg13->oldIdNumber == p.oldIdNumber);

        auto sod = parseSod(card.files.at(fid::kSod));
        REQUIRE(sod.ok());
        CHECK(hashNameForOid(sod->hashAlgorithmOid) == "sha256");
        CHECK(sod->dataGroupHashes.size() == 3);
        CHECK(sod->certificates.size() == 1);
        REQUIRE(sod->signingTime.has_value());

        auto result = verify(card, &store);
        CHECK(result.verdict == PaVerdict::Verified);
        CHECK(result.reason == PaReason::None);
        CHECK(result.verifiedDataGroups == std::vector<int>{1, 2, 13});
        CHECK(i18nKey(result) == "emrtd.pa.verified");
    }
}

TEST_CASE("passive authentication: each spoiled card gives its reason", "[pa]") {
    const auto lan = persona("nguyen-thi-lan");
    auto store = storeWith(pki().csca);

    SECTION("a data group altered after signing is named") {
        for (int dg : {1, 2, 13}) {
            LdsBuildOptions options;
            options.tamper.alterDataGroupAfterSigning = dg;
            auto result = verify(build(lan, pki(), options), &store);
            CHECK(result.verdict == PaVerdict::NotVerified);
            CHECK(result.reason == PaReason::DgHashMismatch);
            CHECK(result.dataGroup == dg);
            CHECK(fillPassiveAuthMessage("{dg} changed", result) ==
                  "DG" + std::to_string(dg) + " changed");
        }
    }
    SECTION("a data group read but not in the SOD") {
        LdsBuildOptions options;
        options.tamper.leaveOutOfSod = {13};
        auto result = verify(build(lan, pki(), options), &store);
        CHECK(result.reason == PaReason::DgNotInSod);
        CHECK(result.dataGroup == 13);
    }
    SECTION("a data group in the SOD but not read is fine") {
        auto card = build(lan, pki());
        auto result = verifyPassive(card.files.at(fid::kSod), {{1, card.files.at(fid::kDg1)}},
                                    &store, std::chrono::system_clock::now());
        CHECK(result.verdict == PaVerdict::Verified);
        CHECK(result.verifiedDataGroups == std::vector<int>{1});
    }
    SECTION("signed with another key than the DS certificate's") {
        LdsBuildOptions options;
        options.tamper.signWithWrongKey = true;
        auto result = verify(build(lan, pki(), options), &store);
        CHECK(result.verdict == PaVerdict::NotVerified);
        CHECK(result.reason == PaReason::SignatureInvalid);
    }
    SECTION("a truncated SOD") {
        LdsBuildOptions options;
        options.tamper.truncateFile = fid::kSod;
        options.tamper.truncateTo = 200;
        auto result = verify(build(lan, pki(), options), &store);
        CHECK(result.reason == PaReason::SodMalformed);
    }
    SECTION("a truncated data group fails its parser and its hash") {
        LdsBuildOptions options;
        options.tamper.truncateFile = fid::kDg13;
        options.tamper.truncateTo = 40;
        auto card = build(lan, pki(), options);
        CHECK_FALSE(parseDg13(card.files.at(fid::kDg13)).ok());
        CHECK(verify(card, &store).reason == PaReason::DgHashMismatch);
    }
    SECTION("trust stores: none, unknown CSCA, CSCA of the same name with another key") {
        auto card = build(lan, pki());
        CHECK(verify(card, nullptr).reason == PaReason::NoCscaTrustStore);
        CscaStore empty;
        CHECK(verify(card, &empty).reason == PaReason::NoCscaTrustStore);
        auto foreign = storeWith(pki().foreignCsca);
        CHECK(verify(card, &foreign).reason == PaReason::CscaUnknown);
        auto impostor = storeWith(pki().impostorCsca);
        CHECK(verify(card, &impostor).reason == PaReason::DsNotSignedByCsca);
        // With the right CSCA among others, the card verifies.
        CscaStore both = storeWith(pki().impostorCsca);
        REQUIRE(both.add(pki().csca.certificateDer).ok());
        CHECK(verify(card, &both).verdict == PaVerdict::Verified);
    }
}

TEST_CASE("passive authentication: DS certificate validity policy", "[pa]") {
    const auto duc = persona("tran-van-duc");
    SECTION("expired DS, signed while valid: verified with a warning") {
        TestPkiOptions options;
        options.dsValidity = DsValidity::Expired;
        auto keys = generateTestPki(options);
        REQUIRE(keys.ok());
        auto store = storeWith(keys->csca);
        auto result = verify(build(duc, *keys), &store);
        CHECK(result.verdict == PaVerdict::VerifiedWithWarning);
        CHECK(result.reason == PaReason::DsCertificateExpired);
        CHECK(i18nKey(result) == "emrtd.pa.verified_with_warning.ds_certificate_expired");
    }
    SECTION("DS not yet valid: not verified") {
        TestPkiOptions options;
        options.dsValidity = DsValidity::NotYetValid;
        auto keys = generateTestPki(options);
        REQUIRE(keys.ok());
        auto store = storeWith(keys->csca);
        auto result = verify(build(duc, *keys), &store);
        CHECK(result.verdict == PaVerdict::NotVerified);
        CHECK(result.reason == PaReason::DsCertificateNotYetValid);
    }
    SECTION("signing time outside the DS validity: not verified") {
        auto card = build(duc, pki());
        auto lds = parseSod(card.files.at(fid::kSod));
        REQUIRE(lds.ok());
        std::map<int, Bytes> hashes;
        for (const auto& [dg, bytes] : dataGroupsOf(card)) hashes[dg] = digest("sha256", bytes);
        auto late = signSod(encodeLdsSecurityObject("sha256", hashes), pki().ds, "sha256", false,
                            pki().ds.notAfter + std::chrono::hours(24));
        REQUIRE(late.ok());
        auto store = storeWith(pki().csca);
        auto result =
            verifyPassive(*late, dataGroupsOf(card), &store, std::chrono::system_clock::now());
        CHECK(result.reason == PaReason::SignedOutsideDsValidity);
    }
}

TEST_CASE("passive authentication with RSA keys, PKCS#1 v1.5 and PSS, and SHA-384", "[pa]") {
    TestPkiOptions options;
    options.cscaKey = KeyKind::Rsa2048;
    options.dsKey = KeyKind::Rsa2048;
    auto keys = generateTestPki(options);
    REQUIRE(keys.ok());
    auto store = storeWith(keys->csca);
    const auto hung = persona("pham-dinh-hung");
    for (bool pss : {false, true}) {
        LdsBuildOptions build_options;
        build_options.rsaPss = pss;
        build_options.hashName = pss ? "sha384" : "sha256";
        auto card = build(hung, *keys, build_options);
        auto sod = parseSod(card.files.at(fid::kSod));
        REQUIRE(sod.ok());
        CHECK(sod->signatureAlgorithmOid ==
              (pss ? "1.2.840.113549.1.1.10" : "1.2.840.113549.1.1.1"));
        auto result = verify(card, &store);
        INFO(result.detail);
        CHECK(result.verdict == PaVerdict::Verified);
    }
}

TEST_CASE("SOD parsing: garbage gives errors", "[sod]") {
    auto card = build(persona("nguyen-thi-lan"), pki());
    const auto& sod = card.files.at(fid::kSod);
    CHECK(parseSod(Bytes{}).error().kind == LdsError::Kind::Tlv);
    CHECK(parseSod(encodeTlv(0x77, Bytes{0x30, 0x03, 0x02, 0x01, 0x00})).error().kind ==
          LdsError::Kind::BadValue);
    CHECK(parseSod(encodeTlv(0x76, Bytes{})).error().kind == LdsError::Kind::UnexpectedTag);
    for (std::size_t cut : {std::size_t{2}, std::size_t{50}, sod.size() / 2, sod.size() - 1})
        CHECK_FALSE(parseSod(ByteView(sod).first(cut)).ok());
    Bytes flipped = sod;
    flipped[flipped.size() / 3] ^= 0xFF;
    auto store = storeWith(pki().csca);
    auto result =
        verifyPassive(flipped, dataGroupsOf(card), &store, std::chrono::system_clock::now());
    CHECK(result.verdict == PaVerdict::NotVerified);
}

TEST_CASE("CSCA trust store from files and directories", "[csca]") {
    auto dir = std::filesystem::temp_directory_path() / ("dvc-csca-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    REQUIRE(writeCertificatePem(pki().csca, dir, "csca-vn-test").ok());
    REQUIRE(writeCertificatePem(pki().foreignCsca, dir, "csca-elsewhere").ok());
    { std::ofstream(dir / "notes.txt") << "not a certificate"; }
    auto store = CscaStore::load(dir);
    REQUIRE(store.ok());
    CHECK(store->size() == 2);
    auto single = CscaStore::load(dir / "csca-vn-test.pem");
    REQUIRE(single.ok());
    CHECK(single->certificates().front() == pki().csca.certificateDer);

    {
        std::ofstream(dir / "broken.pem")
            << "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    }
    CHECK(CscaStore::load(dir / "broken.pem").error() == CscaStoreError::BadCertificate);
    CHECK(CscaStore::load(dir).ok());  // the broken file is skipped in a directory
    CHECK(CscaStore::load(dir / "missing.pem").error() == CscaStoreError::NotFound);
    auto emptyDir = dir / "empty";
    std::filesystem::create_directories(emptyDir);
    CHECK(CscaStore::load(emptyDir).error() == CscaStoreError::NoCertificates);
    CscaStore der;
    CHECK(der.add(Bytes{0x30, 0x03, 0x02, 0x01, 0x00}).error() == CscaStoreError::BadCertificate);
    std::filesystem::remove_all(dir);
}

TEST_CASE("every passive-authentication outcome has a Vietnamese and an English message",
          "[pa][i18n]") {
    for (const char* lang : {"vi", "en"}) {
        std::ifstream in(std::filesystem::path(DVC_SOURCE_ASSETS_DIR) / "i18n" /
                         (std::string(lang) + ".json"));
        auto table = nlohmann::json::parse(in);
        std::vector<PassiveAuthResult> outcomes;
        PassiveAuthResult ok;
        ok.verdict = PaVerdict::Verified;
        outcomes.push_back(ok);
        PassiveAuthResult warn;
        warn.verdict = PaVerdict::VerifiedWithWarning;
        warn.reason = PaReason::DsCertificateExpired;
        outcomes.push_back(warn);
        for (int r = static_cast<int>(PaReason::NoCscaTrustStore);
             r <= static_cast<int>(PaReason::DgNotInSod); ++r) {
            if (static_cast<PaReason>(r) == PaReason::DsCertificateExpired) continue;
            PassiveAuthResult bad;
            bad.reason = static_cast<PaReason>(r);
            outcomes.push_back(bad);
        }
        for (const auto& outcome : outcomes) {
            INFO(lang << " " << i18nKey(outcome));
            REQUIRE(table.contains(i18nKey(outcome)));
            CHECK_FALSE(table[i18nKey(outcome)].get<std::string>().empty());
        }
    }
}

TEST_CASE("committed sample card files parse and verify with their CSCA", "[pa][samples]") {
    const auto dir = kData / "emrtd" / "nguyen-thi-lan";
    auto read = [](const std::filesystem::path& path) {
        std::ifstream in(path, std::ios::binary);
        return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    auto store = CscaStore::load(dir / "csca.pem");
    REQUIRE(store.ok());
    const auto lan = persona("nguyen-thi-lan");
    std::map<int, Bytes> groups = {
        {1, read(dir / "DG1.bin")}, {2, read(dir / "DG2.bin")}, {13, read(dir / "DG13.bin")}};
    auto mrz = parseDg1(groups[1], 2026);
    REQUIRE(mrz.ok());
    CHECK(mrz->cccdPersonalNumber() == lan.personalNumber);
    auto dg13 = parseDg13(groups[13]);
    REQUIRE(dg13.ok());
    CHECK(dg13->fullName == lan.fullName);
    CHECK(parseEfCom(read(dir / "EF.COM.bin")).ok());
    auto result =
        verifyPassive(read(dir / "SOD.bin"), groups, &*store, std::chrono::system_clock::now());
    CHECK(result.verdict == PaVerdict::Verified);

    auto bad = parseDg1(read(kData / "emrtd" / "dg1_bad_document_check_digit.bin"), 2026);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == MrzError::Kind::CheckDigit);
    // The composite check digit covers the document number's check digit too.
    CHECK(bad.error().failedChecks == std::vector<MrzCheckedField>{MrzCheckedField::DocumentNumber,
                                                                   MrzCheckedField::Composite});
}
