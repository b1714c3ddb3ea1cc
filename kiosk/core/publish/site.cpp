#include "kiosk/core/publish/site.hpp"

#include <algorithm>

#include "kiosk/core/publish/site_data.hpp"

namespace kiosk {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

Result<std::vector<SiteFile>> make_site(const ContentPack& pack, const std::vector<Course>& courses,
                                        const SiteAssets& assets) {
    std::string languages;
    for (const auto& code : pack.info.languages)
        languages += (languages.empty() ? "" : " ") + code;
    std::vector<SiteFile> files;
    for (const char* needed : {"index.html", "site.css", "site.js", "calendar.js", "README.txt"}) {
        if (!assets.contains(needed))
            return Error{std::string("the site's asset ") + needed + " is missing"};
    }
    for (const auto& [name, bytes] : assets) {
        std::string text = bytes;
        if (name.ends_with(".html") || name.ends_with(".txt")) {
            text = replace_all(std::move(text), "{{languages}}", languages);
            text = replace_all(std::move(text), "{{pack}}", text_in(pack.info.name, "nl"));
        }
        files.push_back({name, std::move(text)});
    }
    for (const auto& code : pack.info.languages)
        files.push_back({"data-" + code + ".js", site_data_script(pack, courses, code)});
    std::sort(files.begin(), files.end(),
              [](const SiteFile& a, const SiteFile& b) { return a.name < b.name; });
    return files;
}

}  // namespace kiosk
