#pragma once
#include <functional>

namespace dvc {

// Runs blocking work (HTTP, devices) away from the UI thread.
class TaskRunner {
  public:
    virtual ~TaskRunner() = default;
    virtual void post(std::function<void()> work) = 0;
};

}  // namespace dvc
