#include <catch2/catch.hpp>

#include "domain/time_format.h"

using namespace dvc;

TEST_CASE("dates are shown the Vietnamese way") {
    CHECK(formatDateTime("2026-11-23T08:15:00+07:00") == "08:15 23/11/2026");
    CHECK(formatDate("2026-11-25T16:30:00+07:00") == "25/11/2026");
    CHECK(formatDate("2026-11-25") == "25/11/2026");
    CHECK(formatDateTime("2026-11-25") == "25/11/2026");
    CHECK(formatDateTime("không rõ") == "không rõ");
    CHECK(formatDateTime("2026-1") == "2026-1");
}
