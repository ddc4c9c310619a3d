// The printer's messages: the screen's i18n texts and the CLI's BilingualText must say the same.
#include <catch2/catch.hpp>

#include <set>

#include "i18n/translations.h"
#include "ports/ticket_printer.h"

using namespace dvc;

TEST_CASE("printer messages: i18n keys say what printFailureMessage says, in both languages") {
    auto t = Translations::load(std::filesystem::path(DVC_SOURCE_ASSETS) / "i18n");
    REQUIRE(t);
    std::vector<PrintFailure> failures;
    auto fault = [&](auto set) {
        PrintFailure f{PrintFailureKind::Fault, {}, ""};
        set(f.status);
        failures.push_back(f);
    };
    fault([](PrinterStatus& s) { s.paperOut = true; });
    fault([](PrinterStatus& s) { s.coverOpen = true; });
    fault([](PrinterStatus& s) { s.cutterError = true; });
    fault([](PrinterStatus& s) { s.online = false; });
    fault([](PrinterStatus& s) { s.paperNearEnd = true; });
    fault([](PrinterStatus&) {});
    for (auto kind : {PrintFailureKind::NotConnected, PrintFailureKind::Timeout,
                      PrintFailureKind::Io, PrintFailureKind::Render})
        failures.push_back(PrintFailure{kind, {}, ""});
    std::set<std::string> keys;
    for (const auto& f : failures) {
        const std::string key = printFailureMessageKey(f);
        keys.insert(key);
        INFO(key);
        CHECK(t->text(Language::Vietnamese, key) == printFailureMessage(f).vi);
        CHECK(t->text(Language::English, key) == printFailureMessage(f).en);
    }
    CHECK(keys.size() == 7);
    CHECK(keys.count("printer.paper_out") == 1);
}
