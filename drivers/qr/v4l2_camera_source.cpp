#include "v4l2_camera_source.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "frame_luma.h"
#include "log/log.h"
#include "qr_codec.h"

namespace dvc {

namespace {

int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do r = ::ioctl(fd, request, arg);
    while (r < 0 && errno == EINTR);
    return r;
}

std::string errnoText(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

// One streaming session: format negotiated, buffers mapped, stream on. Undone in reverse.
class CaptureSession {
  public:
    explicit CaptureSession(const std::filesystem::path& device) : device_(device) {}
    ~CaptureSession() {
        if (streaming_) {
            v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            xioctl(fd_, VIDIOC_STREAMOFF, &type);
        }
        for (auto& b : buffers_) ::munmap(b.start, b.length);
        if (fd_ >= 0) ::close(fd_);
    }
    CaptureSession(const CaptureSession&) = delete;
    CaptureSession& operator=(const CaptureSession&) = delete;

    // Empty string on success, else what went wrong (for the log).
    std::string start(CameraFormat wanted) {
        fd_ = ::open(device_.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd_ < 0) return errnoText("open");
        v4l2_capability cap{};
        if (xioctl(fd_, VIDIOC_QUERYCAP, &cap) < 0)
            return errnoText("not a V4L2 device (VIDIOC_QUERYCAP)");
        const auto caps =
            (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
        if (!(caps & V4L2_CAP_VIDEO_CAPTURE)) return "not a capture device";
        if (!(caps & V4L2_CAP_STREAMING)) return "no streaming I/O";
        if (auto error = negotiateFormat(wanted); !error.empty()) return error;
        if (auto error = mapBuffers(); !error.empty()) return error;
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (xioctl(fd_, VIDIOC_STREAMON, &type) < 0) return errnoText("VIDIOC_STREAMON");
        streaming_ = true;
        return {};
    }

    int fd() const { return fd_; }

    // The newest frame queued by the driver, as luma; older ones are dropped so that a slow
    // decode never falls behind the camera. nullopt when none is ready; throws nothing.
    std::optional<LumaFrame> newestFrame(std::string& error) {
        std::optional<v4l2_buffer> newest;
        for (;;) {
            v4l2_buffer buf{};
            buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            buf.memory = V4L2_MEMORY_MMAP;
            if (xioctl(fd_, VIDIOC_DQBUF, &buf) < 0) {
                if (errno == EAGAIN) break;
                error = errnoText("VIDIOC_DQBUF");
                return std::nullopt;
            }
            if (newest) xioctl(fd_, VIDIOC_QBUF, &*newest);
            newest = buf;
        }
        if (!newest) return std::nullopt;
        const auto& mapped = buffers_.at(newest->index);
        std::span<const std::uint8_t> data(static_cast<const std::uint8_t*>(mapped.start),
                                           newest->bytesused);
        LumaFrame frame;
        switch (pixelFormat_) {
            case V4L2_PIX_FMT_GREY:
                frame = lumaFromGrey(data, width_, height_, bytesPerLine_);
                break;
            case V4L2_PIX_FMT_YUYV:
                frame = lumaFromYuyv(data, width_, height_, bytesPerLine_);
                break;
            default:
                frame = lumaFromJpeg(data);
                break;
        }
        xioctl(fd_, VIDIOC_QBUF, &*newest);
        return frame;
    }

  private:
    struct Mapped {
        void* start = nullptr;
        std::size_t length = 0;
    };

    std::string negotiateFormat(CameraFormat wanted) {
        // Luma first (no conversion), then YUYV (every UVC camera), then MJPEG (decode cost).
        for (std::uint32_t fourcc : {V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_MJPEG}) {
            v4l2_format fmt{};
            fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            fmt.fmt.pix.width = static_cast<std::uint32_t>(wanted.width);
            fmt.fmt.pix.height = static_cast<std::uint32_t>(wanted.height);
            fmt.fmt.pix.pixelformat = fourcc;
            fmt.fmt.pix.field = V4L2_FIELD_NONE;
            if (xioctl(fd_, VIDIOC_S_FMT, &fmt) < 0 || fmt.fmt.pix.pixelformat != fourcc) continue;
            pixelFormat_ = fourcc;
            width_ = static_cast<int>(fmt.fmt.pix.width);
            height_ = static_cast<int>(fmt.fmt.pix.height);
            bytesPerLine_ = static_cast<int>(fmt.fmt.pix.bytesperline);
            if (bytesPerLine_ == 0)
                bytesPerLine_ = fourcc == V4L2_PIX_FMT_YUYV ? 2 * width_ : width_;
            log::info("qr-camera", device_.string() + ": " + std::to_string(width_) + "x" +
                                       std::to_string(height_) + " " +
                                       std::string(reinterpret_cast<const char*>(&fourcc), 4));
            return {};
        }
        return "the camera offers none of GREY, YUYV, MJPEG";
    }

    std::string mapBuffers() {
        v4l2_requestbuffers request{};
        request.count = 4;
        request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        request.memory = V4L2_MEMORY_MMAP;
        if (xioctl(fd_, VIDIOC_REQBUFS, &request) < 0) return errnoText("VIDIOC_REQBUFS");
        if (request.count < 2) return "the camera gave fewer than 2 buffers";
        for (std::uint32_t i = 0; i < request.count; ++i) {
            v4l2_buffer buf{};
            buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            buf.memory = V4L2_MEMORY_MMAP;
            buf.index = i;
            if (xioctl(fd_, VIDIOC_QUERYBUF, &buf) < 0) return errnoText("VIDIOC_QUERYBUF");
            void* start =
                ::mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, buf.m.offset);
            if (start == MAP_FAILED) return errnoText("mmap");
            buffers_.push_back({start, buf.length});
            if (xioctl(fd_, VIDIOC_QBUF, &buf) < 0) return errnoText("VIDIOC_QBUF");
        }
        return {};
    }

    std::filesystem::path device_;
    int fd_ = -1;
    bool streaming_ = false;
    std::vector<Mapped> buffers_;
    std::uint32_t pixelFormat_ = 0;
    int width_ = 0;
    int height_ = 0;
    int bytesPerLine_ = 0;
};

}  // namespace

V4l2CameraSource::V4l2CameraSource(std::filesystem::path device, CameraFormat wanted)
    : device_(std::move(device)), wanted_(wanted) {}

Result<std::string, QrScanFailure> V4l2CameraSource::scan(std::chrono::milliseconds timeout,
                                                          const std::atomic<bool>& cancel) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    CaptureSession session(device_);
    if (auto error = session.start(wanted_); !error.empty()) {
        log::error("qr-camera", device_.string() + ": " + error);
        return fail(QrScanFailure::DeviceError);
    }
    while (!cancel) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return fail(QrScanFailure::NoCode);
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        pollfd pfd{session.fd(), POLLIN, 0};
        int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 100)));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        if (pfd.revents & (POLLERR | POLLHUP)) break;  // unplugged
        std::string error;
        auto frame = session.newestFrame(error);
        if (!error.empty()) {
            log::error("qr-camera", device_.string() + ": " + error);
            return fail(QrScanFailure::DeviceError);
        }
        if (!frame || frame->pixels.empty()) continue;
        if (auto text =
                decodeQrLuma(frame->pixels.data(), frame->width, frame->height, frame->width))
            return text;
    }
    if (cancel) return fail(QrScanFailure::Cancelled);
    log::error("qr-camera", device_.string() + ": the camera stopped delivering frames");
    return fail(QrScanFailure::DeviceError);
}

}  // namespace dvc
