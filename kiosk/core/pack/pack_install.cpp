#include "kiosk/core/pack/pack_install.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "kiosk/core/pack/catalogue.hpp"

namespace kiosk {
namespace fs = std::filesystem;

namespace {

std::string decode_value(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() &&
            std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string encode_value(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ')
            out += "%20";
        else if (c == '%')
            out += "%25";
        else
            out += c;
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string errno_text() {
    return std::strerror(errno);
}

// Makes the renames and new names in `folder` durable.
bool sync_folder(const fs::path& folder, std::string& error) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        error = folder.string() + ": cannot sync the folder: " + errno_text();
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

// Writes `bytes` to a new temporary file in `folder` and syncs it; its path.
std::optional<fs::path> write_temporary(const fs::path& folder, std::string_view bytes,
                                        std::string& error) {
    std::string name = (folder / ".content.db.new-XXXXXX").string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = folder.string() + ": cannot create a file: " + errno_text();
        return std::nullopt;
    }
    std::size_t done = 0;
    bool ok = ::fchmod(fd, 0644) == 0;
    while (ok && done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok)
            done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    if (!ok)
        error = name + ": cannot write: " + errno_text();
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        ::unlink(name.c_str());
        return std::nullopt;
    }
    return fs::path(name);
}

bool exists_no_follow(const fs::path& path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0;
}

// `to` becomes another name of `from` (a symbolic link stays a link), atomically.
bool keep_as(const fs::path& folder, const fs::path& from, const fs::path& to, std::string& error) {
    fs::path link = folder / ".content.db.keep";
    ::unlink(link.c_str());
    if (::link(from.c_str(), link.c_str()) != 0) {
        // fs.protected_hardlinks refuses a link to another user's file (an
        // install run as the kiosk user over a pack root put there): a copy.
        const int link_error = errno;
        auto bytes = read_whole_file(from);
        auto copy = bytes ? write_temporary(folder, *bytes, error) : std::nullopt;
        if (!copy) {
            error = from.string() + ": cannot keep it as " + to.filename().string() + ": " +
                    std::strerror(link_error);
            return false;
        }
        link = *copy;
    }
    if (::rename(link.c_str(), to.c_str()) != 0) {
        error = to.string() + ": cannot rename: " + errno_text();
        ::unlink(link.c_str());
        return false;
    }
    return true;
}

// Leftovers of an install that was cut off (power cut, kill): never a pack in use.
void remove_leftovers(const fs::path& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(".content.db.new-") || name == ".content.db.keep")
            fs::remove(entry.path(), ec);
    }
}

// One install or rollback at a time in a state folder (the timer and a USB
// stick may come together): each waits for the other's lock.
class FolderLock {
  public:
    explicit FolderLock(const fs::path& folder)
        : fd_(::open((folder / ".install.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~FolderLock() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    bool held() const { return fd_ >= 0; }

  private:
    int fd_;
};

// "kind: what" as "kind: FILE: what", so that every refusal starts with its kind.
std::string naming(const std::string& message, const fs::path& file) {
    const auto colon = message.find(": ");
    if (colon == std::string::npos)
        return file.string() + ": " + message;
    return message.substr(0, colon + 2) + file.string() + ": " + message.substr(colon + 2);
}

InstallOutcome refuse(Refusal refusal, std::string message) {
    return {refusal, std::move(message), false};
}

}  // namespace

Result<PackComment> parse_pack_comment(std::string_view text) {
    PackComment comment;
    bool id = false, version = false, region = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty())
            continue;
        const auto eq = word.find('=');
        const std::string_view key = word.substr(0, eq);
        const std::string value =
            eq == std::string_view::npos ? "" : decode_value(word.substr(eq + 1));
        if (key == "pack") {
            comment.id = value;
            id = true;
        } else if (key == "version") {
            comment.version = value;
            version = true;
        } else if (key == "region") {
            comment.region = value;
            region = true;
        }
        // Other words (minisign's default "timestamp:..." among them) are left alone.
    }
    if (!id || !version || !region || comment.id.empty() || comment.version.empty() ||
        comment.region.empty())
        return Error{"the trusted comment '" + std::string(text) +
                     "' is not \"pack=<id> version=<version> region=<region>\""};
    return comment;
}

std::string format_pack_comment(const PackComment& comment) {
    return "pack=" + encode_value(comment.id) + " version=" + encode_value(comment.version) +
           " region=" + encode_value(comment.region);
}

