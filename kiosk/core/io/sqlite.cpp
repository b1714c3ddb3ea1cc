#include "kiosk/core/io/sqlite.hpp"

namespace kiosk::sqlite {

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

int Statement::step() {
    return sqlite3_step(stmt_.get());
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    const int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::string_view Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_.get(), column);
    const int n = sqlite3_column_bytes(stmt_.get(), column);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string_view();
}

Result<Database> Database::open(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db;
    db.db_.reset(raw);
    db.path_ = path;
    if (rc != SQLITE_OK) {
        return Error{path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
    }
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

std::string Database::last_error() const {
    return path_ + ": " + sqlite3_errmsg(db_.get());
}

Result<bool> Database::exec(std::string_view sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = path_ + ": " + (message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return Error{text};
    }
    return true;
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return Error{last_error()};
    return Statement(stmt);
}

Result<std::int64_t> Database::query_int(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt)
        return Error{stmt.error()};
    if (stmt->step() != SQLITE_ROW)
        return Error{last_error()};
    return stmt->integer(0);
}

Result<std::string> Database::query_text(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt)
        return Error{stmt.error()};
    if (stmt->step() != SQLITE_ROW)
        return Error{last_error()};
    return stmt->text(0);
}

void Database::set_busy_timeout(int milliseconds) {
    sqlite3_busy_timeout(db_.get(), milliseconds);
}

void Database::keep_wal_files() {
    int keep = 1;
    sqlite3_file_control(db_.get(), "main", SQLITE_FCNTL_PERSIST_WAL, &keep);
}

}  // namespace kiosk::sqlite
