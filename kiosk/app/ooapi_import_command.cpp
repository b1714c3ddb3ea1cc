// kiosk content import ooapi: pages of an OOAPI v5 server, read from files or fetched,
// into rows of courses.csv.

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/base/text_list.hpp"
#include "kiosk/core/io/atomic_file.hpp"
#include "kiosk/core/ooapi/ooapi_crawl.hpp"
#include "kiosk/core/ooapi/ooapi_import.hpp"
#include "kiosk/platform/http_client.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk content import ooapi FILE.json... -o FILE.csv [--languages nl,en]\n"
    "                                   [--provider NAME]\n"
    "       kiosk content import ooapi --url https://HOST/.../courses -o FILE.csv\n"
    "                                   [--languages nl,en] [--provider NAME]\n"
    "                                   [--since YYYY-MM-DD] [--timeout SECONDS]\n"
    "                                   [--retries N] [--wait SECONDS]\n";

std::optional<std::vector<OoapiFile>> read_files(const std::vector<std::string>& paths) {
    std::vector<OoapiFile> files;
    for (const std::string& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << path << ": cannot be read\n";
            return std::nullopt;
        }
        std::ostringstream text;
        text << in.rdbuf();
        files.push_back({std::filesystem::path(path).filename().string(), text.str()});
    }
    return files;
}

// A number of seconds from the command line ("30", "0.5"); nullopt when it is none.
std::optional<std::chrono::milliseconds> seconds_option(const std::optional<std::string>& text,
                                                        std::chrono::milliseconds fallback) {
    if (!text)
        return fallback;
    double seconds = -1;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (error != std::errc{} || end != text->data() + text->size() || seconds < 0 ||
        seconds > 3600) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

struct FetchSettings {
    ooapi::CoursesUrl url;
    ooapi::CrawlOptions crawl;
    platform::HttpOptions http;
};

// The --url options; nullopt (after saying why) when one is wrong.
std::optional<FetchSettings> fetch_settings(Args& args, std::string url) {
    FetchSettings settings;
    const auto courses = ooapi::parse_courses_url(url);
    if (!courses) {
        std::cerr << "kiosk content import: --url must name an OOAPI /courses list "
                     "(https://HOST/.../courses, or .../organizations/ID/courses), not '"
                  << url << "'\n";
        return std::nullopt;
    }
    settings.url = *courses;
    settings.crawl.offerings_since = args.take_option("--since").value_or("");
    const auto timeout = seconds_option(args.take_option("--timeout"), settings.http.timeout);
    const auto wait = seconds_option(args.take_option("--wait"), settings.http.interval);
    const std::string retries = args.take_option("--retries").value_or("3");
    int tries = -1;
    std::from_chars(retries.data(), retries.data() + retries.size(), tries);
    if (!timeout || timeout->count() == 0 || !wait || tries < 0 || tries > 10) {
        std::cerr << "kiosk content import: --timeout and --wait take seconds (up to 3600, "
                     "a timeout above 0), --retries a number from 0 to 10\n";
        return std::nullopt;
    }
    const auto& since = settings.crawl.offerings_since;
    if (!since.empty() && (since.size() != 10 || since[4] != '-' || since[7] != '-')) {
        std::cerr << "kiosk content import: --since takes a date as YYYY-MM-DD, not '" << since
                  << "'\n";
        return std::nullopt;
    }
    settings.http.timeout = *timeout;
    settings.http.interval = *wait;
    settings.http.retries = tries;
    settings.http.user_agent = std::string("kiosk-ooapi-import/") + KIOSK_VERSION;
    return settings;
}

// The pages of a server, fetched; nullopt (after saying why) when the fetch failed.
std::optional<std::vector<OoapiFile>> fetch_pages(const FetchSettings& settings, Issues& issues) {
    const std::string& root = settings.url.root;
    const bool loopback =
        root.starts_with("http://127.0.0.1") || root.starts_with("http://localhost");
    if (!root.starts_with("https://") && !loopback) {
        std::cerr << "warning: " << root
                  << " is plain http: anyone on the way can change the catalogue\n";
    }
    platform::HttpClient client(settings.http);
    const auto crawl = ooapi::crawl_courses(
        settings.url, [&](const std::string& page) { return client.get(page); }, settings.crawl,
        issues);
    if (crawl.failure) {
        for (const auto& issue : issues.all())
            std::cerr << format_issue(issue) << '\n';
        std::cerr << *crawl.failure << "\nthe fetch stopped; nothing was written\n";
        return std::nullopt;
    }
    std::cerr << settings.url.courses << ": " << crawl.pages.size() << " pages in "
              << crawl.requests << " requests\n";
    return crawl.pages;
}

}  // namespace

int ooapi_import_command(Args& args) {
    auto out = args.take_option("-o");
    if (!out)
        out = args.take_option("--output");
    OoapiOptions options;
    options.languages = split_list(args.take_option("--languages").value_or("nl,en"), ',');
    options.provider = args.take_option("--provider").value_or("");
    const auto url = args.take_option("--url");
    std::optional<FetchSettings> settings;
    if (url && !(settings = fetch_settings(args, *url)))
        return 2;
    std::vector<std::string> paths;
    while (auto file = args.take_word())
        paths.push_back(*file);
    if (paths.empty() == !url || !out || reject_leftovers(args, "content import")) {
        std::cerr << usage;
        return 2;
    }
    Issues issues;
    const auto files = url ? fetch_pages(*settings, issues) : read_files(paths);
    if (!files)
        return 1;
    const auto imported = import_ooapi(*files, options, issues);
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
    std::cerr << summary(imported) << '\n';
    if (imported.rows.empty()) {
        std::cerr << "no usable course; nothing was written\n";
        return 1;
    }
    if (auto written = write_file_atomically(*out, to_csv(imported)); !written) {
        std::cerr << "kiosk content import: " << written.error() << '\n';
        return 1;
    }
    std::cout << *out << ": " << imported.rows.size() << " courses imported";
    if (imported.rows.size() < imported.read)
        std::cout << ", " << imported.read - imported.rows.size() << " records skipped";
    std::cout << '\n';
    return 0;
}

}  // namespace kiosk::app
