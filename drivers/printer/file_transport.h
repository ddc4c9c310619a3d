#pragma once
#include <memory>
#include <string>

#include "printer_transport.h"

namespace dvc {

// A printer device file (/dev/usb/lp0, the kernel's usblp driver) or any file: bytes are
// written as they are. Status can be read back only from a character device opened
// read-write (usblp is bidirectional); a regular file has no replies.
class FileTransport final : public PrinterTransport {
  public:
    static Result<std::unique_ptr<FileTransport>, TransportError> open(const std::string& path);
    ~FileTransport() override;

    Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                              std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) override;
    bool canReadBack() const override { return readable_; }
    std::string describe() const override { return "file:" + path_; }

  private:
    FileTransport(int fd, std::string path, bool readable)
        : fd_(fd), path_(std::move(path)), readable_(readable) {}
    int fd_;
    std::string path_;
    bool readable_;
};

}  // namespace dvc
