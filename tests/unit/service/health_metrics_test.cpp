#include "kiosk/core/service/health_metrics.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

HealthSnapshot faulty_kiosk() {
    HealthSnapshot h;
    h.kiosk_version = "0.1.0";
    h.pack_id = "limburg";
    h.pack_version = "2026.11.1";
    h.pack_date = 1'795'910'400;
    h.started = 1'796'000'000;
    h.frames_drawn = 1234;
    h.last_frame = 1'796'000'600;
    h.printer_configured = true;
    h.printer_state = "paper_out";
    h.printer_faulty = true;
    h.printer_faulty_since = 1'796'000'100;
    h.last_printer_fault = 1'796'000'100;
    h.visits_started_today = 7;
    h.visits_completed_today = 5;
    h.last_visit = 1'796'000'580;
    h.free_disk_bytes = 5'000'000'000;
    h.written = 1'796'000'620;
    return h;
}

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

}  // namespace

TEST_CASE("health names the printer's state, since when it is faulty, and today's visit counts") {
    const std::string text = format_health(faulty_kiosk());
    CHECK(has_line(
        text, "kiosk_info{version=\"0.1.0\",pack_id=\"limburg\",pack_version=\"2026.11.1\"} 1"));
    CHECK(has_line(text, "kiosk_printer_state{state=\"paper_out\"} 1"));
    CHECK(has_line(text, "kiosk_printer_state{state=\"online\"} 0"));
    CHECK(has_line(text, "kiosk_printer_faulty 1"));
    CHECK(has_line(text, "kiosk_printer_faulty_since_seconds 1796000100"));
    CHECK(has_line(text, "kiosk_visits_started_today 7"));
    CHECK(has_line(text, "kiosk_frames_drawn_total 1234"));
    CHECK(has_line(text, "kiosk_last_frame_time_seconds 1796000600"));
    CHECK(has_line(text, "kiosk_disk_free_bytes 5000000000"));
}

TEST_CASE("a printer that recovered reports no fault time, and one never configured no state") {
    HealthSnapshot h = faulty_kiosk();
    h.printer_faulty = false;
    h.printer_state = "online";
    CHECK(has_line(format_health(h), "kiosk_printer_faulty_since_seconds 0"));
    h.printer_configured = false;
    CHECK(format_health(h).find("kiosk_printer_state{") == std::string::npos);
}

TEST_CASE(
    "every sample is a name, optional labels and a value: no timestamps, which node exporter "
    "refuses") {
    const std::string text = format_health(faulty_kiosk());
    std::size_t start = 0;
    int samples = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        REQUIRE(end != std::string::npos);  // the file ends with a newline
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.starts_with("# HELP ") || line.starts_with("# TYPE "))
            continue;
        INFO(line);
        const auto after_labels = line.find('}') == std::string::npos ? 0 : line.find('}');
        // One space: between the metric and its value, none after the value.
        CHECK(line.find(' ', after_labels) == line.rfind(' '));
        ++samples;
    }
    CHECK(samples >= 20);
}

TEST_CASE("label values are escaped so a strange pack id cannot break the file") {
    HealthSnapshot h = faulty_kiosk();
    h.pack_id = "a\"b\\c\nd";
    CHECK(format_health(h).find("pack_id=\"a\\\"b\\\\c\\nd\"") != std::string::npos);
}

TEST_CASE("health says which pack is shown, and why not the installed one") {
    HealthSnapshot h = faulty_kiosk();
    CHECK(has_line(format_health(h),
                   "kiosk_content_pack_source{source=\"installed\",reason=\"\"} 1"));
    h.pack_source = "previous";
    h.pack_fallback_reason = "/var/lib/kiosk/content.db: not a content pack";
    CHECK(has_line(format_health(h),
                   "kiosk_content_pack_source{source=\"previous\",reason=\"/var/lib/kiosk/"
                   "content.db: not a content pack\"} 1"));
}
