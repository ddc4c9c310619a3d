#include "escpos_printer.h"

#include <chrono>

#include "escpos_status.h"

namespace dvc {

using namespace std::chrono_literals;

PrintFailure printFailureOf(const TransportError& e) {
    PrintFailure f;
    f.detail = std::string(transportErrorName(e.kind)) + ": " + e.detail;
    switch (e.kind) {
        case TransportErrorKind::Timeout:
            f.kind = PrintFailureKind::Timeout;
            break;
        case TransportErrorKind::Io:
            f.kind = PrintFailureKind::Io;
            break;
        default:
            f.kind = PrintFailureKind::NotConnected;
            break;
    }
    return f;
}

EscPosPrinter::EscPosPrinter(std::unique_ptr<PrinterTransport> transport, TextRasterizer text,
                             escpos::EncodeOptions options)
    : transport_(std::move(transport)), text_(std::move(text)), options_(options) {}

Result<PrinterStatus, PrintFailure> EscPosPrinter::status() {
    if (!transport_->canReadBack()) {
        PrinterStatus unknown;
        unknown.known = false;
        return unknown;
    }
    std::array<std::uint8_t, 4> replies{};
    for (int n = 1; n <= 4; ++n) {
        if (auto w = transport_->write(escpos::statusRequest(n), 2s); !w)
            return fail(printFailureOf(w.error()));
        // Skip bytes that are not DLE EOT replies (automatic status back, a late answer).
        bool got = false;
        for (int attempt = 0; attempt < 4 && !got; ++attempt) {
            auto r = transport_->read(1, 1s);
            if (!r) return fail(printFailureOf(r.error()));
            for (auto b : *r)
                if (escpos::isDleEotReply(b)) {
                    replies[static_cast<std::size_t>(n - 1)] = b;
                    got = true;
                    break;
                }
        }
        if (!got)
            return fail(PrintFailure{
                PrintFailureKind::Io, {}, "no status reply to DLE EOT " + std::to_string(n)});
    }
    auto decoded = escpos::decodeStatus(replies);
    if (!decoded) return fail(PrintFailure{PrintFailureKind::Io, {}, decoded.error()});
    return decoded.value();
}

Result<PrintReport, PrintFailure> EscPosPrinter::print(const PrintDocument& document) {
    auto bytes = escpos::encodeDocument(document, text_, options_);
    if (!bytes) return fail(PrintFailure{PrintFailureKind::Render, {}, bytes.error()});
    auto before = status();
    if (!before) return fail(before.error());
    if (!before->canPrint())
        return fail(PrintFailure{PrintFailureKind::Fault, *before, printerStatusFlags(*before)});
    // Generous: ~50 KB at a slow USB 1.1 printer's pace still fits.
    auto sent = transport_->write(*bytes, 20s);
    if (!sent) return fail(printFailureOf(sent.error()));
    PrintReport report{*sent, *before};
    auto after = status();
    if (!after) return fail(after.error());
    report.statusAfter = *after;
    // Paper that ran out during the ticket leaves it incomplete: the caller offers a reprint.
    if (!after->canPrint())
        return fail(PrintFailure{PrintFailureKind::Fault, *after, printerStatusFlags(*after)});
    return report;
}

}  // namespace dvc
