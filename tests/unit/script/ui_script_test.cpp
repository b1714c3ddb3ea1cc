#include "kiosk/core/script/ui_script.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::script;

namespace {

// The one step of a one-line script, which must parse to a step of that kind.
template <typename Kind>
Kind only_step(const std::string& text) {
    INFO(text);
    auto lines = parse_script(text, "visit.script");
    if (!lines)
        FAIL(lines.error());
    REQUIRE(lines->size() == 1);
    const Kind* step = std::get_if<Kind>(&lines->front().step);
    REQUIRE(step != nullptr);
    return *step;
}

std::string error_of(const std::string& text) {
    INFO(text);
    auto lines = parse_script(text, "visit.script");
    REQUIRE_FALSE(lines.ok());
    return lines.error();
}

}  // namespace

TEST_CASE("a tap names its target by the label in quotes", "[script]") {
    CHECK(only_step<TapLabel>("tap \"Start\"").label == "Start");
    CHECK(only_step<TapLabel>("tap \"Ik zoek werk\"").label == "Ik zoek werk");
    CHECK(only_step<TapLabel>("tap \"Українська\"").label == "Українська");
    CHECK(only_step<TapLabel>("tap \"say \\\"yes\\\" or \\\\\"").label == "say \"yes\" or \\");
    CHECK(only_step<TapLabel>("tap \"# not a comment\"").label == "# not a comment");
    CHECK(only_step<TapLabel>("tap \"960 540\"").label == "960 540");
}

TEST_CASE("a tap or a drag at window pixels takes whole or decimal numbers", "[script]") {
    const auto tap = only_step<TapAt>("tap 960 540.5");
    CHECK(tap.x == 960.0f);
    CHECK(tap.y == 540.5f);
    CHECK(only_step<TapAt>("tap 0 0").x == 0.0f);

    const auto drag = only_step<Drag>("drag 900 800.25 900 300");
    CHECK(drag.x1 == 900.0f);
    CHECK(drag.y1 == 800.25f);
    CHECK(drag.x2 == 900.0f);
    CHECK(drag.y2 == 300.0f);
}

