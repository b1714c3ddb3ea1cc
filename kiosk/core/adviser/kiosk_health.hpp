#pragma once
// How this kiosk is, for the adviser's health view: what it runs on and how
// its printer is. Gathered by the app (it knows the clock, the disk and the
// printer); shown by the UI; nothing in it is about a visitor.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct DayCount {
    std::string metric;  // e.g. "visits_started", "language"
    std::string key;     // e.g. "", "en"
    std::int64_t count = 0;
};

struct KioskHealth {
    std::string kiosk_version;
    std::string configuration;  // the configuration's name, or "none"
    std::string pack;           // "limburg 2026.11.1 (2026-11-28)"
    std::size_t courses = 0;
    std::string printer;     // "online", "paper out", "none configured", ...
    std::string last_fault;  // empty when none was ever seen
    std::string speech;      // read-aloud: on, or why it is not (no sound device, off)
    std::int64_t uptime_s = 0;
    std::int64_t free_disk_bytes = -1;  // -1: unknown
    std::vector<DayCount> today;        // today's anonymous figures
};

}  // namespace kiosk
