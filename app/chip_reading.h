#pragma once
// The contactless reader the config names, and the ChipIdentityReader over it.
#include <filesystem>
#include <memory>

#include "config/config.h"
#include "identity/chip_identity_reader.h"
#include "ports/card_reader.h"

namespace dvc::app {

struct ChipReading {
    std::unique_ptr<CardReader> reader;
    std::unique_ptr<ChipIdentityReader> identity;  // null: no reader (the screen says so)
};

// card_reader = "sim": the card inbox with a test PKI made now (its CSCA is the trust store);
// "real": PC/SC, trusting devices.csca_store; "none": nothing.
ChipReading makeChipReading(const KioskConfig& config, const std::filesystem::path& assets);

}  // namespace dvc::app
