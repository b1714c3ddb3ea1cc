#pragma once
// The static site a municipality hosts behind the QR code: the page, its
// style and script, the catalogue per language and a note on hosting.

#include <map>
#include <string>
#include <vector>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"
#include "kiosk/core/io/atomic_folder.hpp"

namespace kiosk {

// A file of the site; all lie in its one folder.
using SiteFile = FolderFile;

// The page's own files (index.html, site.css, site.js, calendar.js, README.txt), which the
// kiosk carries in its binary. In index.html and README.txt, `{{languages}}`
// becomes the pack's language codes ("nl en") and `{{pack}}` its name in Dutch.
using SiteAssets = std::map<std::string, std::string>;

// Every file of the site, sorted by name: the assets, and `data-<lang>.js`
// for each of the pack's languages. Fails when an asset the page needs is missing.
Result<std::vector<SiteFile>> make_site(const ContentPack& pack, const std::vector<Course>& courses,
                                        const SiteAssets& assets);

}  // namespace kiosk
