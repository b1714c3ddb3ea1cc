// kiosk adviser-pin: the configuration line for an adviser's PIN, read from
// standard input only.

#include <catch2/catch.hpp>
#include <string>

#include "kiosk/core/adviser/adviser_pin.hpp"
#include "tests/support/cli_support.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

struct Output {
    int status = -1;
    std::string out;  // stdout only
    std::string err;
};

// `input` goes to the command's standard input through a pipe, so it is not a
// terminal and the command reads plain lines.
Output run_adviser_pin(const std::string& input, const std::string& arguments = "") {
    test::TempDir dir;
    const auto err_file = dir / "stderr.txt";
    const auto shell =
        test::run_shell("printf '" + input + "' | " + KIOSK_BINARY + " adviser-pin " + arguments +
                        " 2>'" + err_file.string() + "'");
    return {shell.status, shell.text, test::read_text(err_file)};
}

}  // namespace

TEST_CASE("kiosk adviser-pin prints a configuration line whose hash verifies", "[pin]") {
    const auto result = run_adviser_pin("97531\\n97531\\n");
    INFO(result.err);
    REQUIRE(result.status == 0);
    const std::string prefix = "pin_hash = \"";
    REQUIRE(result.out.starts_with(prefix));
    REQUIRE(result.out.ends_with("\"\n"));
    const std::string hash =
        result.out.substr(prefix.size(), result.out.size() - prefix.size() - 2);
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(pin_hash_quality(hash) == PinHashQuality::ok);
    CHECK(verify_pin(hash, "97531"));
    CHECK_FALSE(verify_pin(hash, "97532"));
    CHECK(result.out.find("97531") == std::string::npos);
}

TEST_CASE("kiosk adviser-pin refuses a PIN that is not 4 to 8 digits or not typed the same twice",
          "[pin]") {
    struct Case {
        const char* input;
        const char* message;
    };
    for (const Case c :
         {Case{"12a4\\n12a4\\n", "digits only"}, Case{"123\\n123\\n", "4 to 8 digits long, not 3"},
          Case{"123456789\\n123456789\\n", "4 to 8 digits long, not 9"},
          Case{"2468\\n2486\\n", "the two PINs differ"}, Case{"2468\\n", "needed twice"},
          Case{"", "no PIN"}}) {
        INFO(c.input);
        const auto result = run_adviser_pin(c.input);
        INFO(result.err);
        CHECK(result.status == 1);
        CHECK(result.out.empty());
        CHECK(result.err.find(c.message) != std::string::npos);
    }
}

TEST_CASE("kiosk adviser-pin takes no PIN on its command line", "[pin]") {
    const auto result = run_adviser_pin("2468\\n2468\\n", "2468");
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("never given on the command line") != std::string::npos);
}
