#pragma once
// Helpers for the dossier flow's tests: a Background that runs work when told, a PortalClient
// that serves the seed forms from the source tree, and a way to fill a seed form as a citizen.
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "forms/admin_units.h"
#include "portal/portal_client.h"
#include "session/background.h"
#include "session/dossier_flow.h"

namespace dvc::test {

// Work runs on the test's thread when drain() is called, results applied right after, as the
// Session's update() would on the UI thread.
class ManualBackground final : public Background {
  public:
    void run(std::function<std::function<void()>()> work) override {
        queue_.push_back(std::move(work));
    }
    std::function<void()> uiWaker() override {
        return [] {};
    }
    int drain() {
        int n = 0;
        while (!queue_.empty()) {
            auto work = std::move(queue_.front());
            queue_.pop_front();
            work()();
            ++n;
        }
        return n;
    }

  private:
    std::deque<std::function<std::function<void()>()>> queue_;
};

// The gateway's seed forms read from server/seed/forms; no gateway (the integration test
// fetches the same files over TLS). Submitting is "unreachable".
class SeedFormsPortal final : public PortalClient {
  public:
    Result<DossierStatus, PortalError> dossierStatus(const std::string&) override {
        return fail(unreachable());
    }
    Result<CatalogPage, PortalError> catalog(std::optional<int>) override {
        return fail(unreachable());
    }
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat&) override {
        return fail(unreachable());
    }
    Result<forms::FormSchema, PortalError> formSchema(const std::string& code) override {
        std::ifstream in(std::filesystem::path(DVC_SOURCE_SEED) / "forms" / (code + ".json"));
        if (!in) {
            PortalError e;
            e.kind = PortalErrorKind::NotFound;
            return fail(e);
        }
        std::stringstream text;
        text << in.rdbuf();
        auto schema = forms::parseFormSchemaText(text.str(), false);
        if (!schema) {
            PortalError e;
            e.kind = PortalErrorKind::BadResponse;
            return fail(e);
        }
        return std::move(schema).value();
    }
    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission&,
                                                      const std::string&) override {
        return fail(unreachable());
    }

  private:
    static PortalError unreachable() {
        PortalError e;
        e.kind = PortalErrorKind::Unreachable;
        e.detail = "test: no gateway";
        return e;
    }
};

inline const forms::AdminUnits& adminUnits() {
    static const forms::AdminUnits units = [] {
        auto loaded = forms::AdminUnits::load(std::filesystem::path(DVC_SOURCE_ASSETS) / "data" /
                                              "admin_units.json");
        if (!loaded) throw std::runtime_error(loaded.error());
        return std::move(loaded).value();
    }();
    return units;
}

inline FieldRef top(const std::string& id, const std::string& part = {}) {
    return FieldRef{id, std::nullopt, {}, part};
}
inline FieldRef inGroup(const std::string& id, std::size_t item, const std::string& sub) {
    return FieldRef{id, item, sub, {}};
}

// Types into a field as the citizen would: focus, keys, done.
inline void typeInto(DossierFlow& flow, const FieldRef& ref, const std::string& text) {
    if (!flow.focus(ref)) throw std::runtime_error("cannot focus " + ref.path());
    flow.clearField();
    flow.typeText(text);
    flow.closeEditor();
}

inline void pickAddress(DossierFlow& flow, const FieldRef& ref, bool detail = true) {
    flow.chooseAddressPart(ref, "province", "001");
    flow.chooseAddressPart(ref, "district", "002");
    flow.chooseAddressPart(ref, "commune", "00061");
    if (detail) typeInto(flow, top(ref.id, "detail"), "Số 5 Hàng Bạc");
}

// Every required value of the birth registration (1.001193) for an applicant without a card.
inline void fillBirthRegistration(DossierFlow& flow, bool applicant = true) {
    if (applicant) {
        typeInto(flow, top("ho_ten"), "Phạm Thị Hồng Nhung");
        typeInto(flow, top("ngay_sinh"), "14051990");
        typeInto(flow, top("so_dinh_danh"), "042190004321");
        pickAddress(flow, top("noi_cu_tru"));
    }
    typeInto(flow, top("so_dien_thoai"), "0912345678");
    flow.choose(top("quan_he"), "me");
    typeInto(flow, inGroup("tre", 0, "ho_ten"), "Phạm Minh Khôi");
    flow.choose(inGroup("tre", 0, "gioi_tinh"), "nam");
    typeInto(flow, inGroup("tre", 0, "ngay_sinh"), "01022026");
    typeInto(flow, inGroup("tre", 0, "dan_toc"), "Kinh");
    typeInto(flow, inGroup("tre", 0, "quoc_tich"), "Việt Nam");
    pickAddress(flow, top("noi_sinh"));
    pickAddress(flow, top("que_quan"), false);
    typeInto(flow, top("ho_ten_me"), "Phạm Thị Hồng Nhung");
    typeInto(flow, top("ngay_sinh_me"), "14051990");
    typeInto(flow, top("dan_toc_me"), "Kinh");
    typeInto(flow, top("quoc_tich_me"), "Việt Nam");
    pickAddress(flow, top("noi_cu_tru_me"));
    flow.choose(top("cam_doan"), true);
}

}  // namespace dvc::test
