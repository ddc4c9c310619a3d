#pragma once
#include "portal/portal_client.h"

namespace dvc::bench {

// Queue ticket figures (docs/printing.md): tap → first byte at the printer (gateway number,
// layout, raster, status check), bytes per ticket, render time, and the time a 250 mm/s
// printer needs for the paper. Prints `name: value unit` lines; false on failure.
bool printTicketFigures(PortalClient& portal, int samples);
// The same through the kiosk's own wiring: QueueFlow on a worker thread, the gateway's number,
// DeviceTicketPrinter over TCP to dvc-printer-sim's simulator (connect per job, status before
// and after). "Tap" is QueueFlow::selectService; the end is the Printed state on the UI side.
bool printKioskTicketFigures(PortalClient& portal, int samples);

}  // namespace dvc::bench
