#include "kiosk/core/config/config.hpp"

#include <catch2/catch.hpp>

#include "kiosk/core/content/content_loader.hpp"
#include "tests/support/test_support.hpp"

using namespace kiosk;

namespace {

KioskConfig load(const std::string& text, Issues& issues) {
    return load_config_toml(text, "kiosk.toml", issues);
}

ContentPack pack_with_languages(std::vector<std::string> languages) {
    ContentPack pack;
    pack.info.languages = std::move(languages);
    return pack;
}

std::filesystem::path example_config() {
    return test::source_dir() / "deploy" / "config" / "kiosk.example.toml";
}

}  // namespace

TEST_CASE("a full configuration reads languages, timeouts, colours and logo") {
    test::TempDir dir;
    test::write_text(dir / "logo.png", "not really a PNG; only its presence is checked");
    test::write_text(dir / "kiosk.toml", R"(
[kiosk]
name = "Leerwerkloket Venlo"
languages = ["nl", "en", "pl"]
default_language = "en"

[timeouts]
idle_s = 120
warning_s = 20
thanks_s = 10

[branding]
logo = "logo.png"
primary = "#1B4F72"
on_primary = "#ffffff"
background = "#ffffff"
text = "#000000"
accent = "#e67e22"
)");
    Issues issues;
    const auto config = load_config_file(dir / "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.languages == std::vector<std::string>{"nl", "en", "pl"});
    CHECK(config.default_language == "en");
    CHECK(config.timeouts.idle == Seconds{120});
    CHECK(config.timeouts.warning == Seconds{20});
    CHECK(config.timeouts.thanks == Seconds{10});
    CHECK(config.branding.logo == dir / "logo.png");
    CHECK(config.branding.primary == Colour{0x1b, 0x4f, 0x72});
    CHECK(config.branding.on_primary == Colour{0xff, 0xff, 0xff});
    CHECK(config.branding.background == Colour{0xff, 0xff, 0xff});
    CHECK(config.branding.text == Colour{0x00, 0x00, 0x00});
    CHECK(config.branding.accent == Colour{0xe6, 0x7e, 0x22});
}

TEST_CASE("a configuration that leaves out the new sections gets the defaults") {
    Issues issues;
    const auto config = load("[kiosk]\nname = \"X\"\n", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.languages.empty());
    CHECK(config.default_language.empty());
    CHECK(config.timeouts.idle == IdleTimeouts{}.idle);
    CHECK(config.timeouts.warning == IdleTimeouts{}.warning);
    CHECK(config.timeouts.thanks == IdleTimeouts{}.thanks);
    CHECK(config.branding.logo.empty());
    CHECK(config.branding.primary == Branding{}.primary);
    CHECK(config.branding.text == Branding{}.text);
}

TEST_CASE("every bad value is reported with file, line and key, all of them at once") {
    Issues issues;
    const auto config = load(R"([kiosk]
name = "X"
languages = ["nl", "english", "nl"]
default_language = "de"
[timeouts]
idle_s = 5
warning_s = 121
thanks_s = 7.5
nap_s = 3
[branding]
primary = "blue"
on_primary = "#fff"
background = 16777215
text = "#12345g"
accent = "#00ff00ff"
font = "Comic Sans"
)",
                             issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues, "kiosk.toml:3: kiosk.languages: 'english' is not a two-letter"));
    CHECK(test::has_issue(issues, "kiosk.toml:3: kiosk.languages: 'nl' is listed twice"));
    CHECK(test::has_issue(
        issues, "kiosk.toml:4: kiosk.default_language: 'de' is not one of kiosk.languages"));
    CHECK(test::has_issue(issues,
                          "kiosk.toml:6: timeouts.idle_s: must be a whole number of "
                          "seconds between 15 and 900"));
    CHECK(test::has_issue(issues,
                          "kiosk.toml:7: timeouts.warning_s: must be a whole number of "
                          "seconds between 5 and 120"));
    CHECK(test::has_issue(issues, "kiosk.toml:8: timeouts.thanks_s: must be a whole number"));
    CHECK(test::has_issue(issues, "kiosk.toml:9: timeouts.nap_s: unknown key"));
    CHECK(test::has_issue(issues,
                          "kiosk.toml:11: branding.primary: 'blue' is not a colour of "
                          "the form \"#rrggbb\""));
    CHECK(test::has_issue(issues, "kiosk.toml:12: branding.on_primary: '#fff' is not a colour"));
    CHECK(test::has_issue(issues, "kiosk.toml:13: branding.background: must be text"));
    CHECK(test::has_issue(issues, "kiosk.toml:14: branding.text: '#12345g' is not a colour"));
    CHECK(test::has_issue(issues, "kiosk.toml:15: branding.accent: '#00ff00ff' is not a colour"));
    CHECK(test::has_issue(issues, "kiosk.toml:16: branding.font: unknown key"));
    // Nothing more: malformed colours are not also blamed for poor contrast.
    CHECK(issues.error_count() == 13);
    // What could not be read keeps its default, so the kiosk still runs.
    CHECK(config.languages == std::vector<std::string>{"nl"});
    CHECK(config.default_language.empty());
    CHECK(config.timeouts.idle == IdleTimeouts{}.idle);
    CHECK(config.branding.primary == Branding{}.primary);
}

