#include "kiosk/core/ooapi/ooapi_import.hpp"

#include <algorithm>

#include "kiosk/core/content/course.hpp"
#include "kiosk/core/io/csv.hpp"
#include "kiosk/core/ooapi/ooapi_course.hpp"
#include "kiosk/core/ooapi/ooapi_join.hpp"
#include "kiosk/core/ooapi/ooapi_page.hpp"

namespace kiosk {
namespace {

std::vector<std::string> header_for(const std::vector<std::string>& languages) {
    std::vector<std::string> header{"id"};
    for (const std::string& lang : languages) {
        header.push_back("title_" + lang);
        header.push_back("description_" + lang);
    }
    for (const std::string_view column : course_columns) {
        if (column != "id")
            header.emplace_back(column);
    }
    return header;
}

}  // namespace

OoapiImport import_ooapi(const std::vector<OoapiFile>& files, const OoapiOptions& options,
                         Issues& issues) {
    ooapi::CatalogueContext context;
    context.provider = options.provider;
    context.languages.push_back("nl");
    for (const std::string& lang : options.languages) {
        if (std::find(context.languages.begin(), context.languages.end(), lang) ==
            context.languages.end()) {
            context.languages.push_back(lang);
        }
    }
    OoapiImport result;
    result.header = header_for(context.languages);

    ooapi::Pages pages;
    for (const OoapiFile& file : files)
        ooapi::read_page(file.text, file.name, pages, issues);
    for (const ooapi::CourseSource& source : ooapi::join_pages(pages, context, issues)) {
        ++result.read;
        const auto cells = ooapi::convert_course(source, context, issues);
        if (!cells)
            continue;
        std::vector<std::string> row;
        for (const std::string& column : result.header) {
            const auto cell = cells->find(column);
            row.push_back(cell == cells->end() ? "" : cell->second);
        }
        result.rows.push_back(std::move(row));
    }
    result.skipped = context.skipped;
    return result;
}

OoapiImport import_ooapi(std::string_view json_text, const std::string& file_name,
                         const std::vector<std::string>& languages, Issues& issues) {
    return import_ooapi({{file_name, std::string(json_text)}}, {languages, ""}, issues);
}

std::string summary(const OoapiImport& import) {
    const std::size_t skipped = import.read - import.rows.size();
    std::string out = std::to_string(import.read) + " courses read, " +
                      std::to_string(import.rows.size()) + " imported, " + std::to_string(skipped) +
                      " skipped";
    std::string reasons;
    for (const auto& [reason, count] : import.skipped)
        reasons += (reasons.empty() ? "" : ", ") + reason + ' ' + std::to_string(count);
    return reasons.empty() ? out : out + " (by the field that stopped them: " + reasons + ")";
}

std::string to_csv(const OoapiImport& import) {
    std::string out = csv_line(import.header);
    for (const auto& row : import.rows)
        out += csv_line(row);
    return out;
}

}  // namespace kiosk
