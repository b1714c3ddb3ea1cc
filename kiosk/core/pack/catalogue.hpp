#pragma once
// An opened, compiled content pack: the questionnaire and pack settings in
// memory, the match index in memory, and course details read on demand.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"
#include "kiosk/core/content/content.hpp"
#include "kiosk/core/content/course.hpp"
#include "kiosk/core/matching/match_index.hpp"

namespace kiosk {

namespace sqlite {
class Database;
}

class Catalogue {
  public:
    // Opens read-only; fails with a message naming the file when it is not a
    // content pack of this schema version, or is damaged.
    static Result<Catalogue> open(const std::filesystem::path& path);

    // Movable, not assignable: a Matcher or Visit holds references into the
    // pack, and assignment would free them under it. To change packs, build
    // the new Catalogue, Matcher and Visit together and drop the old ones.
    Catalogue(Catalogue&&) noexcept;
    Catalogue& operator=(Catalogue&&) = delete;
    ~Catalogue();

    const ContentPack& pack() const { return *pack_; }
    const MatchIndex& index() const { return *index_; }
    std::size_t course_count() const { return index_->size(); }
    const std::string& course_id(int course) const;
    int course_index(std::string_view id) const;  // -1 when unknown

    // Reads the full course from the file.
    Result<Course> course(int course) const;

    // Every text of every course that the screens and receipt draw (titles,
    // descriptions, what to bring, providers, places), for the font atlas.
    void for_each_course_text(const std::function<void(std::string_view)>& each) const;

  private:
    Catalogue();
    std::unique_ptr<sqlite::Database> db_;
    // Behind pointers so that references into them survive a move.
    std::unique_ptr<ContentPack> pack_;
    std::unique_ptr<MatchIndex> index_;
};

}  // namespace kiosk