TEST_CASE("each timeout accepts its limits and nothing beyond") {
    struct Case {
        const char* key;
        int low;
        int high;
    };
    for (const Case c :
         {Case{"idle_s", 15, 900}, Case{"warning_s", 5, 120}, Case{"thanks_s", 3, 120}}) {
        INFO(c.key);
        auto issues_for = [&](int value) {
            Issues issues;
            load("[kiosk]\nname = \"X\"\n[timeouts]\n" + std::string(c.key) + " = " +
                     std::to_string(value) + "\n",
                 issues);
            return issues.error_count();
        };
        CHECK(issues_for(c.low) == 0);
        CHECK(issues_for(c.high) == 0);
        CHECK(issues_for(c.low - 1) == 1);
        CHECK(issues_for(c.high + 1) == 1);
    }
}

TEST_CASE("the contrast ratio follows WCAG 2") {
    const Colour black{0, 0, 0};
    const Colour white{0xff, 0xff, 0xff};
    CHECK(contrast_ratio(black, white) == Approx(21.0));
    CHECK(contrast_ratio(white, black) == Approx(21.0));
    CHECK(contrast_ratio(Colour{0x12, 0x34, 0x56}, Colour{0x12, 0x34, 0x56}) == Approx(1.0));
    // The well-known edge of AA on white: #767676 passes, #777777 just fails.
    CHECK(contrast_ratio(Colour{0x76, 0x76, 0x76}, white) == Approx(4.54).epsilon(0.005));
    CHECK(contrast_ratio(Colour{0x77, 0x77, 0x77}, white) < 4.5);
}

TEST_CASE("the default colours are readable") {
    const Branding branding;
    CHECK(contrast_ratio(branding.on_primary, branding.primary) >= 4.5);
    CHECK(contrast_ratio(branding.text, branding.background) >= 4.5);
}

TEST_CASE("text colours too faint to read are an error naming both keys and the ratio") {
    Issues issues;
    load(R"([kiosk]
name = "X"
[branding]
primary = "#777777"
on_primary = "#ffffff"
text = "#aaaaaa"
)",
         issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 2);
    CHECK(test::has_issue(issues,
                          "kiosk.toml:5: branding.on_primary: text in this colour on "
                          "branding.primary has a contrast ratio of 4.47:1; at least "
                          "4.5:1"));
    // The background is the default here: the error points at the key that was given.
    CHECK(test::has_issue(issues,
                          "kiosk.toml:6: branding.text: text in this colour on "
                          "branding.background has a contrast ratio of 2."));
}

TEST_CASE("a relative logo is found beside the configuration file, wherever the kiosk starts") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "assets");
    test::write_text(dir / "assets" / "logo.png", "png");
    test::write_text(dir / "kiosk.toml",
                     "[kiosk]\nname = \"X\"\n[branding]\nlogo = \"assets/logo.png\"\n");
    Issues issues;
    const auto config = load_config_file(dir / "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.branding.logo == dir / "assets" / "logo.png");
    CHECK(std::filesystem::exists(config.branding.logo));
}

