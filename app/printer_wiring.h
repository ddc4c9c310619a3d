#pragma once
// The receipt printer the config names ([devices] printer, printer_sim, printer_width), given
// to the Session for queue tickets and receipts.
#include <memory>

#include "config/config.h"
#include "ports/ticket_printer.h"
#include "session/session.h"

namespace dvc::app {

// printer = "sim": the dvc-printer-sim at printer_sim over TCP, like a network printer;
// "real"/"usb…"/"tcp:…"/"file:…": that device; "none": null. Null too when the Noto fonts are
// missing (logged): the kiosk still shows every number on screen.
std::unique_ptr<TicketPrinter> makeTicketPrinter(const KioskConfig& config);

// makeTicketPrinter, attached to the Session; the caller keeps the printer alive longer than
// the worker pool.
std::unique_ptr<TicketPrinter> attachTicketPrinter(Session& session, const KioskConfig& config);

}  // namespace dvc::app
