// A power cut during `kiosk content install`, played as SIGKILL at random
// moments: afterwards content.db is always the old pack or the new one,
// complete, and never missing.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/pack/catalogue.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/signed_pack_support.hpp"
#include "tests/support/test_support.hpp"

using test::quoted;

namespace {

// Starts `kiosk content install`, quiet; its pid.
pid_t start_install(const std::vector<std::string>& arguments) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::vector<char*> argv;
        static char name[] = "kiosk";
        argv.push_back(name);
        for (const auto& a : arguments)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        freopen("/dev/null", "w", stdout);
        freopen("/dev/null", "w", stderr);
        execv(KIOSK_BINARY, argv.data());
        _exit(127);
    }
    return pid;
}

}  // namespace

TEST_CASE("an install killed at any moment leaves the old pack or the new one, never neither",
          "[install][kill]") {
    test::TempDir dir;
    const std::string key = test::make_minisign_key(dir, "first");
    const auto v1 = dir / "v1.db", v2 = dir / "v2.db", config = dir / "kiosk.toml",
               state = dir / "state";
    test::build_small_pack("1.0", v1);
    test::build_small_pack("1.2", v2);
    test::minisign_file(v2, dir / "first.key");
    test::write_content_config(config, "\"" + key + "\"");
    const std::vector<std::string> arguments{"content",       "install", v2.string(),   "--config",
                                             config.string(), "--state", state.string()};
    auto reset = [&] {
        std::filesystem::remove_all(state);
        std::filesystem::create_directory(state);
        std::filesystem::copy_file(v1, state / "content.db");
    };

    // How long a whole install takes here, to spread the kills over it.
    reset();
    const auto begin = std::chrono::steady_clock::now();
    int status = 0;
    waitpid(start_install(arguments), &status, 0);
    const auto whole = std::chrono::steady_clock::now() - begin;
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const auto span_us =
        std::chrono::duration_cast<std::chrono::microseconds>(whole).count() * 5 / 4;

    std::mt19937 random(20261205);
    std::uniform_int_distribution<long> delay(0, span_us);
    int old_pack = 0, new_pack = 0, finished = 0;
    constexpr int rounds = 150;
    for (int round = 0; round < rounds; ++round) {
        reset();
        const pid_t pid = start_install(arguments);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            ++finished;
        INFO("round " << round);
        auto catalogue = kiosk::Catalogue::open(state / "content.db");
        INFO((catalogue ? "" : catalogue.error()));
        REQUIRE(catalogue);
        const std::string version = catalogue->pack().info.version;
        REQUIRE((version == "1.0" || version == "1.2"));
        if (version == "1.0") {
            ++old_pack;
            CHECK(test::read_text(state / "content.db") == test::read_text(v1));
        } else {
            ++new_pack;
            CHECK(test::read_text(state / "content.db") == test::read_text(v2));
            // The old one was kept before the new one took its name.
            CHECK(test::read_text(state / "content.previous.db") == test::read_text(v1));
        }
    }
    // The kills fell both before and after the swap.
    INFO("whole install " << span_us * 4 / 5 << " us; old " << old_pack << ", new " << new_pack
                          << ", finished before the kill " << finished);
    CHECK(old_pack > 0);
    CHECK(new_pack > 0);
    CHECK(old_pack + new_pack == rounds);
    // A later install cleans up what a killed one left.
    reset();
    const auto out = test::run("content install " + quoted(v2) + " --config " + quoted(config) +
                               " --state " + quoted(state));
    INFO(out.text);
    CHECK(out.status == 0);
}