TEST_CASE("a logo that does not exist is an error naming the key and the path") {
    test::TempDir dir;
    test::write_text(dir / "kiosk.toml",
                     "[kiosk]\nname = \"X\"\n[branding]\nlogo = \"missing.png\"\n");
    Issues issues;
    const auto config = load_config_file(dir / "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 1);
    CHECK(test::has_issue(issues, (dir / "kiosk.toml").string() + ":4: branding.logo: '" +
                                      (dir / "missing.png").string() + "' does not exist"));
    CHECK(config.branding.logo.empty());
}

TEST_CASE("a logo that is a folder is an error") {
    test::TempDir dir;
    Issues issues;
    load("[kiosk]\nname = \"X\"\n[branding]\nlogo = \"" + dir.path().string() + "\"\n", issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(
        issues, "kiosk.toml:4: branding.logo: '" + dir.path().string() + "' is not a file"));
}

TEST_CASE("no languages configured offers all of the pack's, starting in the first") {
    KioskConfig config;
    Issues issues;
    resolve_languages(config, pack_with_languages({"nl", "en", "uk"}), "kiosk.toml", issues);
    CHECK(issues.all().empty());
    CHECK(config.languages == std::vector<std::string>{"nl", "en", "uk"});
    CHECK(config.default_language == "nl");
}

TEST_CASE("configured languages keep their order and default") {
    KioskConfig config;
    config.languages = {"uk", "nl"};
    config.default_language = "nl";
    Issues issues;
    resolve_languages(config, pack_with_languages({"nl", "en", "uk"}), "kiosk.toml", issues);
    CHECK(issues.all().empty());
    CHECK(config.languages == std::vector<std::string>{"uk", "nl"});
    CHECK(config.default_language == "nl");

    KioskConfig no_default;
    no_default.languages = {"en", "nl"};
    resolve_languages(no_default, pack_with_languages({"nl", "en"}), "kiosk.toml", issues);
    CHECK(no_default.default_language == "en");
}

TEST_CASE("a language the pack does not have is an error, and the others are still offered") {
    KioskConfig config;
    config.languages = {"nl", "tr"};
    Issues issues;
    resolve_languages(config, pack_with_languages({"nl", "en"}), "/etc/kiosk/kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 1);
    CHECK(test::has_issue(issues,
                          "/etc/kiosk/kiosk.toml: kiosk.languages: 'tr' is not one of "
                          "the content pack's languages (nl, en)"));
    CHECK(config.languages == std::vector<std::string>{"nl"});
    CHECK(config.default_language == "nl");
}

TEST_CASE("a default language that is not offered is an error, and the first is used") {
    KioskConfig config;
    config.default_language = "pl";
    Issues issues;
    resolve_languages(config, pack_with_languages({"nl", "en"}), "kiosk.toml", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 1);
    CHECK(test::has_issue(issues,
                          "kiosk.toml: kiosk.default_language: 'pl' is not one of the "
                          "languages offered (nl, en)"));
    CHECK(config.languages == std::vector<std::string>{"nl", "en"});
    CHECK(config.default_language == "nl");
}

TEST_CASE("the example configuration loads without issues and documents the defaults") {
    Issues issues;
    auto config = load_config_file(example_config(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.timeouts.idle == IdleTimeouts{}.idle);
    CHECK(config.timeouts.warning == IdleTimeouts{}.warning);
    CHECK(config.timeouts.thanks == IdleTimeouts{}.thanks);
    const Branding defaults;
    CHECK(config.branding.primary == defaults.primary);
    CHECK(config.branding.on_primary == defaults.on_primary);
    CHECK(config.branding.background == defaults.background);
    CHECK(config.branding.text == defaults.text);
    CHECK(config.branding.accent == defaults.accent);
    REQUIRE(config.printer.target.has_value());
    CHECK(config.printer.target->path == "/dev/usb/lp0");

    // Its languages fit the bundled content pack.
    Issues content_issues;
    const auto source = load_content_dir(test::source_dir() / "content", content_issues);
    REQUIRE_FALSE(content_issues.has_errors());
    resolve_languages(config, source.pack, example_config().string(), issues);
    CHECK(issues.all().empty());
    CHECK(config.default_language == "nl");
}

namespace {

// Made by `kiosk adviser-pin` for 2468.
constexpr const char* pin_2468 =
    "$argon2id$v=19$m=65536,t=2,p=1$eFIhitjycZ5Y1OrPZKrViA$"
    "3npWQxqJBnvqa2/xwO0TEyNEmXZMZs9kP8BQ7EYqPuY";

}  // namespace

TEST_CASE("the adviser section reads the PIN hash, corner, hold and idle time", "[pin]") {
    Issues issues;
    const auto config =
        load(std::string("[kiosk]\nname = \"X\"\n[adviser]\npin_hash = \"") + pin_2468 +
                 "\"\ncorner = \"bottom-right\"\nhold_s = 5\nidle_s = 300\n",
             issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    CHECK(config.adviser.enabled());
    CHECK(config.adviser.pin_hash == pin_2468);
    CHECK(config.adviser.corner == ScreenCorner::bottom_right);
    CHECK(config.adviser.hold == Seconds{5});
    CHECK(config.adviser.idle == Seconds{300});
}

TEST_CASE("without a PIN hash adviser mode is off, with the default corner and times", "[pin]") {
    for (const char* text :
         {"[kiosk]\nname = \"X\"\n", "[kiosk]\nname = \"X\"\n[adviser]\npin_hash = \"\"\n"}) {
        Issues issues;
        const auto config = load(text, issues);
        INFO(test::all_issues(issues));
        CHECK(issues.all().empty());
        CHECK_FALSE(config.adviser.enabled());
        CHECK(config.adviser.corner == ScreenCorner::top_left);
        CHECK(config.adviser.hold == Seconds{3});
        CHECK(config.adviser.idle == Seconds{120});
    }
}

TEST_CASE("each corner can be chosen by its name", "[pin]") {
    const std::pair<const char*, ScreenCorner> corners[] = {
        {"top-left", ScreenCorner::top_left},
        {"top-right", ScreenCorner::top_right},
        {"bottom-left", ScreenCorner::bottom_left},
        {"bottom-right", ScreenCorner::bottom_right}};
    for (const auto& [name, corner] : corners) {
        Issues issues;
        const auto config = load(
            std::string("[kiosk]\nname = \"X\"\n[adviser]\ncorner = \"") + name + "\"\n", issues);
        INFO(name << ": " << test::all_issues(issues));
        CHECK(issues.all().empty());
        CHECK(config.adviser.corner == corner);
    }
}

TEST_CASE("bad adviser values are reported with file, line and key, and leave the mode off",
          "[pin]") {
    Issues issues;
    const auto config = load(R"([kiosk]
name = "X"
[adviser]
pin_hash = "2468"
corner = "middle"
hold_s = 1
idle_s = 901
pin = "2468"
)",
                             issues);
    INFO(test::all_issues(issues));
    CHECK(test::has_issue(issues,
                          "kiosk.toml:4: adviser.pin_hash: is not an Argon2id hash (it "
                          "must start with \"$argon2id$\")"));
    CHECK(test::has_issue(issues,
                          "kiosk.toml:5: adviser.corner: 'middle' is not one of top-left, "
                          "top-right, bottom-left, bottom-right"));
    CHECK(test::has_issue(
        issues,
        "kiosk.toml:6: adviser.hold_s: must be a whole number of seconds between 2 and 10"));
    CHECK(test::has_issue(
        issues,
        "kiosk.toml:7: adviser.idle_s: must be a whole number of seconds between 30 and 900"));
    CHECK(test::has_issue(issues, "kiosk.toml:8: adviser.pin: unknown key"));
    CHECK(issues.error_count() == 5);
    CHECK_FALSE(config.adviser.enabled());
    CHECK(config.adviser.corner == ScreenCorner::top_left);
    CHECK(config.adviser.hold == Seconds{3});
    CHECK(config.adviser.idle == Seconds{120});
}

TEST_CASE("an adviser PIN hash cut short is an error and leaves the mode off", "[pin]") {
    const std::string cut(pin_2468, std::string_view(pin_2468).rfind('$'));
    Issues issues;
    const auto config =
        load("[kiosk]\nname = \"X\"\n[adviser]\npin_hash = \"" + cut + "\"\n", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 1);
    CHECK(test::has_issue(
        issues, "kiosk.toml:4: adviser.pin_hash: is not a complete Argon2id hash string"));
    CHECK_FALSE(config.adviser.enabled());
}

TEST_CASE("an adviser PIN hash with other Argon2id costs works, with a warning to renew it",
          "[pin]") {
    // libsodium's MODERATE costs (256 MiB, 3 passes) for 1234.
    const std::string costlier =
        "$argon2id$v=19$m=262144,t=3,p=1$NFBAjJrlMY+IUBfLrrpPWw$"
        "2HlU7HFq00yvp+xGXa+RQ6PH1Q/5eX4xPRNK189zsWI";
    Issues issues;
    const auto config =
        load("[kiosk]\nname = \"X\"\n[adviser]\npin_hash = \"" + costlier + "\"\n", issues);
    INFO(test::all_issues(issues));
    CHECK(issues.error_count() == 0);
    CHECK(test::has_issue(issues,
                          "kiosk.toml:4: adviser.pin_hash: warning: was made with other "
                          "Argon2id costs"));
    CHECK(config.adviser.pin_hash == costlier);
}

TEST_CASE("each adviser time accepts its limits and nothing beyond", "[pin]") {
    struct Case {
        const char* key;
        int low;
        int high;
    };
    for (const Case c : {Case{"hold_s", 2, 10}, Case{"idle_s", 30, 900}}) {
        INFO(c.key);
        auto issues_for = [&](std::string value) {
            Issues issues;
            load("[kiosk]\nname = \"X\"\n[adviser]\n" + std::string(c.key) + " = " + value + "\n",
                 issues);
            return issues.error_count();
        };
        CHECK(issues_for(std::to_string(c.low)) == 0);
        CHECK(issues_for(std::to_string(c.high)) == 0);
        CHECK(issues_for(std::to_string(c.low - 1)) == 1);
        CHECK(issues_for(std::to_string(c.high + 1)) == 1);
        CHECK(issues_for(std::to_string(c.low) + ".5") == 1);
    }
}

TEST_CASE("the example configuration leaves adviser mode off and documents its defaults", "[pin]") {
    Issues issues;
    const auto config = load_config_file(example_config(), issues);
    INFO(test::all_issues(issues));
    CHECK(issues.all().empty());
    const AdviserConfig defaults;
    CHECK_FALSE(config.adviser.enabled());
    CHECK(config.adviser.corner == defaults.corner);
    CHECK(config.adviser.hold == defaults.hold);
    CHECK(config.adviser.idle == defaults.idle);
    CHECK(test::read_text(example_config()).find("kiosk adviser-pin") != std::string::npos);
}

TEST_CASE("the kiosk is named as configured, or by the pack's name in the visitor's language") {
    ContentPack pack = pack_with_languages({"nl", "en"});
    pack.info.name = {{"nl", "Leerwerkloket Limburg"}, {"en", "Learning and work desk Limburg"}};
    KioskConfig config;
    CHECK(kiosk_name(config, pack, "en") == "Learning and work desk Limburg");
    CHECK(kiosk_name(config, pack, "uk") == "Leerwerkloket Limburg");
    config.name = "Leerwerkloket Heerlen";
    CHECK(kiosk_name(config, pack, "en") == "Leerwerkloket Heerlen");
}

TEST_CASE("speech reads enabled, volume and rate, and names each bad value's line") {
    Issues good;
    const auto config =
        load("[kiosk]\nname = \"X\"\n[speech]\nenabled = false\nvolume = 40\nrate = 200\n", good);
    INFO(test::all_issues(good));
    CHECK_FALSE(good.has_errors());
    CHECK_FALSE(config.speech.enabled);
    CHECK(config.speech.volume == 40);
    CHECK(config.speech.rate == 200);

    Issues bad;
    const auto fallback = load(R"([kiosk]
name = "X"
[speech]
enabled = "yes"
volume = 101
rate = 79
voice = "nl"
)",
                               bad);
    INFO(test::all_issues(bad));
    CHECK(test::has_issue(bad, "kiosk.toml:4: speech.enabled: must be true or false"));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:5: speech.volume: must be a whole number between 0 "
                          "and 100"));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:6: speech.rate: must be a whole number of words a "
                          "minute between 80 and 450"));
    CHECK(test::has_issue(bad, "kiosk.toml:7: speech.voice: unknown key"));
    CHECK(bad.error_count() == 4);
    CHECK(fallback.speech.enabled == SpeechConfig{}.enabled);
    CHECK(fallback.speech.volume == SpeechConfig{}.volume);
    CHECK(fallback.speech.rate == SpeechConfig{}.rate);

    Issues limits;
    const auto edge = load("[kiosk]\nname = \"X\"\n[speech]\nvolume = 0\nrate = 450\n", limits);
    CHECK_FALSE(limits.has_errors());
    CHECK(edge.speech.volume == 0);
    CHECK(edge.speech.rate == 450);
}