int compare_versions(std::string_view a, std::string_view b) {
    auto next_part = [](std::string_view& text) {
        const auto end = text.find_first_of(".-");
        std::string_view part = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        return part;
    };
    auto is_number = [](std::string_view part) {
        return !part.empty() && part.size() < 18 &&
               std::all_of(part.begin(), part.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    while (!a.empty() || !b.empty()) {
        const std::string_view pa = next_part(a);
        const std::string_view pb = next_part(b);
        if (is_number(pa) && is_number(pb)) {
            const long long na = std::stoll(std::string(pa));
            const long long nb = std::stoll(std::string(pb));
            if (na != nb)
                return na < nb ? -1 : 1;
        } else if (pa.empty() != pb.empty()) {
            return pa.empty() ? -1 : 1;  // 2026.11 < 2026.11.1
        } else if (const int c = pa.compare(pb); c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    return 0;
}

bool is_cut_short_sqlite(std::string_view bytes) {
    constexpr std::string_view magic("SQLite format 3\0", 16);
    if (bytes.size() < 100)
        return bytes.size() < magic.size() ? magic.starts_with(bytes) : bytes.starts_with(magic);
    if (!bytes.starts_with(magic))
        return false;
    auto byte = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]));
    };
    std::uint32_t page_size = byte(16) << 8 | byte(17);
    if (page_size == 1)
        page_size = 65536;
    const std::uint32_t pages = byte(28) << 24 | byte(29) << 16 | byte(30) << 8 | byte(31);
    // The page count is valid when the change counter equals "version valid for".
    const bool counted = bytes.substr(24, 4) == bytes.substr(92, 4);
    return counted && pages > 0 && static_cast<std::uint64_t>(page_size) * pages > bytes.size();
}

InstallOutcome install_pack(const InstallRequest& request) {
    const fs::path signature_path = request.signature.empty()
                                        ? fs::path(request.pack.string() + ".minisig")
                                        : request.signature;
    auto bytes = read_whole_file(request.pack);
    if (!bytes)
        return refuse(Refusal::invalid, "not a valid pack: " + bytes.error());
    std::error_code ec;
    if (!fs::exists(signature_path, ec))
        return refuse(Refusal::unsigned_pack,
                      "unsigned: there is no signature " + signature_path.string());
    auto signature_text = read_whole_file(signature_path);
    if (!signature_text)
        return refuse(Refusal::unsigned_pack, "unsigned: " + signature_text.error());
    auto signature = parse_minisign_signature(*signature_text);
    if (!signature) {
        if (signature.error().find("cut short") != std::string::npos)
            return refuse(
                Refusal::truncated,
                "truncated: the signature " + signature_path.string() + " " + signature.error());
        return refuse(Refusal::unsigned_pack,
                      "unsigned: " + signature_path.string() + ": " + signature.error());
    }
    const Verification verified = verify_minisign(request.keys, *signature, *bytes);
    switch (verified.fault) {
        case SignatureFault::none:
            break;
        case SignatureFault::wrong_key:
            return refuse(Refusal::wrong_key, naming(verified.message, request.pack));
        case SignatureFault::legacy:
            return refuse(Refusal::tampered, naming(verified.message, request.pack));
        case SignatureFault::tampered:
            if (is_cut_short_sqlite(*bytes))
                return refuse(Refusal::truncated, "truncated: " + request.pack.string() +
                                                      " is cut short (" +
                                                      std::to_string(bytes->size()) +
                                                      " bytes, fewer than its header says)");
            return refuse(Refusal::tampered, "tampered: " + request.pack.string() +
                                                 ": the signature does not match its content");
        case SignatureFault::comment_forged:
            return refuse(Refusal::tampered, "tampered: " + signature_path.string() +
                                                 ": the trusted comment was changed after signing");
    }
    auto comment = parse_pack_comment(signature->trusted_comment);
    if (!comment)
        return refuse(Refusal::invalid,
                      "not a valid pack: " + signature_path.string() + ": " + comment.error());

    const fs::path& state = request.state;
    if (!fs::is_directory(state, ec))
        return refuse(Refusal::failed, state.string() + ": is not a folder");
    const FolderLock lock(state);
    if (!lock.held())
        return refuse(Refusal::failed,
                      state.string() + ": cannot lock .install.lock: " + errno_text());
    remove_leftovers(state);
    std::string error;
    // The verified bytes, not the file again: what is installed is what was checked.
    auto temporary = write_temporary(state, *bytes, error);
    if (!temporary)
        return refuse(Refusal::failed, error);
    auto discard = [&](InstallOutcome outcome) {
        fs::remove(*temporary, ec);
        return outcome;
    };
    PackComment inside;
    {
        auto catalogue = Catalogue::open(*temporary);
        if (!catalogue)
            return discard(refuse(Refusal::invalid, "not a valid pack: " + request.pack.string() +
                                                        ": " + catalogue.error()));
        const PackInfo& info = catalogue->pack().info;
        inside = {info.id, info.version, info.region};
    }
    if (inside.id != comment->id || inside.version != comment->version ||
        inside.region != comment->region)
        return discard(
            refuse(Refusal::invalid, "not a valid pack: the signature's trusted comment says \"" +
                                         format_pack_comment(*comment) + "\", the pack says \"" +
                                         format_pack_comment(inside) + "\""));
    if (!request.region.empty() && lower(request.region) != lower(inside.region))
        return discard(refuse(Refusal::wrong_region, "wrong region: the pack is for " +
                                                         inside.region + ", this kiosk is in " +
                                                         request.region + " (content.region)"));
    const fs::path installed = state / installed_pack_name;
    std::optional<PackComment> current;
    if (exists_no_follow(installed)) {
        if (auto catalogue = Catalogue::open(installed)) {
            const PackInfo& info = catalogue->pack().info;
            current = PackComment{info.id, info.version, info.region};
        }
    }
    if (current) {
        const int order = compare_versions(inside.version, current->version);
        if (order == 0) {
            auto installed_bytes = read_whole_file(installed);
            if (installed_bytes && *installed_bytes == *bytes)
                return discard(
                    {Refusal::none,
                     "already installed: " + inside.id + " " + inside.version + "; nothing changed",
                     false});
        }
        if (order <= 0 && !request.allow_downgrade)
            return discard(refuse(Refusal::older, "older: the pack is version " + inside.version +
                                                      ", not newer than the installed " +
                                                      current->id + " " + current->version +
                                                      " (--allow-downgrade installs it)"));
    }
    // The swap: keep the current pack as the previous one, then rename the
    // new one over content.db. content.db is the old or the new pack throughout.
    // A current pack that cannot be opened is not worth keeping: the previous stays.
    if (current) {
        if (!keep_as(state, installed, state / previous_pack_name, error) ||
            !sync_folder(state, error))
            return discard(refuse(Refusal::failed, error));
    }
    if (::rename(temporary->c_str(), installed.c_str()) != 0)
        return discard(
            refuse(Refusal::failed, installed.string() + ": cannot rename: " + errno_text()));
    if (!sync_folder(state, error))
        return refuse(Refusal::failed, error);
    return {Refusal::none,
            "installed: " + inside.id + " " + inside.version + " (" + inside.region + ")" +
                (current ? ", previous " + current->version + " kept" : std::string()),
            true};
}

