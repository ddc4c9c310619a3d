#include "sim_card_inbox.h"

#include <thread>

#include "identity/emrtd/mrz_key.h"
#include "log/log.h"
#include "simulated_emrtd.h"

namespace dvc::card {

namespace {

std::optional<std::filesystem::path> oldestCardFile(const std::filesystem::path& dir) {
    std::error_code ec;
    std::optional<std::filesystem::path> oldest;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (!entry.is_regular_file(ec) || entry.path().extension() != ".card") continue;
        if (entry.path().filename().string().starts_with('.')) continue;
        if (!oldest || entry.path() < *oldest) oldest = entry.path();
    }
    return oldest;
}

}  // namespace

SimCardInbox::SimCardInbox(std::filesystem::path inbox, std::filesystem::path personasDir,
                           sim::TestPki pki)
    : inbox_(std::move(inbox)),
      personas_(std::move(personasDir)),
      pki_(std::move(pki)),
      reader_("DVC simulated contactless reader") {
    std::error_code ec;
    std::filesystem::create_directories(inbox_, ec);
}

emrtd::CscaStore SimCardInbox::trustStore() const {
    emrtd::CscaStore store;
    (void)store.add(pki_.csca.certificateDer);
    return store;
}

std::vector<std::string> SimCardInbox::readerNames() {
    return reader_.readerNames();
}

std::shared_ptr<ApduResponder> SimCardInbox::cardFor(const std::string& personaId,
                                                     std::string& error) {
    std::lock_guard lock(mutex_);
    if (auto it = built_.find(personaId); it != built_.end()) return it->second;
    auto persona = sim::loadPersona(personas_ / (personaId + ".json"));
    if (!persona) {
        error = persona.error();
        return nullptr;
    }
    auto contents = sim::buildCardContents(*persona, pki_);
    if (!contents) {
        error = contents.error();
        return nullptr;
    }
    SimulatedEmrtdConfig config;
    config.files = contents->files;
    config.mrzInformation =
        emrtd::bacMrzInformation(contents->access.documentNumber, contents->access.dateOfBirth,
                                 contents->access.dateOfExpiry)
            .value_or("");
    config.can = contents->access.can;
    auto card = std::make_shared<SimulatedEmrtd>(std::move(config));
    built_[personaId] = card;
    return card;
}

Result<std::unique_ptr<CardChannel>, CardError> SimCardInbox::waitForCard(
    const std::string& reader, std::chrono::milliseconds timeout, const std::atomic<bool>& cancel) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!cancel) {
        if (auto file = oldestCardFile(inbox_)) {
            const std::string personaId = file->stem().string();
            std::error_code ec;
            std::filesystem::remove(*file, ec);
            std::string error;
            auto card = cardFor(personaId, error);
            if (!card) {
                log::error("card-sim", "cannot build the simulated card: " + error);
                return fail(CardError{CardError::Kind::Transport, "simulated card: " + error});
            }
            reader_.presentCard(card);
            return reader_.waitForCard(reader, std::chrono::milliseconds(100), cancel);
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return fail(CardError{CardError::Kind::NoCard, "no card file"});
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return fail(CardError{CardError::Kind::Cancelled, {}});
}

}  // namespace dvc::card