TEST_CASE("the display's renderer is auto, software or accelerated, auto when not given") {
    Issues none;
    CHECK(load("[kiosk]\nname = \"X\"\n", none).display.renderer == RendererChoice::automatic);
    for (const auto& [text, choice] : {std::pair{"auto", RendererChoice::automatic},
                                       std::pair{"software", RendererChoice::software},
                                       std::pair{"accelerated", RendererChoice::accelerated}}) {
        Issues good;
        const auto config = load(
            std::string("[kiosk]\nname = \"X\"\n[display]\nrenderer = \"") + text + "\"\n", good);
        INFO(text << ": " << test::all_issues(good));
        CHECK_FALSE(good.has_errors());
        CHECK(config.display.renderer == choice);
    }

    Issues bad;
    const auto fallback =
        load("[kiosk]\nname = \"X\"\n[display]\nrenderer = \"opengl\"\nvsync = true\n", bad);
    INFO(test::all_issues(bad));
    CHECK(test::has_issue(
        bad, "kiosk.toml:4: display.renderer: 'opengl' is not one of auto, software, accelerated"));
    CHECK(test::has_issue(bad, "kiosk.toml:5: display.vsync: unknown key"));
    CHECK(bad.error_count() == 2);
    CHECK(fallback.display.renderer == RendererChoice::automatic);
}

