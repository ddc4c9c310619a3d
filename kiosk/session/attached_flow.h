#pragma once

namespace dvc {

// A flow that app wiring attaches to the Session and that is built in its own library (the
// dossier flow needs dvc_forms and dvc_outbox, which dvc_core must not link). The Session only
// needs to wipe it with the visit, through this interface.
class AttachedFlow {
  public:
    virtual ~AttachedFlow() = default;
    // Drops every personal datum the flow holds and returns it to its start.
    virtual void wipe() = 0;
};

}  // namespace dvc
