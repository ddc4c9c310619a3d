#pragma once
#include <functional>

namespace dvc {

// How a flow of the Session runs blocking work: `work` runs on a worker thread and returns what
// to apply on the UI thread (called from Session::update, never after the Session is gone).
class Background {
  public:
    virtual ~Background() = default;
    virtual void run(std::function<std::function<void()>()> work) = 0;
    // A callable a worker may call at any time, even after the Session is gone, when something
    // visible changed (a progress figure): it makes the UI draw a frame.
    virtual std::function<void()> uiWaker() = 0;
};

}  // namespace dvc
