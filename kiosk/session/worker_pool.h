#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "session/task_runner.h"

namespace dvc {

// A fixed pool of threads; the destructor finishes queued work and joins, so whatever the
// tasks use must be declared before (and so outlive) the pool.
class WorkerPool final : public TaskRunner {
  public:
    explicit WorkerPool(unsigned threads = 2);
    ~WorkerPool() override;
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void post(std::function<void()> work) override;

  private:
    void run();
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace dvc
