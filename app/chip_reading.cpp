#include "chip_reading.h"

#include "card/identity/emrtd_identity_reader.h"
#include "card/pcsc/pcsc_card_reader.h"
#include "card/sim/sim_card_inbox.h"
#include "log/log.h"

namespace dvc::app {

ChipReading makeChipReading(const KioskConfig& config, const std::filesystem::path& assets) {
    ChipReading out;
    std::optional<emrtd::CscaStore> trust;
    switch (config.devices.cardReader) {
        case DeviceBackend::None:
            return out;
        case DeviceBackend::Sim: {
            auto pki = card::sim::generateTestPki();
            if (!pki) {
                log::error("card", "simulated card: test PKI failed: " + pki.error());
                return out;
            }
            auto inbox = std::make_unique<card::SimCardInbox>(
                config.devices.cardSimInbox, assets / "sim" / "personas", std::move(pki).value());
            trust = inbox->trustStore();
            out.reader = std::move(inbox);
            break;
        }
        case DeviceBackend::Real: {
            card::PcscOptions options;
            options.readerFilter = config.devices.cardReaderName;
            out.reader = std::make_unique<card::PcscCardReader>(options);
            if (!config.devices.cscaStore.empty()) {
                if (auto store = emrtd::CscaStore::load(config.devices.cscaStore))
                    trust = std::move(store).value();
                else
                    log::error("card", "CSCA trust store " + config.devices.cscaStore.string() +
                                           ": " + emrtd::cscaStoreErrorName(store.error()));
            } else {
                log::warn("card", "no devices.csca_store: cards will read as not verified");
            }
            break;
        }
    }
    out.identity = std::make_unique<card::EmrtdIdentityReader>(*out.reader, std::move(trust));
    return out;
}

}  // namespace dvc::app
