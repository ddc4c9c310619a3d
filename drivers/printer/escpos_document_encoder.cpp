#include "escpos_document_encoder.h"

#include <algorithm>

#include "qr_raster.h"

namespace dvc::escpos {

namespace {

MonoBitmap placed(const MonoBitmap& image, int widthDots, Align align) {
    MonoBitmap out(widthDots, image.height());
    int spare = std::max(widthDots - image.width(), 0);
    out.blit(image, align == Align::Left ? 0 : align == Align::Center ? spare / 2 : spare, 0);
    return out;
}

MonoBitmap ruleImage(int widthDots, bool dashed) {
    MonoBitmap r(widthDots, 12);
    for (int x = 0; x < widthDots; ++x)
        if (!dashed || (x / 8) % 2 == 0) r.fillRect(x, 5, 1, 2);
    return r;
}

}  // namespace

bool isSupportedWidth(int widthDots) {
    return widthDots == 384 || widthDots == 576;
}

Result<Bytes, std::string> encodeDocument(const PrintDocument& document, const TextRasterizer& text,
                                          const EncodeOptions& options) {
    if (!isSupportedWidth(options.widthDots))
        return fail("unsupported paper width " + std::to_string(options.widthDots) +
                    " dots (384 or 576)");
    const int width = options.widthDots;
    CommandWriter out;
    out.initialize();
    for (const auto& block : document.blocks) {
        if (auto* t = std::get_if<TextBlock>(&block)) {
            out.raster(text.renderBlock(*t, width));
        } else if (auto* n = std::get_if<NativeTextBlock>(&block)) {
            out.align(n->align).bold(n->bold).characterSize(n->widthMultiplier,
                                                            n->heightMultiplier);
            out.text(n->ascii).lineFeed();
            out.characterSize(1, 1).bold(false).align(Align::Left);
        } else if (auto* q = std::get_if<QrBlock>(&block)) {
            if (q->text.empty()) return fail(std::string("QR block with empty text"));
            if (q->text.size() > 700) return fail(std::string("QR text longer than 700 bytes"));
            int module = q->moduleDots * width / 384;
            if (options.qrMode == QrMode::Printer) {
                out.align(q->align).qrCode(q->text, module, QrErrorCorrection::M);
                out.align(Align::Left);
            } else {
                auto image = qrBitmap(q->text, module);
                if (!image) return fail(image.error());
                out.raster(placed(*image, width, q->align));
            }
        } else if (auto* img = std::get_if<ImageBlock>(&block)) {
            out.raster(placed(img->image, width, img->align));
        } else if (auto* r = std::get_if<RuleBlock>(&block)) {
            out.raster(ruleImage(width, r->dashed));
        } else if (auto* f = std::get_if<FeedBlock>(&block)) {
            out.feedLines(f->lines);
        } else if (auto* c = std::get_if<CutBlock>(&block)) {
            out.cut(c->partial);
        }
    }
    return out.take();
}

}  // namespace dvc::escpos
