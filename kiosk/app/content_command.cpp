// kiosk content build|validate|import

#include <iostream>
#include <optional>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/pack/pack_writer.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk content validate DIR\n"
    "       kiosk content build DIR -o FILE.db\n"
    "       kiosk content import ooapi FILE.json...|--url URL -o FILE.csv [...]\n";

void print_issues(const Issues& issues) {
    for (const auto& issue : issues.all())
        std::cerr << format_issue(issue) << '\n';
}

int report(const Issues& issues, const std::string& dir) {
    print_issues(issues);
    if (issues.has_errors()) {
        std::cerr << dir << ": " << issues.error_count()
                  << (issues.error_count() == 1 ? " error" : " errors")
                  << "; nothing was written\n";
        return 1;
    }
    return 0;
}

// Loads and checks a pack folder, printing every issue; nullopt when it has errors.
std::optional<ContentSource> load_checked(const std::string& dir) {
    Issues issues;
    ContentSource source = load_content_dir(dir, issues);
    if (report(issues, dir) != 0)
        return std::nullopt;
    return source;
}

int validate(Args& args) {
    auto dir = args.take_word();
    if (!dir || reject_leftovers(args, "content validate")) {
        std::cerr << usage;
        return 2;
    }
    const auto source = load_checked(*dir);
    if (!source)
        return 1;
    std::cout << *dir << ": valid: " << source->pack.questionnaire.questions.size()
              << " questions, " << source->courses.size() << " courses\n";
    return 0;
}

int build(Args& args) {
    auto out = args.take_option("-o");
    if (!out)
        out = args.take_option("--output");
    auto dir = args.take_word();
    if (!dir || !out || reject_leftovers(args, "content build")) {
        std::cerr << usage;
        return 2;
    }
    const auto source = load_checked(*dir);
    if (!source)
        return 1;
    auto summary = build_content_db(*source, *out);
    if (!summary) {
        std::cerr << "kiosk content build: " << summary.error() << '\n';
        return 1;
    }
    std::cout << *out << ": " << summary->questions << " questions, " << summary->courses
              << " courses, " << summary->bytes / 1024 << " KiB (pack " << source->pack.info.id
              << ' ' << source->pack.info.version << ")\n";
    return 0;
}

}  // namespace

int content_command(Args& args) {
    const auto verb = args.take_word();
    if (verb == "validate")
        return validate(args);
    if (verb == "build")
        return build(args);
    if (verb == "import") {
        if (args.take_word() == "ooapi")
            return ooapi_import_command(args);
        std::cerr << usage;
        return 2;
    }
    std::cerr << usage;
    return 2;
}

}  // namespace kiosk::app
