#pragma once
// What a receipt says, independent of the printer: blocks of styled text, QR codes, images,
// rules, feeds and cuts. drivers/printer turns a document into ESC/POS bytes for a given paper
// width; Vietnamese text becomes raster images there (docs/printing.md).
#include <string>
#include <variant>
#include <vector>

#include "printing/mono_bitmap.h"

namespace dvc {

enum class Align { Left, Center, Right };

// Text sizes in dots of a 384-dot (58 mm) head; layouts scale them for wider paper.
enum class TextSize { Small, Normal, Large, Huge };

struct TextBlock {
    std::string text;  // UTF-8, NFC; wrapped to the paper width
    TextSize size = TextSize::Normal;
    bool bold = false;
    Align align = Align::Left;
};

// Text in the printer's own font (ASCII only), magnified by GS ! (1..8 each way).
struct NativeTextBlock {
    std::string ascii;
    int widthMultiplier = 1;
    int heightMultiplier = 1;
    bool bold = false;
    Align align = Align::Left;
};

struct QrBlock {
    std::string text;    // UTF-8
    int moduleDots = 6;  // size of one module in dots (GS ( k function 167: 1..16)
    Align align = Align::Center;
};

struct ImageBlock {
    MonoBitmap image;
    Align align = Align::Center;
};

struct RuleBlock {
    bool dashed = false;
};

struct FeedBlock {
    int lines = 1;
};

struct CutBlock {
    bool partial = true;  // partial cut leaves a hinge so the ticket does not fall
};

using PrintBlock =
    std::variant<TextBlock, NativeTextBlock, QrBlock, ImageBlock, RuleBlock, FeedBlock, CutBlock>;

struct PrintDocument {
    std::vector<PrintBlock> blocks;

    PrintDocument& text(std::string t, TextSize size = TextSize::Normal, bool bold = false,
                        Align align = Align::Left) {
        blocks.emplace_back(TextBlock{std::move(t), size, bold, align});
        return *this;
    }
    PrintDocument& qr(std::string t, int moduleDots = 6) {
        blocks.emplace_back(QrBlock{std::move(t), moduleDots, Align::Center});
        return *this;
    }
    PrintDocument& rule(bool dashed = false) {
        blocks.emplace_back(RuleBlock{dashed});
        return *this;
    }
    PrintDocument& feed(int lines = 1) {
        blocks.emplace_back(FeedBlock{lines});
        return *this;
    }
    PrintDocument& cut(bool partial = true) {
        blocks.emplace_back(CutBlock{partial});
        return *this;
    }
};

}  // namespace dvc
