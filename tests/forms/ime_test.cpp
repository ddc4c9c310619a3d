// The Vietnamese input methods against a table of real names and addresses typed in Telex and
// VNI (tests/data/ime/names_addresses.tsv), plus the rules one by one.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "input/vietnamese_composer.h"

using namespace dvc;

namespace {

struct Row {
    std::string expected, telex, vni;
};

std::vector<Row> readTable() {
    std::ifstream in(std::string(DVC_SOURCE_TESTDATA) + "/ime/names_addresses.tsv");
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        rows.push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)});
    }
    return rows;
}

}  // namespace

TEST_CASE("the table holds at least 60 real names and addresses") {
    CHECK(readTable().size() >= 60);
}

TEST_CASE("Telex types every name and address of the table") {
    for (const auto& row : readTable()) {
        INFO(row.telex);
        CHECK(typeTelex(row.telex) == row.expected);
    }
}

TEST_CASE("VNI types every name and address of the table") {
    for (const auto& row : readTable()) {
        INFO(row.vni);
        CHECK(typeVni(row.vni) == row.expected);
    }
}

TEST_CASE("the issue's examples, typed as people type them") {
    CHECK(typeTelex("Nguyeenx Vawn Ast") == "Nguyễn Văn Át");
    CHECK(typeTelex("Traanf Thij Thu Hwowng") == "Trần Thị Thu Hương");  // a lone w is ư
    CHECK(typeTelex("Quaajn Hoafn Kieesm") == "Quận Hoàn Kiếm");         // tone before the final
    CHECK(typeTelex("DDaf Nawngx") == "Đà Nẵng");
    CHECK(typeVni("Nguye6n4 Va8n A1t") == "Nguyễn Văn Át");
}

TEST_CASE("Telex: a modifier may come anywhere after its vowel") {
    CHECK(typeTelex("Nguyeenx") == "Nguyễn");
    CHECK(typeTelex("Nguyenex") == "Nguyễn");
    CHECK(typeTelex("Nguyeexn") == "Nguyễn");
    CHECK(typeTelex("truongwf") == "trường");
    CHECK(typeTelex("dinhd") == "đinh");
}

TEST_CASE("Telex: the w rules") {
    CHECK(typeTelex("uw") == "ư");
    CHECK(typeTelex("ow") == "ơ");
    CHECK(typeTelex("aw") == "ă");
    CHECK(typeTelex("w") == "ư");
    CHECK(typeTelex("nhw") == "như");
    CHECK(typeTelex("muwa") == "mưa");
    CHECK(typeTelex("muaw") == "mưa");
    CHECK(typeTelex("hoawcj") == "hoặc");
    CHECK(typeTelex("nguowif") == "người");
    CHECK(typeTelex("ww") == "w");
    CHECK(typeTelex("uww") == "uw");
}

TEST_CASE("pressing a modifier twice undoes it and types the key") {
    CHECK(typeTelex("ass") == "as");
    CHECK(typeTelex("aaa") == "aa");
    CHECK(typeTelex("ddd") == "dd");
    CHECK(typeTelex("aww") == "aw");
    CHECK(typeVni("a11") == "a1");
    CHECK(typeVni("a66") == "a6");
    CHECK(typeVni("d99") == "d9");
}

TEST_CASE("z and 0 remove the tone; another tone key replaces it") {
    CHECK(typeTelex("asz") == "a");
    CHECK(typeTelex("asf") == "à");
    CHECK(typeTelex("z") == "z");
    CHECK(typeVni("a10") == "a");
    CHECK(typeVni("a12") == "à");
}

TEST_CASE("uppercase keys keep their case; modifiers take the letter's") {
    CHECK(typeTelex("NGUYEENX VAWN AST") == "NGUYỄN VĂN ÁT");
    CHECK(typeTelex("DDaf") == "Đà");
    CHECK(typeTelex("Dda") == "Đa");
    CHECK(typeTelex("DD") == "Đ");
    CHECK(typeTelex("aS") == "á");
    CHECK(typeVni("D9A2") == "ĐÀ");
}

TEST_CASE("tone placement: qu, gi, three vowels, closed syllables") {
    CHECK(typeTelex("quys") == "quý");
    CHECK(typeTelex("giuwx") == "giữ");
    CHECK(typeTelex("gif") == "gì");
    CHECK(typeTelex("ngoaif") == "ngoài");
    CHECK(typeTelex("khuyeens") == "khuyến");
    CHECK(typeTelex("ruowuj") == "rượu");
    CHECK(typeTelex("muaf") == "mùa");
    CHECK(typeTelex("mias") == "mía");
}

TEST_CASE("oa, oe, uy: traditional by default, modern on request") {
    CHECK(typeTelex("hoaf") == "hòa");
    CHECK(typeTelex("khoer") == "khỏe");
    CHECK(typeTelex("thuyr") == "thủy");
    CHECK(typeTelex("hoaf", TonePlacement::Modern) == "hoà");
    CHECK(typeTelex("khoer", TonePlacement::Modern) == "khoẻ");
    CHECK(typeTelex("thuyr", TonePlacement::Modern) == "thuỷ");
    // A final consonant settles it in both styles.
    CHECK(typeTelex("hoanf", TonePlacement::Modern) == "hoàn");
    CHECK(typeTelex("hoafn") == "hoàn");
}

TEST_CASE("backspace deletes what is shown and keeps the word open") {
    VietnameseComposer c(InputMethod::Telex);
    c.typeKeys("Vieetj");
    CHECK(c.text() == "Việt");
    c.backspace();
    CHECK(c.text() == "Việ");
    c.typeKeys("t");
    CHECK(c.text() == "Việt");
    c.backspace();
    c.backspace();  // the toned ệ goes at once, and its tone with it
    CHECK(c.text() == "Vi");
    c.typeKeys("eet");
    CHECK(c.text() == "Viêt");

    c.clear();
    c.typeKeys("Nguyeen ");
    c.backspace();  // back into the earlier word: it takes modifiers again
    c.typeKeys("x");
    CHECK(c.text() == "Nguyễn");

    c.clear();
    c.backspace();
    CHECK(c.text().empty());
    c.typeKeys("a");
    c.backspace();
    c.backspace();
    CHECK(c.empty());
}

TEST_CASE("a pre-filled value can be corrected") {
    VietnameseComposer c(InputMethod::Telex);
    c.setText("Số 5 Hàng Bac");
    c.typeKeys("j");
    CHECK(c.text() == "Số 5 Hàng Bạc");
}

TEST_CASE("digits, punctuation and Off mode") {
    CHECK(typeTelex("Soos 12, ngox 5") == "Số 12, ngõ 5");
    CHECK(typeVni("So61 12") == "Số 12");
    VietnameseComposer off(InputMethod::Off);
    off.typeKeys("ass@example.com");
    CHECK(off.text() == "ass@example.com");
}

TEST_CASE("precomposed letters from keys of their own join the word") {
    VietnameseComposer c(InputMethod::Telex);
    c.typeKeys("Đ");
    c.typeKeys("ao");
    c.typeKeys("f");
    CHECK(c.text() == "Đào");
}