TEST_CASE("the keypad's keys come from [keypad], each action with its own keys") {
    Issues none;
    const auto defaults = load("[kiosk]\nname = \"X\"\n", none);
    CHECK(defaults.keypad.action("Keypad 8") == KeypadAction::up);
    CHECK(defaults.keypad.action("Keypad Enter") == KeypadAction::select);
    CHECK(defaults.keypad.action("VolumeUp") == KeypadAction::louder);
    CHECK_FALSE(defaults.keypad.action("Return"));
    CHECK_FALSE(defaults.keypad.action("Escape"));

    Issues good;
    const auto config = load(R"([kiosk]
name = "X"
[keypad]
up = ["keypad8", "W"]
select = ["Return"]
repeat = ["KP_Multiply", "H"]
volume_step = 5
)",
                             good);
    INFO(test::all_issues(good));
    CHECK_FALSE(good.has_errors());
    CHECK(config.keypad.action("Keypad 8") == KeypadAction::up);
    CHECK(config.keypad.action("W") == KeypadAction::up);
    CHECK_FALSE(config.keypad.action("Up"));  // the list replaces the action's defaults
    CHECK(config.keypad.action("Return") == KeypadAction::select);
    CHECK_FALSE(config.keypad.action("Keypad 5"));
    CHECK(config.keypad.action("Keypad *") == KeypadAction::repeat);
    CHECK(config.keypad.action("Keypad 2") == KeypadAction::down);  // left out: the default keys
    CHECK(config.keypad.volume_step == 5);
}

