// dvc-emrtd-samples PERSONA.json OUT_DIR: writes a simulated card's files (EF.COM.bin, DG1.bin,
// DG2.bin, DG13.bin, SOD.bin) and the CSCA that signed them (csca.pem), made with a fresh
// test PKI. Used once to produce tests/data/emrtd/ (sample inputs and fuzz seeds).
#include <fstream>
#include <iostream>

#include "card/sim/lds_builder.h"
#include "identity/emrtd/lds.h"

int main(int argc, char** argv) {
    using namespace dvc::card::sim;
    if (argc != 3) {
        std::cerr << "usage: dvc-emrtd-samples PERSONA.json OUT_DIR\n";
        return 2;
    }
    auto persona = loadPersona(argv[1]);
    if (!persona) {
        std::cerr << persona.error() << "\n";
        return 1;
    }
    auto pki = generateTestPki();
    if (!pki) {
        std::cerr << pki.error() << "\n";
        return 1;
    }
    auto card = buildCardContents(*persona, *pki);
    if (!card) {
        std::cerr << card.error() << "\n";
        return 1;
    }
    const std::filesystem::path out = argv[2];
    std::filesystem::create_directories(out);
    const std::pair<std::uint16_t, const char*> names[] = {{dvc::emrtd::fid::kCom, "EF.COM.bin"},
                                                           {dvc::emrtd::fid::kDg1, "DG1.bin"},
                                                           {dvc::emrtd::fid::kDg2, "DG2.bin"},
                                                           {dvc::emrtd::fid::kDg13, "DG13.bin"},
                                                           {dvc::emrtd::fid::kSod, "SOD.bin"}};
    for (const auto& [fileId, name] : names) {
        const auto& bytes = card->files.at(fileId);
        std::ofstream(out / name, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
    }
    if (!writeCertificatePem(pki->csca, out, "csca")) return 1;
    std::cout << "wrote " << out.string() << "\n";
    return 0;
}