TEST_CASE("a hold presses at window pixels for a duration, up to a minute", "[script]") {
    const auto hold = only_step<Hold>("hold 30 30 3.5s");
    CHECK(hold.x == 30.0f);
    CHECK(hold.y == 30.0f);
    CHECK(hold.duration == Millis{3'500});
    const auto corner = only_step<Hold>("hold 1890.5 1050 500ms");
    CHECK(corner.x == 1890.5f);
    CHECK(corner.y == 1050.0f);
    CHECK(corner.duration == Millis{500});
    CHECK(only_step<Hold>("hold 0 0 1m").duration == Millis{60'000});
}

TEST_CASE("a wait runs the clock for seconds, milliseconds or minutes", "[script]") {
    CHECK(only_step<Wait>("wait 95s").duration == Millis{95'000});
    CHECK(only_step<Wait>("wait 500ms").duration == Millis{500});
    CHECK(only_step<Wait>("wait 2m").duration == Millis{120'000});
    CHECK(only_step<Wait>("wait 1.5s").duration == Millis{1'500});
    CHECK(only_step<Wait>("wait 1440m").duration == Millis{24 * 60 * 60 * 1000});
}

TEST_CASE("wait printer and wait speech wait for what runs on the real clock", "[script]") {
    only_step<WaitForPrinter>("wait printer");
    only_step<WaitForSpeech>("wait speech   # until read-aloud has ended");
    // Quoted, it is no keyword but a duration that is not one.
    CHECK(error_of("wait \"speech\"").find("visit.script:1:") == 0);
}

TEST_CASE("a key is spelled as SDL names it, with canonical modifiers", "[script]") {
    const auto escape = only_step<Key>("key Escape");
    CHECK(escape.key == "Escape");
    CHECK(escape.modifiers.empty());

    const auto alt_f4 = only_step<Key>("key Alt+F4");
    CHECK(alt_f4.key == "F4");
    CHECK(alt_f4.modifiers == std::vector<std::string>{"Alt"});

    const auto quit = only_step<Key>("key shift+CTRL+q");
    CHECK(quit.key == "Q");
    CHECK(quit.modifiers == std::vector<std::string>{"Ctrl", "Shift"});

    CHECK(only_step<Key>("key super+tab").modifiers == std::vector<std::string>{"Super"});
    CHECK(only_step<Key>("key return").key == "Return");
    CHECK(only_step<Key>("key f12").key == "F12");
    CHECK(only_step<Key>("key 7").key == "7");
    CHECK(only_step<Key>("key Ctrl++").key == "+");
    CHECK(only_step<Key>("key Super").key == "Left GUI");
    CHECK(only_step<Key>("key Ctrl+alt").key == "Left Alt");
    CHECK(only_step<Key>("key Ctrl+ctrl+Q").modifiers == std::vector<std::string>{"Ctrl"});
}

TEST_CASE("close, screenshot and locate read their one word or label", "[script]") {
    only_step<Close>("close");
    CHECK(only_step<Screenshot>("screenshot results-nl_1080p").name == "results-nl_1080p");
    CHECK(only_step<Locate>("locate \"Start\"").label == "Start");
}

TEST_CASE("expect checks the screen, a text, the countdown or that the kiosk runs", "[script]") {
    for (const char* name :
         {"attract", "language", "question", "results", "course", "takeaway", "thanks"}) {
        CHECK(only_step<ExpectScreen>(std::string("expect screen ") + name).screen == name);
    }
    const auto shown = only_step<ExpectText>("expect text \"Cursussen die bij u passen\"");
    CHECK(shown.text == "Cursussen die bij u passen");
    CHECK(shown.present);
    const auto hidden = only_step<ExpectText>("expect no text \"Printen\"");
    CHECK(hidden.text == "Printen");
    CHECK_FALSE(hidden.present);
    CHECK(only_step<ExpectCountdown>("expect countdown").present);
    CHECK_FALSE(only_step<ExpectCountdown>("expect no countdown").present);
    only_step<ExpectRunning>("expect running");
}

TEST_CASE("a script keeps each step's line number and text, skipping blanks and comments",
          "[script]") {
    const std::string text =
        "# A visit in Dutch\n"
        "\n"
        "tap \"Start\"   # the attract screen\n"
        "tap \"Ik zoek werk\"# right after the quote\n"
        "   # indented comment\n"
        "\t\n"
        "wait 95s\r\n"
        "expect countdown\t# after a tab";
    auto lines = parse_script(text, "visit.script");
    REQUIRE(lines.ok());
    REQUIRE(lines->size() == 4);
    CHECK((*lines)[0].number == 3);
    CHECK((*lines)[0].text == "tap \"Start\"   # the attract screen");
    CHECK(std::get<TapLabel>((*lines)[0].step).label == "Start");
    CHECK((*lines)[1].number == 4);
    CHECK(std::get<TapLabel>((*lines)[1].step).label == "Ik zoek werk");
    CHECK((*lines)[2].number == 7);
    CHECK((*lines)[2].text == "wait 95s");
    CHECK((*lines)[3].number == 8);
    CHECK(std::holds_alternative<ExpectCountdown>((*lines)[3].step));
}

TEST_CASE("an empty script or one of comments only has no steps", "[script]") {
    CHECK(parse_script("", "empty.script")->empty());
    CHECK(parse_script("# nothing yet\n\n", "empty.script")->empty());
    CHECK(parse_script("\xEF\xBB\xBF# saved with a byte order mark\nclose\n", "a")->size() == 1);
}

TEST_CASE("an error names the file, the line and the bad word", "[script]") {
    CHECK(error_of("close\n\n# fine so far\nclose\n\nclose\nwait 95\n") ==
          "visit.script:7: wait: '95' needs a unit (s, ms or m)");
    CHECK(error_of("tapp \"Start\"") ==
          "visit.script:1: unknown command 'tapp' (known: tap, drag, hold, wait, key, close, "
          "screenshot, expect, locate, headphones)");
    CHECK(error_of("\"tap\" 1 2").starts_with("visit.script:1: unknown command \"tap\""));
    CHECK(error_of("close\nclose now") ==
          "visit.script:2: close: unexpected 'now' after a complete step");
    // A '#' inside a word is no comment, so a name is never cut short silently.
    CHECK(error_of("screenshot results#2").find("'results#2' is not a name") != std::string::npos);
    CHECK(error_of("tap 1 2 3") == "visit.script:1: tap: unexpected '3' after a complete step");
    CHECK(error_of("tap \"Start\" \"Stop\"") ==
          "visit.script:1: tap: unexpected \"Stop\" after a complete step");
}

TEST_CASE("quotes must close, and escape only quotes and backslashes", "[script]") {
    CHECK(error_of("tap \"Start") ==
          "visit.script:1: unterminated quote: \"Start has no closing \"");
    CHECK(error_of("tap \"Start\\\"") ==
          "visit.script:1: unterminated quote: \"Start\\\" has no closing \"");
    CHECK(error_of("tap \"Start\\n\"") ==
          "visit.script:1: unknown escape '\\n' in quotes (only \\\" and \\\\)");
    CHECK(error_of("tap \"Start\"now") ==
          "visit.script:1: \"Start\" needs a space after its closing quote");
    CHECK(error_of("tap Sta\"rt\"") ==
          "visit.script:1: 'Sta\"rt\"' has a quote inside a word; quote the whole text");
}

TEST_CASE("taps and drags say which word is not a position", "[script]") {
    CHECK(error_of("tap Start") ==
          "visit.script:1: tap: 'Start' needs to be a text in quotes, as in tap \"Start\" (or "
          "tap X Y)");
    CHECK(error_of("tap") ==
          "visit.script:1: tap: needs a text in quotes, as in tap \"Start\" (or tap X Y)");
    CHECK(error_of("tap \"\"") == "visit.script:1: tap: the text in quotes is empty");
    CHECK(error_of("tap -5 10") ==
          "visit.script:1: tap: '-5' is not a position (pixels from the top left, 0 or more)");
    CHECK(error_of("tap 960") == "visit.script:1: tap: needs X Y, as in tap 960 540");
    CHECK(error_of("tap 1e3 5").find("'1e3' is not a position") != std::string::npos);
    CHECK(error_of("tap 5. 5").find("'5.' is not a position") != std::string::npos);
    CHECK(error_of("drag 900 800 900") ==
          "visit.script:1: drag: needs X1 Y1 X2 Y2, as in drag 900 800 900 300");
    CHECK(error_of("drag 900 800 up 300").find("drag: 'up' is not a position") !=
          std::string::npos);
}

TEST_CASE("a hold needs a point and a duration of at most a minute", "[script]") {
    CHECK(error_of("hold") == "visit.script:1: hold: needs X Y DURATION, as in hold 30 30 3.5s");
    CHECK(error_of("hold 30 30") ==
          "visit.script:1: hold: needs X Y DURATION, as in hold 30 30 3.5s");
    CHECK(error_of("hold \"Start\" 3s") ==
          "visit.script:1: hold: \"Start\" is not a position (pixels from the top left, 0 or "
          "more)");
    CHECK(error_of("hold 30 -1 3s") ==
          "visit.script:1: hold: '-1' is not a position (pixels from the top left, 0 or more)");
    CHECK(error_of("hold 30 30 3") == "visit.script:1: hold: '3' needs a unit (s, ms or m)");
    CHECK(error_of("hold 30 30 \"3s\"") ==
          "visit.script:1: hold: \"3s\" is not a duration such as 95s, 500ms or 2m");
    CHECK(error_of("hold 30 30 0s") ==
          "visit.script:1: hold: '0s' is too short: it needs to be at least 1ms");
    CHECK(error_of("hold 30 30 61s") == "visit.script:1: hold: '61s' is longer than a minute");
    CHECK(error_of("hold 30 30 3s now") ==
          "visit.script:1: hold: unexpected 'now' after a complete step");
}

TEST_CASE("a wait needs a positive duration of at most a day in s, ms or m", "[script]") {
    CHECK(error_of("wait") == "visit.script:1: wait: needs a duration such as 95s, 500ms or 2m");
    CHECK(error_of("wait soon") ==
          "visit.script:1: wait: 'soon' is not a duration such as 95s, 500ms or 2m");
    CHECK(error_of("wait -5s") ==
          "visit.script:1: wait: '-5s' is not a duration such as 95s, 500ms or 2m");
    CHECK(error_of("wait 2h") == "visit.script:1: wait: '2h' has an unknown unit 'h' (s, ms or m)");
    CHECK(error_of("wait 0s") ==
          "visit.script:1: wait: '0s' is too short: it needs to be at least 1ms");
    CHECK(error_of("wait 1441m") == "visit.script:1: wait: '1441m' is longer than 24 hours");
    CHECK(error_of("wait 95 s") == "visit.script:1: wait: '95' needs a unit (s, ms or m)");
}

TEST_CASE("a key names an unknown modifier or key", "[script]") {
    CHECK(error_of("key") ==
          "visit.script:1: key: needs a key name without quotes, as in key Escape or key Alt+F4");
    CHECK(error_of("key Meta+Q") ==
          "visit.script:1: key: 'Meta' in 'Meta+Q' is not a modifier (Alt, Ctrl, Shift, Super)");
    CHECK(error_of("key Esc").starts_with(
        "visit.script:1: key: 'Esc' is not a key name (a letter, digit or sign, F1-F24, a "
        "modifier, Keypad 0-9 and its signs, Escape"));
    CHECK(error_of("key F25").find("'F25' is not a key name") != std::string::npos);
    CHECK(error_of("key Alt+").find("'' is not a key name") != std::string::npos);
    CHECK(error_of("key Keypad9x").find("'Keypad9x' is not a key name") != std::string::npos);
}

TEST_CASE("a key of the numeric keypad is written without a space", "[script]") {
    for (auto [written, sdl] : {std::pair{"key Keypad8", "Keypad 8"},
                                {"key kp_enter", "Keypad Enter"},
                                {"key KeypadPlus", "Keypad +"},
                                {"key KP-", "Keypad -"},
                                {"key VolumeUp", "VolumeUp"}}) {
        INFO(written);
        auto parsed = parse_script(written, "visit.script");
        REQUIRE(parsed);
        CHECK(std::get<Key>(parsed->front().step).key == sdl);
    }
}

TEST_CASE("a screenshot name is safe as a file name and used once", "[script]") {
    CHECK(error_of("screenshot") ==
          "visit.script:1: screenshot: needs a name, as in screenshot results-nl");
    for (const char* name : {"../etc/passwd", "a.png", "a/b", "\"results\"", "résultats"}) {
        CHECK(error_of(std::string("screenshot ") + name)
                  .find(" is not a name: it becomes a file name") != std::string::npos);
    }
    CHECK(error_of("screenshot results\nwait 1s\nscreenshot results") ==
          "visit.script:3: screenshot: 'results' is already taken by line 1");
}

TEST_CASE("expect names what it cannot check", "[script]") {
    CHECK(error_of("expect") ==
          "visit.script:1: expect: needs what to expect (screen, text, no text, countdown, no "
          "countdown, running, focus, said)");
    CHECK(error_of("expect miracles")
              .starts_with(
                  "visit.script:1: expect: 'miracles' is not something to expect (screen, text"));
    CHECK(error_of("expect no running")
              .starts_with("visit.script:1: expect: 'running' is not something to expect"));
    CHECK(error_of("expect screen resuts") ==
          "visit.script:1: expect: 'resuts' is not a screen (attract, language, question, "
          "results, course, takeaway, thanks)");
    CHECK(error_of("expect screen")
              .starts_with("visit.script:1: expect: needs a screen after 'screen' (attract,"));
    CHECK(error_of("expect text Cursussen") ==
          "visit.script:1: expect: 'Cursussen' needs to be a text in quotes, as in expect text "
          "\"Cursussen\"");
    CHECK(error_of("expect no text") ==
          "visit.script:1: expect: needs a text in quotes, as in expect text \"Cursussen\"");
    CHECK(error_of("expect countdown now") ==
          "visit.script:1: expect: unexpected 'now' after a complete step");
    CHECK(error_of("expect no text \"a\" \"b\"") ==
          "visit.script:1: expect: unexpected \"b\" after a complete step");
    CHECK(error_of("locate Start").starts_with("visit.script:1: locate: 'Start' needs to be"));
}

TEST_CASE("a script checks the keypad's focus and what the kiosk said, and plugs headphones",
          "[script]") {
    auto parsed = parse_script(
        "expect focus \"English\"\nexpect said \"Choose\"\nheadphones in\nheadphones out\n",
        "visit.script");
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 4);
    CHECK(std::get<ExpectFocus>((*parsed)[0].step).label == "English");
    CHECK(std::get<ExpectSaid>((*parsed)[1].step).text == "Choose");
    CHECK(std::get<Headphones>((*parsed)[2].step).in);
    CHECK_FALSE(std::get<Headphones>((*parsed)[3].step).in);
    CHECK(error_of("headphones") ==
          "visit.script:1: headphones: needs 'in' or 'out', as in headphones in");
    CHECK(error_of("headphones half") ==
          "visit.script:1: headphones: 'half' is not 'in' or 'out', as in headphones in");
    CHECK(error_of("expect focus") ==
          "visit.script:1: expect: needs a text in quotes, as in expect focus \"English\"");
}
