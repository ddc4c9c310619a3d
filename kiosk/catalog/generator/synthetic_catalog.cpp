#include "catalog/generator/synthetic_catalog.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "api/procedure_detail_json.h"

namespace dvc::catalog {

namespace {

struct Area {
    const char* field;
    Tier tier;
    const char* agency;
    std::vector<const char*> objects;
    std::vector<const char*> keywords;  // everyday words for the area
};

const std::vector<const char*> kActions{
    "Cấp",         "Cấp lại",    "Cấp đổi",    "Gia hạn",    "Điều chỉnh",
    "Thu hồi",     "Đăng ký",    "Xác nhận",   "Công nhận",  "Thẩm định",
    "Phê duyệt",   "Chấp thuận", "Đính chính", "Chuyển đổi", "Đăng ký thay đổi nội dung",
    "Cấp bổ sung", "Tạm dừng",   "Công bố",    "Thông báo",  "Giải quyết",
};

const std::vector<const char*> kQualifiers{
    "",
    "đối với cá nhân",
    "đối với tổ chức",
    "đối với doanh nghiệp có vốn đầu tư nước ngoài",
    "trong trường hợp bị mất, bị hư hỏng",
    "do thay đổi thông tin",
    "khi hết thời hạn",
    "tại khu công nghiệp, khu kinh tế",
    "thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh",
    "cho hộ gia đình",
    "theo thủ tục rút gọn",
    "lần đầu",
    "có yếu tố nước ngoài",
};

const std::vector<Area>& areas() {
    static const std::vector<Area> a{
        {"Khám bệnh, chữa bệnh",
         Tier::Province,
         "Sở Y tế",
         {"giấy phép hoạt động phòng khám đa khoa", "chứng chỉ hành nghề khám bệnh, chữa bệnh",
          "giấy phép hoạt động cơ sở dịch vụ thẩm mỹ",
          "giấy phép hoạt động phòng chẩn trị y học cổ truyền"},
         {"phòng khám", "mở phòng khám", "bác sĩ"}},
        {"Dược phẩm",
         Tier::Province,
         "Sở Y tế",
         {"giấy chứng nhận đủ điều kiện kinh doanh dược", "chứng chỉ hành nghề dược",
          "giấy xác nhận nội dung quảng cáo thuốc"},
         {"nhà thuốc", "mở hiệu thuốc", "bán thuốc"}},
        {"Giáo dục và Đào tạo",
         Tier::District,
         "Phòng Giáo dục và Đào tạo",
         {"quyết định cho phép thành lập trường mầm non tư thục",
          "giấy phép hoạt động nhóm trẻ độc lập",
          "giấy chứng nhận đăng ký hoạt động trung tâm ngoại ngữ, tin học",
          "quyết định cho phép chuyển trường đối với học sinh trung học cơ sở"},
         {"trường mầm non", "chuyển trường", "học thêm"}},
        {"Đường bộ",
         Tier::Province,
         "Sở Giao thông vận tải",
         {"giấy phép lái xe quốc tế", "phù hiệu xe kinh doanh vận tải",
          "giấy phép kinh doanh vận tải bằng xe ô tô",
          "giấy chứng nhận đăng ký xe máy chuyên dùng"},
         {"xe tải", "xe khách", "bằng lái quốc tế"}},
        {"Thủy sản",
         Tier::Province,
         "Sở Nông nghiệp và Phát triển nông thôn",
         {"giấy phép khai thác thủy sản", "giấy chứng nhận cơ sở nuôi trồng thủy sản",
          "giấy chứng nhận đăng ký tàu cá"},
         {"tàu cá", "nuôi tôm", "đánh bắt cá"}},
        {"Thú y",
         Tier::District,
         "Trạm Chăn nuôi và Thú y",
         {"giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh",
          "giấy chứng nhận điều kiện vệ sinh thú y"},
         {"kiểm dịch", "vận chuyển lợn", "chăn nuôi"}},
        {"Tài nguyên nước",
         Tier::Province,
         "Sở Tài nguyên và Môi trường",
         {"giấy phép khai thác nước dưới đất", "giấy phép xả nước thải vào nguồn nước",
          "giấy phép khai thác, sử dụng nước mặt"},
         {"khoan giếng", "nước thải", "giếng khoan"}},
        {"Khoáng sản",
         Tier::Province,
         "Sở Tài nguyên và Môi trường",
         {"giấy phép thăm dò khoáng sản",
          "giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường"},
         {"khai thác cát", "mỏ đá", "khai thác đất"}},
        {"Văn hóa",
         Tier::District,
         "Phòng Văn hóa và Thông tin",
         {"giấy phép kinh doanh dịch vụ karaoke", "giấy phép tổ chức lễ hội",
          "giấy chứng nhận đủ điều kiện kinh doanh dịch vụ vũ trường"},
         {"karaoke", "lễ hội", "biểu diễn"}},
        {"Du lịch",
         Tier::Province,
         "Sở Văn hóa, Thể thao và Du lịch",
         {"giấy phép kinh doanh dịch vụ lữ hành nội địa", "thẻ hướng dẫn viên du lịch",
          "quyết định công nhận hạng cơ sở lưu trú du lịch"},
         {"hướng dẫn viên", "khách sạn", "tour du lịch"}},
        {"Lưu thông hàng hóa trong nước",
         Tier::District,
         "Phòng Kinh tế",
         {"giấy phép bán lẻ rượu", "giấy phép bán lẻ sản phẩm thuốc lá",
          "giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh"},
         {"bán rượu", "bán thuốc lá", "nấu rượu"}},
        {"Kinh doanh khí",
         Tier::Province,
         "Sở Công Thương",
         {"giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",
          "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ khí dầu mỏ hóa lỏng"},
         {"cây xăng", "bán gas", "cửa hàng xăng"}},
        {"Việc làm",
         Tier::Province,
         "Sở Lao động – Thương binh và Xã hội",
         {"giấy phép lao động cho người nước ngoài làm việc tại Việt Nam",
          "giấy phép hoạt động dịch vụ việc làm", "giấy phép cho thuê lại lao động"},
         {"người nước ngoài làm việc", "giấy phép lao động", "xuất khẩu lao động"}},
        {"Người có công",
         Tier::Commune,
         "Ủy ban nhân dân cấp xã",
         {"trợ cấp ưu đãi đối với thân nhân liệt sĩ",
          "chế độ điều dưỡng phục hồi sức khỏe người có công",
          "trợ cấp một lần đối với người hoạt động kháng chiến"},
         {"liệt sĩ", "thương binh", "người có công"}},
        {"Quy hoạch xây dựng",
         Tier::District,
         "Phòng Quản lý đô thị",
         {"giấy phép quy hoạch dự án đầu tư xây dựng", "chứng chỉ quy hoạch xây dựng",
          "thông tin quy hoạch xây dựng"},
         {"quy hoạch", "xem quy hoạch", "đất quy hoạch"}},
        {"Công chứng",
         Tier::Province,
         "Sở Tư pháp",
         {"giấy đăng ký hoạt động văn phòng công chứng", "thẻ công chứng viên",
          "quyết định bổ nhiệm công chứng viên"},
         {"văn phòng công chứng", "công chứng viên"}},
        {"Thi đua, khen thưởng",
         Tier::District,
         "Phòng Nội vụ",
         {"danh hiệu lao động tiên tiến", "giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện",
          "danh hiệu gia đình văn hóa"},
         {"khen thưởng", "giấy khen", "gia đình văn hóa"}},
        {"Tín ngưỡng, tôn giáo",
         Tier::Commune,
         "Ủy ban nhân dân cấp xã",
         {"đăng ký sinh hoạt tôn giáo tập trung", "thông báo danh mục hoạt động tín ngưỡng"},
         {"nhà thờ", "chùa", "sinh hoạt tôn giáo"}},
        {"Phòng cháy, chữa cháy",
         Tier::Province,
         "Công an tỉnh (Phòng Cảnh sát PCCC và CNCH)",
         {"thẩm duyệt thiết kế về phòng cháy và chữa cháy", "nghiệm thu về phòng cháy và chữa cháy",
          "giấy chứng nhận huấn luyện nghiệp vụ phòng cháy, chữa cháy"},
         {"phòng cháy", "PCCC", "chữa cháy"}},
        {"Đất đai",
         Tier::District,
         "Chi nhánh Văn phòng đăng ký đất đai",
         {"giấy chứng nhận quyền sử dụng đất do đo đạc lại", "chuyển mục đích sử dụng đất",
          "tách thửa, hợp thửa đất"},
         {"tách sổ", "chuyển đất vườn lên thổ cư", "đo lại đất"}},
    };
    return a;
}

}  // namespace

std::vector<ProcedureSummary> syntheticCatalog(std::size_t count, std::uint32_t seed) {
    struct Combo {
        std::size_t area, object, action, qualifier;
    };
    std::vector<Combo> combos;
    const auto& as = areas();
    for (std::size_t a = 0; a < as.size(); ++a)
        for (std::size_t o = 0; o < as[a].objects.size(); ++o)
            for (std::size_t act = 0; act < kActions.size(); ++act)
                for (std::size_t q = 0; q < kQualifiers.size(); ++q)
                    combos.push_back({a, o, act, q});
    std::mt19937 rng(seed);
    // Fisher–Yates with the engine's raw output: the same order on every platform.
    for (std::size_t i = combos.size(); i > 1; --i) std::swap(combos[i - 1], combos[rng() % i]);
    if (count > combos.size()) count = combos.size();

    std::vector<ProcedureSummary> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto& c = combos[i];
        const Area& area = as[c.area];
        ProcedureSummary p;
        char code[32];
        std::snprintf(code, sizeof code, "9.%06zu", i + 1);
        p.code = code;
        p.name = std::string(kActions[c.action]) + " " + area.objects[c.object];
        if (*kQualifiers[c.qualifier]) p.name += std::string(" ") + kQualifiers[c.qualifier];
        // Most areas are handled at one tier; a few procedures move up or down, as in life.
        auto roll = rng() % 10;
        p.tier = roll == 0 ? Tier::Commune : roll == 1 ? Tier::Province : area.tier;
        if (roll <= 1 && p.tier == area.tier) p.tier = Tier::District;
        p.field = area.field;
        p.agency = area.agency;
        p.serviceLevel = 2 + static_cast<int>(rng() % 3);
        p.online = p.serviceLevel == 4   ? OnlineScope::Full
                   : p.serviceLevel == 3 ? OnlineScope::Partial
                                         : OnlineScope::None;
        p.timeLimitDays = static_cast<int>(rng() % 30);
        p.feeVnd = static_cast<long long>(rng() % 20) * 50000;
        p.keywords.push_back(area.objects[c.object]);
        for (const char* k : area.keywords)
            if (rng() % 2 == 0) p.keywords.push_back(k);
        p.version = 1 + static_cast<int>(rng() % 50);
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<ProcedureDetail>, std::string> loadProcedureFile(
    const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return fail("cannot open " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    return parseJson<std::vector<ProcedureDetail>>(text.str());
}

}  // namespace dvc::catalog
