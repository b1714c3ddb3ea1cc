#pragma once
// A fixture pack compiled into a temporary folder and opened, as the kiosk
// opens its content.db, for tests that need the real Catalogue.

#include <stdexcept>
#include <string>

#include "kiosk/core/pack/catalogue.hpp"
#include "kiosk/core/pack/pack_writer.hpp"
#include "tests/support/test_support.hpp"

namespace test {

// Throws with every issue when the fixture does not load, build or open.
inline kiosk::Catalogue compiled_fixture(const std::string& name, const TempDir& dir) {
    kiosk::Issues issues;
    const auto source = kiosk::load_content_dir(fixture(name), issues);
    if (issues.has_errors())
        throw std::runtime_error(all_issues(issues));
    if (auto built = kiosk::build_content_db(source, dir / "pack.db"); !built.ok())
        throw std::runtime_error(built.error());
    auto opened = kiosk::Catalogue::open(dir / "pack.db");
    if (!opened.ok())
        throw std::runtime_error(opened.error());
    return std::move(opened).value();
}

}  // namespace test
