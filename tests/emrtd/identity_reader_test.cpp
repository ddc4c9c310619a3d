// The kiosk's chip read end to end: the simulated CCCD (real PACE/BAC and secure messaging) in
// the in-process reader, the whole read, passive authentication, the portrait decoded, and each
// failure as the identify screen will see it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>

#include "card/identity/emrtd_identity_reader.h"
#include "card/sim/lds_builder.h"
#include "identity/card_expiry.h"
#include "identity/emrtd/mrz_key.h"
#include "sim_card_reader.h"
#include "simulated_emrtd.h"

using namespace dvc;
using namespace dvc::card;
using namespace dvc::card::sim;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kData = DVC_SOURCE_TESTDATA;

const TestPki& testPki() {
    static const TestPki instance = [] {
        auto made = generateTestPki();
        REQUIRE(made.ok());
        return *made;
    }();
    return instance;
}

emrtd::CscaStore trustStore() {
    emrtd::CscaStore store;
    REQUIRE(store.add(testPki().csca.certificateDer).ok());
    return store;
}

Persona duc() {
    auto p = loadPersona(kData / "personas" / "tran-van-duc.json");
    REQUIRE(p.ok());
    return *p;
}

std::shared_ptr<SimulatedEmrtd> cardFor(const Persona& p, bool offerPace,
                                        const LdsBuildOptions& options = {}) {
    auto contents = buildCardContents(p, testPki(), options);
    REQUIRE(contents.ok());
    SimulatedEmrtdConfig config;
    config.files = contents->files;
    config.mrzInformation =
        *emrtd::bacMrzInformation(contents->access.documentNumber, contents->access.dateOfBirth,
                                  contents->access.dateOfExpiry);
    config.can = contents->access.can;
    config.offerPace = offerPace;
    return std::make_shared<SimulatedEmrtd>(config);
}

// What the kiosk knows after the QR code: number, date of birth, issue date.
ChipAccess accessFromQr(const Persona& p) {
    return ChipAccess{p.personalNumber, p.dateOfBirth.ymd(), p.issueDate.ymd(), std::nullopt};
}

struct Run {
    Result<CitizenIdentity, ChipReadFailure> result;
    std::vector<int> percents;
};

Run readWith(SimCardReader& reader, std::optional<emrtd::CscaStore> store, const ChipAccess& access,
             std::chrono::milliseconds wait = 2s) {
    EmrtdIdentityReader identity(reader, std::move(store));
    std::atomic<bool> cancel{false};
    std::vector<int> percents;
    auto result = identity.read(
        access, wait, [&](const ChipReadProgress& p) { percents.push_back(p.percent); }, cancel);
    return Run{std::move(result), percents};
}

}  // namespace

TEST_CASE(
    "chip identity: PACE with the CAN from the QR, verified, photo decoded, progress to 100 %") {
    const auto p = duc();
    SimCardReader reader;
    reader.presentCard(cardFor(p, true));
    auto run = readWith(reader, trustStore(), accessFromQr(p));
    REQUIRE(run.result.ok());
    const CitizenIdentity& id = run.result.value();
    CHECK(id.source == IdentitySource::Chip);
    CHECK(id.verified);
    CHECK(id.verificationKey == "emrtd.pa.verified");
    CHECK(id.personalNumber == p.personalNumber);
    CHECK(id.fullName == "Trần Văn Đức");
    CHECK(id.dateOfBirth == p.dateOfBirth.ymd());
    CHECK(id.gender == Gender::Male);
    CHECK(id.placeOfOrigin == p.placeOfOrigin);
    CHECK(id.residence == p.placeOfResidence);
    CHECK(id.motherName == p.motherName);
    CHECK(id.spouseName.empty());
    REQUIRE(id.photo);
    CHECK(id.photo->width > 100);
    CHECK(id.photo->rgb.size() == static_cast<std::size_t>(id.photo->width * id.photo->height * 3));
    REQUIRE_FALSE(run.percents.empty());
    CHECK(std::is_sorted(run.percents.begin(), run.percents.end()));  // the bar never goes back
    CHECK(run.percents.back() == 100);
}

TEST_CASE("chip identity: a card without PACE opens by BAC with the expiry derived from the QR") {
    const auto p = duc();
    // The derivation from date of birth + issue date gives the card's printed expiry.
    auto derived = deriveCardExpiry(p.dateOfBirth.ymd(), p.issueDate.ymd());
    REQUIRE(derived.candidates.size() == 1);
    CHECK(derived.candidates[0] == p.expiryDate->ymd());
    SimCardReader reader;
    reader.presentCard(cardFor(p, false));
    auto run = readWith(reader, trustStore(), accessFromQr(p));
    REQUIRE(run.result.ok());
    CHECK(run.result->verified);
    CHECK(run.result->fullName == "Trần Văn Đức");
}

TEST_CASE("chip identity: each failure is named as the screen will say it") {
    const auto p = duc();
    SECTION("a number whose CAN does not open the chip, and no date for BAC: access denied") {
        SimCardReader reader;
        reader.presentCard(cardFor(p, true));
        auto run = readWith(reader, trustStore(),
                            ChipAccess{"079203999999", std::nullopt, std::nullopt, std::nullopt});
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().kind == ChipReadFailure::Kind::AccessDenied);
    }
    SECTION("no card on the reader: no card, after the wait") {
        SimCardReader reader;
        auto run = readWith(reader, trustStore(), accessFromQr(p), 200ms);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().kind == ChipReadFailure::Kind::NoCard);
    }
    SECTION("the card lifted during the photo: card removed") {
        SimCardReader reader;
        reader.presentCard(cardFor(p, true));
        reader.removeCardAfter(40);
        auto run = readWith(reader, trustStore(), accessFromQr(p));
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().kind == ChipReadFailure::Kind::CardRemoved);
    }
    SECTION("an altered portrait: read, but plainly not verified, naming DG2") {
        LdsBuildOptions options;
        options.tamper.alterDataGroupAfterSigning = 2;
        SimCardReader reader;
        reader.presentCard(cardFor(p, true, options));
        auto run = readWith(reader, trustStore(), accessFromQr(p));
        REQUIRE(run.result.ok());
        CHECK_FALSE(run.result->verified);
        CHECK(run.result->verificationKey == "emrtd.pa.not_verified.dg_hash_mismatch");
        CHECK(run.result->verificationArg == "DG2");
    }
    SECTION("no trust store configured: not verified, and says why") {
        SimCardReader reader;
        reader.presentCard(cardFor(p, true));
        auto run = readWith(reader, std::nullopt, accessFromQr(p));
        REQUIRE(run.result.ok());
        CHECK_FALSE(run.result->verified);
        CHECK(run.result->verificationKey == "emrtd.pa.not_verified.no_csca_trust_store");
    }
}
