#pragma once
#include <string>
#include <string_view>

#include "fonts.h"
#include "frame_record.h"
#include "i18n/translations.h"
#include "session/session.h"
#include "theme.h"

namespace dvc::ui {

// Everything a screen needs for one frame. Screens read the Session and call its intents;
// they never do I/O and keep no business state.
struct UiContext {
    Session& session;
    const Translations& translations;
    const Fonts& fonts;
    FrameRecord& record;
    Metrics metrics;
    float width = 0, height = 0;
    bool portrait = true;
    TimePoint now;  // the Session's clock
    std::string_view centreName;
    std::string_view kioskId;

    const std::string& t(const std::string& key) const {
        return translations.text(session.language(), key);
    }
    float px(float designPx) const { return metrics.px(designPx); }
};

}  // namespace dvc::ui
