#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared
// statements, and errors as messages that name the database file.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/base/result.hpp"

namespace kiosk::sqlite {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStmt {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement {
  public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    void reset();

    std::string text(int column) const;
    std::string_view blob(int column) const;
    double real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
    bool is_null(int column) const {
        return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
    }

  private:
    std::unique_ptr<sqlite3_stmt, FinalizeStmt> stmt_;
};

class Database {
  public:
    static Result<Database> open(const std::string& path, int flags);

    Result<bool> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    std::string last_error() const;
    const std::string& path() const { return path_; }

    // Runs `sql` (one statement) after binding nothing; for INSERTs in loops use prepare().
    Result<std::int64_t> query_int(std::string_view sql);
    Result<std::string> query_text(std::string_view sql);

    // How long a statement waits for another connection's lock before it
    // fails with SQLITE_BUSY: a reader of a file the kiosk writes, or the kiosk
    // while an export reads.
    void set_busy_timeout(int milliseconds);

    // Leaves the -wal and -shm files in place when the last connection closes,
    // so a reader without write access to the folder can still open the file.
    void keep_wal_files();

  private:
    std::unique_ptr<sqlite3, CloseDb> db_;
    std::string path_;
};

}  // namespace kiosk::sqlite
