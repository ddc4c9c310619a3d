#include "usb_transport.h"

#include <libusb.h>

#include <cstdio>

namespace dvc {

namespace {

constexpr int kPrinterClass = LIBUSB_CLASS_PRINTER;  // 7

std::string hex4(std::uint16_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04x", v);
    return buf;
}

struct Context {
    libusb_context* ctx = nullptr;
    ~Context() {
        if (ctx) libusb_exit(ctx);
    }
};

struct Endpoints {
    int interfaceNumber = -1;
    int out = -1;
    int in = -1;
    bool printerClass = false;
};

// The interface to print through: a printer-class interface with a bulk OUT endpoint first,
// else (for vendor-class receipt printers) any interface with one.
Endpoints findEndpoints(libusb_device* dev) {
    Endpoints best;
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(dev, &config) != 0 &&
        libusb_get_config_descriptor(dev, 0, &config) != 0)
        return best;
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const auto& iface = config->interface[i];
        for (int a = 0; a < iface.num_altsetting; ++a) {
            const auto& alt = iface.altsetting[a];
            Endpoints e;
            e.interfaceNumber = alt.bInterfaceNumber;
            e.printerClass = alt.bInterfaceClass == kPrinterClass;
            for (int k = 0; k < alt.bNumEndpoints; ++k) {
                const auto& ep = alt.endpoint[k];
                if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK)
                    continue;
                if ((ep.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_OUT) {
                    if (e.out < 0) e.out = ep.bEndpointAddress;
                } else if (e.in < 0) {
                    e.in = ep.bEndpointAddress;
                }
            }
            if (e.out < 0) continue;
            if (best.out < 0 || (e.printerClass && !best.printerClass)) best = e;
        }
    }
    libusb_free_config_descriptor(config);
    return best;
}

}  // namespace

TransportError usbError(int code, const std::string& what) {
    auto name = std::string(libusb_error_name(code));
    switch (code) {
        case LIBUSB_ERROR_ACCESS:
            return {
                TransportErrorKind::AccessDenied,
                what + ": " + name + " (no permission on the USB device; install the udev rule)"};
        case LIBUSB_ERROR_BUSY:
            return {TransportErrorKind::Busy,
                    what + ": " + name + " (another program holds the printer)"};
        case LIBUSB_ERROR_NO_DEVICE:
            return {TransportErrorKind::Disconnected,
                    what + ": " + name + " (the printer was unplugged)"};
        case LIBUSB_ERROR_NOT_FOUND:
            return {TransportErrorKind::NotFound, what + ": " + name};
        case LIBUSB_ERROR_TIMEOUT:
            return {TransportErrorKind::Timeout,
                    what + ": " + name + " (the printer stopped taking data)"};
        case LIBUSB_ERROR_PIPE:
            return {TransportErrorKind::Io, what + ": " + name + " (endpoint stalled)"};
        default:
            return {TransportErrorKind::Io, what + ": " + name};
    }
}

Result<std::vector<UsbPrinterInfo>, TransportError> listUsbPrinters() {
    Context c;
    if (int rc = libusb_init(&c.ctx); rc != 0) return fail(usbError(rc, "libusb_init"));
    libusb_device** list = nullptr;
    auto count = libusb_get_device_list(c.ctx, &list);
    if (count < 0) return fail(usbError(static_cast<int>(count), "libusb_get_device_list"));
    std::vector<UsbPrinterInfo> found;
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(list[i], &desc) != 0) continue;
        auto ep = findEndpoints(list[i]);
        if (!ep.printerClass) continue;
        UsbPrinterInfo info;
        info.vendorId = desc.idVendor;
        info.productId = desc.idProduct;
        info.bus = libusb_get_bus_number(list[i]);
        info.address = libusb_get_device_address(list[i]);
        info.interfaceNumber = ep.interfaceNumber;
        info.printerClass = true;
        libusb_device_handle* h = nullptr;
        if (desc.iProduct && libusb_open(list[i], &h) == 0) {
            unsigned char name[128] = {};
            if (libusb_get_string_descriptor_ascii(h, desc.iProduct, name, sizeof name) > 0)
                info.product = reinterpret_cast<char*>(name);
            libusb_close(h);
        }
        found.push_back(info);
    }
    libusb_free_device_list(list, 1);
    return found;
}

