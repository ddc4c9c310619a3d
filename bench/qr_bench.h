#pragma once

namespace dvc::bench {

// QR decoding of a 1280×720 camera frame (the card held up to the camera), and of a frame with
// no code in it (what the camera sees most of the time). Prints qr_decode_* figures.
bool runQrDecodeBench(int samples);

}  // namespace dvc::bench
