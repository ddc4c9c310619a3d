// DossierFlow without a screen: pre-fill and locks, problems at the field, conditions and
// groups, review, submit with the gateway away (provisional receipt from the real outbox), wipe.
#include <catch2/catch.hpp>

#include "dossier_test_support.h"
#include "gateway_process.h"
#include "https_portal_client.h"
#include "outbox/submission_flow.h"

using namespace dvc;
using namespace dvc::test;
using namespace std::chrono;

namespace {

CitizenIdentity chipIdentity(bool verified) {
    CitizenIdentity id;
    id.source = IdentitySource::Chip;
    id.verified = verified;
    id.personalNumber = "001190012345";
    id.fullName = "Nguyễn Văn An";
    id.dateOfBirth = year{1990} / 5 / 14;
    id.gender = Gender::Male;
    id.nationality = "Việt Nam";
    id.ethnicity = "Kinh";
    id.residence = "Số 5, Hàng Bạc, Hoàn Kiếm, Hà Nội";
    return id;
}

struct Fixture {
    ManualBackground background;
    SeedFormsPortal portal;
    DossierFlow flow{background, portal, nullptr, &adminUnits(), DossierSettings{"KIOSK-T", 200ms}};

    void open(const std::string& code, const CitizenIdentity* identity = nullptr) {
        flow.start(code, identity);
        REQUIRE(flow.phase() == DossierPhase::Loading);
        REQUIRE(background.drain() == 1);
        REQUIRE(flow.phase() == DossierPhase::Filling);
    }
    bool hasProblem(const FieldRef& ref, const std::string& code) {
        for (const auto& p : flow.problemsAt(ref))
            if (p.code == code) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("dossier: a verified chip pre-fills and locks the civil-status fields only") {
    Fixture f;
    auto id = chipIdentity(true);
    f.open("1.004873", &id);
    const auto& values = f.flow.draft()->values();
    CHECK(values["ho_ten"] == "Nguyễn Văn An");
    CHECK(values["ngay_sinh"] == "1990-05-14");
    CHECK(values["so_dinh_danh"] == "001190012345");
    CHECK(values["noi_cu_tru"]["province"] == "001");
    CHECK(f.flow.draft()->isLocked("ho_ten"));
    CHECK(f.flow.draft()->isLocked("so_dinh_danh"));
    CHECK_FALSE(f.flow.draft()->isLocked("noi_cu_tru"));  // may have moved since the card
    // A locked field opens no keyboard and refuses a choice.
    CHECK_FALSE(f.flow.focus(top("ho_ten")));
    CHECK(f.flow.choose(top("gioi_tinh"), "nu") == forms::EditResult::Locked);
    CHECK(f.flow.draft()->values()["gioi_tinh"] == "nam");
    // The residence stays editable.
    CHECK(f.flow.focus(top("noi_cu_tru", "detail")));
    f.flow.typeText(" (nhà riêng)");
    CHECK(f.flow.draft()->values()["noi_cu_tru"]["detail"].get<std::string>().find("nhà riêng") !=
          std::string::npos);
}

TEST_CASE("dossier: QR data (unsigned) and an unverified chip pre-fill without locking") {
    for (bool chip : {false, true}) {
        Fixture f;
        auto id = chipIdentity(false);
        if (!chip) id.source = IdentitySource::QrCode;
        f.open("1.001193", &id);
        REQUIRE(f.flow.draft()->mark("ho_ten"));
        CHECK_FALSE(f.flow.draft()->isLocked("ho_ten"));
        CHECK(f.flow.focus(top("ho_ten")));
    }
}

TEST_CASE("dossier: without a card nothing is pre-filled and required groups have their entry") {
    Fixture f;
    f.open("1.001193");
    CHECK_FALSE(f.flow.draft()->values().contains("ho_ten"));
    CHECK(f.flow.draft()->groupSize("tre") == 1);
    CHECK_FALSE(f.flow.removeGroupItem("tre", 0));  // at least one child
    CHECK(f.flow.addGroupItem("tre"));
    CHECK(f.flow.addGroupItem("tre"));
    CHECK_FALSE(f.flow.addGroupItem("tre"));  // triplets at most
    CHECK(f.flow.removeGroupItem("tre", 2));
    CHECK(f.flow.draft()->groupSize("tre") == 2);
}

TEST_CASE("dossier: problems show at the field while typing, and go when corrected") {
    Fixture f;
    f.open("1.001193");
    REQUIRE(f.flow.focus(top("so_dien_thoai")));
    CHECK(f.flow.editorKind() == EditorKind::Numeric);
    for (char c : std::string("021")) f.flow.typeKey(static_cast<char32_t>(c));
    CHECK(f.flow.editorText() == "021");
    CHECK(f.hasProblem(top("so_dien_thoai"), "invalid_format"));  // no mobile starts 021
    f.flow.backspace();
    f.flow.backspace();
    for (char c : std::string("912345678")) f.flow.typeKey(static_cast<char32_t>(c));
    CHECK(f.flow.editorText() == "0912345678");
    CHECK(f.flow.problemsAt(top("so_dien_thoai")).empty());

    // A date on the numeric pad: dd mm yyyy, shown with slashes, stored ISO.
    REQUIRE(f.flow.focus(top("ngay_sinh_me")));
    for (char c : std::string("30022000")) f.flow.typeKey(static_cast<char32_t>(c));
    CHECK(f.flow.editorText() == "30/02/2000");
    CHECK_FALSE(f.flow.problemsAt(top("ngay_sinh_me")).empty());  // no 30 February
    f.flow.clearField();
    for (char c : std::string("14052020")) f.flow.typeKey(static_cast<char32_t>(c));
    CHECK(f.flow.draft()->values()["ngay_sinh_me"] == "2020-05-14");
    CHECK(f.hasProblem(top("ngay_sinh_me"), "too_young"));  // a mother of 14 at least

    // Telex on the on-screen keys.
    REQUIRE(f.flow.focus(top("ho_ten")));
    for (char c : std::string("Nguyeenx Vawn Ast")) f.flow.typeKey(static_cast<char32_t>(c));
    CHECK(f.flow.draft()->values()["ho_ten"] == "Nguyễn Văn Át");
}

TEST_CASE("dossier: conditions show and hide fields; review lists problems and leads to them") {
    Fixture f;
    f.open("1.001193");
    const auto* other = f.flow.draft()->schema().field("quan_he_khac");
    REQUIRE(other);
    CHECK_FALSE(forms::isVisible(*other, f.flow.draft()->values(), nullptr));
    f.flow.choose(top("quan_he"), "khac");
    CHECK(forms::isVisible(*other, f.flow.draft()->values(), nullptr));

    // Sections: "Cha" is there (its tick box), the next after it is the pledge, then review.
    f.flow.nextSection();
    CHECK(f.flow.sectionIndex() == 1);
    f.flow.openReview();
    REQUIRE(f.flow.phase() == DossierPhase::Review);
    const auto problems = f.flow.reviewProblems();
    REQUIRE_FALSE(problems.empty());
    // Submitting with problems stays on the review.
    f.flow.submit();
    CHECK(f.flow.phase() == DossierPhase::Review);
    // The phone's problem leads to its section with the keypad open on it.
    auto phone = std::find_if(problems.begin(), problems.end(),
                              [](const auto& p) { return p.field == "so_dien_thoai"; });
    REQUIRE(phone != problems.end());
    CHECK(phone->code == "required");
    f.flow.goToProblem(*phone);
    CHECK(f.flow.phase() == DossierPhase::Filling);
    CHECK(f.flow.sectionIndex() == 0);
    REQUIRE(f.flow.focused());
    CHECK(f.flow.focused()->id == "so_dien_thoai");
    CHECK(f.hasProblem(top("so_dien_thoai"), "required"));  // shown at the field as well
    f.flow.typeText("0912345678");
    CHECK_FALSE(f.hasProblem(top("so_dien_thoai"), "required"));
    // A child's problem: the path parses back to the group entry.
    auto ref = fieldRefFromPath(f.flow.draft()->schema(), "tre[0].ngay_sinh");
    CHECK(ref == inGroup("tre", 0, "ngay_sinh"));
    CHECK(fieldRefFromPath(f.flow.draft()->schema(), "noi_sinh.detail") ==
          top("noi_sinh", "detail"));
}

TEST_CASE("dossier: a complete form has no review problems; the applicant comes from it") {
    Fixture f;
    f.open("1.001193");
    fillBirthRegistration(f.flow);
    f.flow.openReview();
    for (const auto& p : f.flow.reviewProblems()) INFO(p.field + " " + p.code);
    CHECK(f.flow.reviewProblems().empty());
    // No outbox attached: submit says so and stays.
    f.flow.submit();
    CHECK(f.flow.phase() == DossierPhase::Review);
    CHECK(f.flow.errorKey() == "dossier.error.no_outbox");
}

TEST_CASE("dossier: an unknown form or a gateway that is away fails the load plainly") {
    Fixture f;
    f.flow.start("9.999999", nullptr);
    f.background.drain();
    CHECK(f.flow.phase() == DossierPhase::LoadFailed);
    CHECK(f.flow.errorKey() == "dossier.error.no_form");
}

TEST_CASE("dossier: submit with the gateway down gives the provisional receipt; stored durably") {
    auto dir = freshTempDir("dossier-down");
    auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
    REQUIRE(key);
    auto store = OutboxStore::open(dir / "outbox.db", key.value());
    REQUIRE(store);
    BackendConfig nowhere;
    nowhere.url = "https://127.0.0.1:1";  // nothing listens: connection refused
    nowhere.connectTimeoutMs = 300;
    nowhere.requestTimeoutMs = 500;
    HttpsPortalClient deadGateway(nowhere, "KIOSK-T");
    OutboxDelivery delivery(**store, deadGateway);
    SubmissionFlow submissions(**store, delivery);
    delivery.start();
    {
        ManualBackground background;
        SeedFormsPortal portal;
        DossierFlow flow(background, portal, &submissions, &adminUnits(),
                         DossierSettings{"KIOSK-T", 300ms});
        flow.start("1.001193", nullptr);
        background.drain();
        fillBirthRegistration(flow);
        flow.openReview();
        REQUIRE(flow.reviewProblems().empty());
        flow.submit();
        CHECK(flow.phase() == DossierPhase::Submitting);
        background.drain();
        REQUIRE(flow.phase() == DossierPhase::Receipt);
        REQUIRE(flow.receipt());
        CHECK(flow.receipt()->provisional);
        CHECK(flow.receipt()->content.titleKey == "receipt.provisional_title");
        CHECK(flow.receipt()->content.qrText.rfind("DVC-TAM:T-KIOSK-T-", 0) == 0);
        CHECK(flow.draft()->values().empty());  // personal data gone from the flow
        CHECK((*store)->countIn(OutboxState::Pending) == 1);
        auto entries = (*store)->all();
        REQUIRE(entries.size() == 1);
        auto payload = (*store)->payload(entries[0]);
        REQUIRE(payload);
        CHECK(payload->applicant.fullName == "Phạm Thị Hồng Nhung");
        CHECK(payload->applicant.idNumber == "042190004321");
        CHECK(payload->applicant.dateOfBirth == "1990-05-14");
        CHECK(payload->applicant.address.find("Phường Hàng Bạc") != std::string::npos);
        CHECK(payload->form["tre"][0]["ho_ten"] == "Phạm Minh Khôi");
    }
    delivery.stop();
}

TEST_CASE("dossier: wipe drops the draft, the editor and the identity") {
    Fixture f;
    auto id = chipIdentity(true);
    f.open("1.001193", &id);
    REQUIRE(f.flow.focus(top("so_dien_thoai")));
    f.flow.typeText("0912");
    CHECK(f.flow.hasInput());
    f.flow.wipe();
    CHECK(f.flow.phase() == DossierPhase::Idle);
    CHECK(f.flow.draft() == nullptr);
    CHECK(f.flow.editorText().empty());
    CHECK_FALSE(f.flow.focused());
    CHECK(f.flow.procedureCode().empty());
    // A schema still on its way after the wipe is dropped.
    f.flow.start("1.001193", nullptr);
    f.flow.wipe();
    f.background.drain();
    CHECK(f.flow.phase() == DossierPhase::Idle);
}

TEST_CASE("dossier: discarding asks first once something was typed") {
    Fixture f;
    f.open("2.000815");
    CHECK_FALSE(f.flow.hasInput());
    REQUIRE(f.flow.focus(top("so_dien_thoai")));
    f.flow.typeText("09");
    CHECK(f.flow.hasInput());
    f.flow.previousSection();  // already the first: the question
    CHECK(f.flow.confirmingDiscard());
    f.flow.keepEditing();
    CHECK_FALSE(f.flow.confirmingDiscard());
    CHECK(f.flow.draft()->values()["so_dien_thoai"] == "09");
    f.flow.discard();
    CHECK(f.flow.draft() == nullptr);
}
