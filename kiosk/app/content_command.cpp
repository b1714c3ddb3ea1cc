// kiosk content build|validate|import|publish

#include <filesystem>
#include <iostream>
#include <optional>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/site_assets.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/pack_texts.hpp"
#include "kiosk/core/io/atomic_folder.hpp"
#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_install.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "kiosk/core/publish/site.hpp"

namespace kiosk::app {
namespace {

constexpr const char* usage =
    "usage: kiosk content validate DIR\n"
    "       kiosk content build DIR -o FILE.db\n"
    "       kiosk content import ooapi FILE.json...|--url URL -o FILE.csv [...]\n"
    "       kiosk content publish DIR|FILE.db -o SITE_DIR\n"
    "       kiosk content po export DIR --lang LANG -o FILE.po\n"
    "       kiosk content po import DIR FILE.po\n"
    "       kiosk content install FILE.db [--signature FILE.db.minisig] [--allow-downgrade]\n"
    "                             [--config kiosk.toml] [--state /var/lib/kiosk]\n"
    "       kiosk content rollback [--config kiosk.toml] [--state /var/lib/kiosk]\n"
    "       kiosk content comment FILE.db     the trusted comment to sign it with\n"
    "       kiosk content fetch-url [--config kiosk.toml]\n";

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
    ContentSource counted = *source;
    for (const auto& c : language_coverage(counted)) {
        std::cout << c.language << ": " << c.missing << " of " << c.texts << " texts missing"
                  << (c.missing > 0 ? " (shown in Dutch)" : "") << '\n';
    }
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

// A compiled pack read whole: the site lists every course, not a ranking.
std::optional<ContentSource> load_compiled(const std::string& path) {
    auto catalogue = Catalogue::open(path);
    if (!catalogue) {
        std::cerr << catalogue.error() << '\n';
        return std::nullopt;
    }
    ContentSource source{catalogue->pack(), {}};
    source.courses.reserve(catalogue->course_count());
    for (std::size_t i = 0; i < catalogue->course_count(); ++i) {
        auto course = catalogue->course(static_cast<int>(i));
        if (!course) {
            std::cerr << course.error() << '\n';
            return std::nullopt;
        }
        source.courses.push_back(std::move(*course));
    }
    return source;
}

int publish(Args& args) {
    auto out = args.take_option("-o");
    if (!out)
        out = args.take_option("--output");
    auto pack = args.take_word();
    if (!pack || !out || reject_leftovers(args, "content publish")) {
        std::cerr << usage;
        return 2;
    }
    const auto source =
        std::filesystem::is_directory(*pack) ? load_checked(*pack) : load_compiled(*pack);
    if (!source)
        return 1;
    auto files = make_site(source->pack, source->courses, embedded_site_assets());
    if (!files) {
        std::cerr << "kiosk content publish: " << files.error() << '\n';
        return 1;
    }
    // data-nl.js is in every site this command writes (Dutch is in every
    // pack): only such a folder, or an empty one, is replaced.
    if (auto written = write_folder_atomically(*out, *files, "data-nl.js"); !written) {
        std::cerr << "kiosk content publish: " << written.error() << '\n';
        return 1;
    }
    std::size_t bytes = 0;
    for (const auto& file : *files)
        bytes += file.bytes.size();
    std::cout << *out << ": " << files->size() << " files, " << bytes / 1024 << " KiB, "
              << source->courses.size() << " courses in " << source->pack.info.languages.size()
              << " languages (pack " << source->pack.info.id << ' ' << source->pack.info.version
              << "); open " << (std::filesystem::path(*out) / "index.html").string() << '\n';
    return 0;
}

// The trusted comment a pack is signed with: minisign -t "$(kiosk content comment F)".
int comment(Args& args) {
    auto pack = args.take_word();
    if (!pack || reject_leftovers(args, "content comment")) {
        std::cerr << usage;
        return 2;
    }
    auto catalogue = Catalogue::open(*pack);
    if (!catalogue) {
        std::cerr << catalogue.error() << '\n';
        return 1;
    }
    const PackInfo& info = catalogue->pack().info;
    std::cout << format_pack_comment({info.id, info.version, info.region}) << '\n';
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
    if (verb == "publish")
        return publish(args);
    if (verb == "po")
        return po_command(args);
    if (verb == "install" || verb == "rollback" || verb == "fetch-url")
        return pack_install_command(*verb, args);
    if (verb == "comment")
        return comment(args);
    std::cerr << usage;
    return 2;
}

}  // namespace kiosk::app
