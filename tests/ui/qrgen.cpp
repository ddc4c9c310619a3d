// dvc-test-qrgen TEXT OUT.png [SIZE] — a QR code for the simulated camera in UI tests.
#include <cstdio>
#include <string>

#include "qr_codec.h"

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: dvc-test-qrgen TEXT OUT.png [SIZE]\n");
        return 2;
    }
    int size = argc == 4 ? std::stoi(argv[3]) : 400;
    if (!dvc::writeQrPng(argv[1], argv[2], size)) {
        std::fprintf(stderr, "dvc-test-qrgen: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
