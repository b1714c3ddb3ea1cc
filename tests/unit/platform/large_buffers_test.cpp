#include "kiosk/platform/large_buffers.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

using namespace kiosk::platform;

namespace {

// The VmFlags line of the mapping `block` lies in: "hg" marks MADV_HUGEPAGE.
std::string vm_flags_of(const void* block) {
    std::ifstream smaps("/proc/self/smaps");
    const auto at = reinterpret_cast<std::uintptr_t>(block);
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream range(line);
        if (range >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > 12) {
            inside = from <= at && at < to;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0)
            return line;
    }
    return {};
}

}  // namespace

TEST_CASE(
    "a large buffer lies in memory of its own, asked for huge pages, and zero when "
    "cleared",
    "[large-buffers]") {
    const std::size_t size = 16 << 20;  // the font texture at 1080p
    auto* block = static_cast<unsigned char*>(large_buffer_calloc(size, 1));
    REQUIRE(block);
    CHECK(is_large_buffer(block));
    CHECK(std::all_of(block, block + size, [](unsigned char b) { return b == 0; }));
    CHECK(vm_flags_of(block).find(" hg") != std::string::npos);
    std::memset(block, 7, size);
    large_buffer_free(block);
    CHECK_FALSE(is_large_buffer(block));
}

TEST_CASE("small buffers stay with the C library, and either kind grows keeping its bytes",
          "[large-buffers]") {
    auto* small = static_cast<char*>(large_buffer_alloc(100));
    REQUIRE(small);
    CHECK_FALSE(is_large_buffer(small));
    std::strcpy(small, "kept");
    // Grown past the threshold it stays the C library's: realloc keeps it.
    small = static_cast<char*>(large_buffer_realloc(small, large_buffer_size * 2));
    REQUIRE(small);
    CHECK(std::string(small) == "kept");
    large_buffer_free(small);

    auto* large = static_cast<char*>(large_buffer_alloc(large_buffer_size + 1));
    REQUIRE(large);
    CHECK(is_large_buffer(large));
    std::strcpy(large + large_buffer_size - 2, "end");
    auto* grown = static_cast<char*>(large_buffer_realloc(large, 3 * large_buffer_size));
    REQUIRE(grown);
    CHECK(is_large_buffer(grown));
    CHECK(std::string(grown + large_buffer_size - 2) == "end");
    if (grown != large)
        CHECK_FALSE(is_large_buffer(large));
    large_buffer_free(grown);
    large_buffer_free(nullptr);  // as free(NULL): nothing
}