TEST_CASE("a bad keypad key is named with its line: unknown, refused by the lockdown, or taken") {
    Issues bad;
    load(R"([kiosk]
name = "X"
[keypad]
up = ["Keypad 8", "Kaypad 9"]
down = ["Escape"]
select = ["Keypad 8"]
back = []
louder = "Keypad +"
volume_step = 80
speak = ["S"]
)",
         bad);
    INFO(test::all_issues(bad));
    CHECK(test::has_issue(bad, "kiosk.toml:4: keypad.up: 'Kaypad 9' is not a key name"));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:5: keypad.down: 'Escape' leaves or changes a window on a "
                          "desktop; the locked kiosk refuses it, so it cannot be a keypad key"));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:6: keypad.select: 'Keypad 8' is already the key of "
                          "keypad.up"));
    CHECK(test::has_issue(bad, "kiosk.toml:7: keypad.back: needs at least one key"));
    CHECK(test::has_issue(bad, "kiosk.toml:8: keypad.louder:"));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:9: keypad.volume_step: must be a whole number between 1 "
                          "and 50"));
    CHECK(test::has_issue(bad, "kiosk.toml:10: keypad.speak: unknown key"));
}

TEST_CASE("speech mode's idle time is at least the ordinary one, and the jack a device path") {
    Issues good;
    const auto config = load(
        "[kiosk]\nname = \"X\"\n[timeouts]\nidle_s = 60\nspeech_idle_s = 300\n[speech]\n"
        "headphones = \"/dev/input/event7\"\n",
        good);
    INFO(test::all_issues(good));
    CHECK_FALSE(good.has_errors());
    CHECK(config.timeouts.speech_idle == Seconds{300});
    CHECK(config.speech.headphones == "/dev/input/event7");
    CHECK(load("[kiosk]\nname = \"X\"\n", good).speech.headphones == "auto");

    Issues bad;
    load(
        "[kiosk]\nname = \"X\"\n[timeouts]\nidle_s = 120\nspeech_idle_s = 60\n[speech]\n"
        "headphones = \"event7\"\n",
        bad);
    INFO(test::all_issues(bad));
    CHECK(test::has_issue(bad,
                          "kiosk.toml:5: timeouts.speech_idle_s: must be at least idle_s (120)"));
    CHECK(test::has_issue(bad, "kiosk.toml:7: speech.headphones: 'event7' is neither"));
}