InstallOutcome roll_back_pack(const fs::path& state) {
    const fs::path installed = state / installed_pack_name;
    const fs::path previous = state / previous_pack_name;
    if (!exists_no_follow(previous))
        return refuse(Refusal::invalid,
                      "nothing to roll back to: there is no " + previous.string());
    std::string to;
    {
        auto catalogue = Catalogue::open(previous);
        if (!catalogue)
            return refuse(Refusal::invalid, "cannot roll back: " + catalogue.error());
        to = catalogue->pack().info.id + " " + catalogue->pack().info.version;
    }
    std::string error;
    const FolderLock lock(state);
    if (!lock.held())
        return refuse(Refusal::failed,
                      state.string() + ": cannot lock .install.lock: " + errno_text());
    remove_leftovers(state);
    if (exists_no_follow(installed)) {
        if (!keep_as(state, installed, state / rolled_back_pack_name, error) ||
            !sync_folder(state, error))
            return refuse(Refusal::failed, error);
    }
    if (::rename(previous.c_str(), installed.c_str()) != 0)
        return refuse(Refusal::failed, installed.string() + ": cannot rename: " + errno_text());
    if (!sync_folder(state, error))
        return refuse(Refusal::failed, error);
    return {Refusal::none, "rolled back: " + to + " is installed again", true};
}

Result<PackChoice> choose_pack(const fs::path& installed, const fs::path& bundled) {
    auto opened = Catalogue::open(installed);
    if (opened)
        return PackChoice{installed, "installed", ""};
    std::string reason = opened.error();
    const fs::path previous = installed.parent_path() / (installed.stem().string() + ".previous" +
                                                         installed.extension().string());
    if (exists_no_follow(previous)) {
        auto before = Catalogue::open(previous);
        if (before)
            return PackChoice{previous, "previous", reason};
        reason += "; " + before.error();
    }
    if (!bundled.empty() && bundled != installed) {
        auto packaged = Catalogue::open(bundled);
        if (packaged)
            return PackChoice{bundled, "bundled", reason};
        reason += "; " + packaged.error();
    }
    return Error{reason};
}

}  // namespace kiosk
