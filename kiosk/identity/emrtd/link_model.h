#pragma once
// A model of the contactless link, to turn APDU counts and sizes into time without a card:
// ISO/IEC 14443-4 carries each APDU in I-blocks of at most FSC/FSD bytes, each with a PCB byte
// and a 2-byte CRC; a chained block is acknowledged by a 3-byte R-block. The bit rate is that
// of the air interface (106/212/424/848 kbit/s); `turnaround` adds a fixed time per APDU
// (frame delay and the card's processing), 0 by default so that the model counts only bytes.
#include <cstddef>

#include "identity/emrtd/chip_session.h"

namespace dvc::emrtd {

struct LinkModel {
    double bitsPerSecond = 424000.0;
    std::size_t frameSize = 256;      // FSC = FSD: block including PCB and CRC
    std::size_t blockOverhead = 3;    // PCB + CRC_A
    std::size_t acknowledgement = 3;  // R(ACK) block for each chained I-block
    double turnaroundSeconds = 0.0;

    // Bytes on the air for one message of `apduBytes` in one direction.
    std::size_t airBytes(std::size_t apduBytes) const;
    double seconds(const LinkCounters& counters) const;
    // Time to move `payloadBytes` at the bit rate with no overhead at all (the benchmark's unit).
    double payloadSeconds(std::size_t payloadBytes) const;
};

}  // namespace dvc::emrtd
