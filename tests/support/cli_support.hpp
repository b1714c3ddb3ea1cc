#pragma once
// Running the real kiosk binary from a test: its output and exit status, and
// the bundled pack compiled once per test program.

#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/support/test_support.hpp"

namespace test {

struct Output {
    int status = -1;
    std::string text;  // stdout and stderr together
};

// Runs a shell command line and reads all it writes to stdout.
inline Output run_shell(const std::string& command) {
    Output out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        out.text.append(buffer.data(), n);
    const int raw = pclose(pipe);
    out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

// `kiosk ARGUMENTS`, with stderr in the text too.
inline Output run(const std::string& arguments) {
    return run_shell(std::string(KIOSK_BINARY) + " " + arguments + " 2>&1");
}

inline std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// The rest of the line after `prefix`, e.g. the payload after "QR payload: ".
inline std::string line_starting(const std::string& text, const std::string& prefix) {
    const auto at = text.find(prefix);
    if (at == std::string::npos)
        return {};
    const auto end = text.find('\n', at);
    return text.substr(at + prefix.size(), end - at - prefix.size());
}

// The bundled pack (content/), compiled once for the whole test program.
inline const std::filesystem::path& bundled_pack() {
    static TempDir dir;
    static const std::filesystem::path path = [] {
        auto p = dir / "content.db";
        const auto out =
            run("content build " + quoted(source_dir() / "content") + " -o " + quoted(p));
        INFO(out.text);
        REQUIRE(out.status == 0);
        return p;
    }();
    return path;
}

}  // namespace test