struct UsbTransport::Device {
    Context context;
    libusb_device_handle* handle = nullptr;
    Endpoints endpoints;
    std::uint16_t vendorId = 0, productId = 0;
    bool claimed = false;
    ~Device() {
        if (claimed) libusb_release_interface(handle, endpoints.interfaceNumber);
        if (handle) libusb_close(handle);
    }
};

UsbTransport::UsbTransport(std::unique_ptr<Device> device) : device_(std::move(device)) {}
UsbTransport::~UsbTransport() = default;

Result<std::unique_ptr<UsbTransport>, TransportError> UsbTransport::open(std::uint16_t vendorId,
                                                                         std::uint16_t productId) {
    auto d = std::make_unique<Device>();
    if (int rc = libusb_init(&d->context.ctx); rc != 0) return fail(usbError(rc, "libusb_init"));
    libusb_device** list = nullptr;
    auto count = libusb_get_device_list(d->context.ctx, &list);
    if (count < 0) return fail(usbError(static_cast<int>(count), "libusb_get_device_list"));
    bool anyId = vendorId == 0 && productId == 0;
    libusb_device* chosen = nullptr;
    for (ssize_t i = 0; i < count && !chosen; ++i) {
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(list[i], &desc) != 0) continue;
        if (!anyId && (desc.idVendor != vendorId || desc.idProduct != productId)) continue;
        auto ep = findEndpoints(list[i]);
        if (ep.out < 0 || (anyId && !ep.printerClass)) continue;
        chosen = list[i];
        d->endpoints = ep;
        d->vendorId = desc.idVendor;
        d->productId = desc.idProduct;
    }
    int rc = chosen ? libusb_open(chosen, &d->handle) : 0;
    libusb_free_device_list(list, 1);
    if (!chosen)
        return fail(TransportError{
            TransportErrorKind::NotFound,
            anyId ? std::string("no USB printer found (no device with interface class 7)")
                  : "no USB printer " + hex4(vendorId) + ":" + hex4(productId) +
                        " with a bulk OUT endpoint"});
    if (rc != 0) return fail(usbError(rc, "libusb_open"));
    libusb_set_auto_detach_kernel_driver(d->handle, 1);  // usblp lets go while we print
    if (int c = libusb_claim_interface(d->handle, d->endpoints.interfaceNumber); c != 0)
        return fail(usbError(c, "libusb_claim_interface"));
    d->claimed = true;
    return std::unique_ptr<UsbTransport>(new UsbTransport(std::move(d)));
}

Result<std::size_t, TransportError> UsbTransport::write(const std::vector<std::uint8_t>& bytes,
                                                        std::chrono::milliseconds timeout) {
    constexpr std::size_t kChunk = 4096;
    std::size_t done = 0;
    while (done < bytes.size()) {
        int len = static_cast<int>(std::min(kChunk, bytes.size() - done));
        int sent = 0;
        int rc = libusb_bulk_transfer(device_->handle,
                                      static_cast<unsigned char>(device_->endpoints.out),
                                      const_cast<unsigned char*>(bytes.data() + done), len, &sent,
                                      static_cast<unsigned>(timeout.count()));
        done += static_cast<std::size_t>(sent);
        if (rc != 0) return fail(usbError(rc, "bulk OUT after " + std::to_string(done) + " bytes"));
    }
    return done;
}

Result<std::vector<std::uint8_t>, TransportError> UsbTransport::read(
    std::size_t max, std::chrono::milliseconds timeout) {
    if (device_->endpoints.in < 0)
        return fail(
            TransportError{TransportErrorKind::Io, "this USB printer has no bulk IN endpoint"});
    // Reads must ask for a whole max packet or libusb reports an overflow.
    std::vector<std::uint8_t> buf(std::max<std::size_t>(max, 64));
    int got = 0;
    int rc = libusb_bulk_transfer(
        device_->handle, static_cast<unsigned char>(device_->endpoints.in), buf.data(),
        static_cast<int>(buf.size()), &got, static_cast<unsigned>(timeout.count()));
    if (rc != 0) return fail(usbError(rc, "bulk IN"));
    if (got == 0)
        return fail(TransportError{TransportErrorKind::Timeout, "no reply from the printer"});
    buf.resize(static_cast<std::size_t>(std::min<int>(got, static_cast<int>(max))));
    return buf;
}

bool UsbTransport::canReadBack() const {
    return device_->endpoints.in >= 0;
}

std::string UsbTransport::describe() const {
    return "usb:" + hex4(device_->vendorId) + ":" + hex4(device_->productId);
}

}  // namespace dvc
