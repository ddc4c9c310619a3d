#pragma once
// An SCARDCONTEXT owned by one object. Each waitForCard makes its own, so a channel never
// shares a context with another thread and a restarted pcscd is picked up on the next wait.
#include <PCSC/winscard.h>

#include <string>
#include <vector>

#include "common/result.h"
#include "ports/card_reader.h"

namespace dvc::card {

class PcscContext {
  public:
    static Result<PcscContext, CardError> establish();
    PcscContext(PcscContext&& other) noexcept;
    PcscContext& operator=(PcscContext&& other) noexcept;
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;
    ~PcscContext();

    SCARDCONTEXT handle() const { return context_; }
    // All reader names in pcscd's order; empty when there are none.
    Result<std::vector<std::string>, CardError> readers() const;

  private:
    explicit PcscContext(SCARDCONTEXT context) : context_(context) {}
    SCARDCONTEXT context_ = 0;
    bool valid_ = false;
};

}  // namespace dvc::card
