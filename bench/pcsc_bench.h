#pragma once

namespace dvc::bench {

// APDU round trip through PcscCardReader → pcscd → vpcd → VpcdBridge → a file card, on a
// private pcscd: prints pcsc_roundtrip_median_short_apdu and pcsc_roundtrip_median_read_4k
// (ms, median over `samples`). Says why on stderr and prints nothing when pcscd cannot run.
void printPcscRoundtrip(int samples);

}  // namespace dvc::bench
