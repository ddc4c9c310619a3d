#pragma once
#include <string>
#include <vector>

#include "common/bilingual.h"

namespace dvc {

enum class DeviceHealth { Ok, Warning, Error, Absent };

struct DeviceReport {
    DeviceHealth health = DeviceHealth::Absent;
    std::string detail;
};

// What a kiosk tells the gateway every minute.
struct Heartbeat {
    std::string kioskId;
    std::string appVersion;
    long long uptimeSeconds = 0;
    std::string uiState;
    DeviceReport cardReader, qr, printer, scanner;
    int outboxPending = 0;
};

struct MaintenanceNotice {
    std::string id;
    std::string startsAt;
    std::string endsAt;
    BilingualText message;
    bool blocksSubmission = false;
};

struct HeartbeatReply {
    std::string serverTime;
    int configVersion = 0;
    std::vector<MaintenanceNotice> maintenance;
};

}  // namespace dvc
