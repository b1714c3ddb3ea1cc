#include "kiosk/core/ooapi/ooapi_join.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "kiosk/core/ooapi/ooapi_json.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {

CourseSource course_source(const Entry& entry) {
    CourseSource source{entry.value, entry.label, entry.line, {}, entry.file};
    const json* embedded = items_of(member(*entry.value, "offerings"));
    for (std::size_t j = 0; embedded != nullptr && j < embedded->size(); ++j) {
        source.offerings.push_back(
            {&(*embedded)[j], labelled("offerings", j, (*embedded)[j], "offeringId")});
    }
    return source;
}

// The id of the course an offering belongs to, and the course itself when expanded.
std::string course_id_of(const json& offering, const json*& expanded) {
    std::string id = text_member(offering, "courseId");
    const json* course = member(offering, "course");
    expanded = course != nullptr && course->is_object() ? course : nullptr;
    if (id.empty() && course != nullptr)
        id = expanded != nullptr ? text_member(*expanded, "courseId") : text_of(course);
    return id;
}

// The name of an expanded organization, or of one looked up by its id; the ids that
// could not be looked up are added to `missing`.
std::string organization_name(const json* organization, const CatalogueContext& context,
                              std::vector<std::string>& missing, int depth = 0) {
    if (organization == nullptr || depth > 2)
        return "";
    if (!organization->is_object()) {
        const auto found = context.organizations.find(text_of(organization));
        if (found == context.organizations.end()) {
            missing.push_back(text_of(organization));
            return "";
        }
        return organization_name(found->second, context, missing, depth + 1);
    }
    std::string name = in_language(member(*organization, "name"), "nl", true);
    if (name.empty())
        name = one_line(text_member(*organization, "shortName"));
    if (name.empty()) {
        return organization_name(member(*organization, "organizationId"), context, missing,
                                 depth + 1);
    }
    return name;
}

}  // namespace

std::vector<CourseSource> join_pages(const Pages& pages, CatalogueContext& context,
                                     Issues& issues) {
    for (const Entry& organization : pages.organizations) {
        context.organizations.try_emplace(text_member(*organization.value, "organizationId"),
                                          organization.value);
    }
    std::vector<CourseSource> courses;
    std::map<std::string, std::size_t> by_id;
    for (const Entry& entry : pages.courses) {
        const std::string id = text_member(*entry.value, "courseId");
        if (!id.empty() && !by_id.try_emplace(id, courses.size()).second) {
            issues.warning(entry.file, entry.line, entry.label,
                           "courseId \"" + id + "\" was read before; this copy is left out");
            continue;
        }
        courses.push_back(course_source(entry));
    }
    for (const Entry& offering : pages.offerings) {
        const json* expanded = nullptr;
        const std::string id = course_id_of(*offering.value, expanded);
        if (id.empty()) {
            issues.warning(offering.file, offering.line, offering.label,
                           "no courseId, so no course to add it to; left out");
            continue;
        }
        if (expanded != nullptr && by_id.try_emplace(id, courses.size()).second)
            courses.push_back(course_source(
                {expanded, offering.file, offering.label + ": course", offering.line}));
        const auto found = by_id.find(id);
        if (found == by_id.end()) {
            issues.warning(offering.file, offering.line, offering.label,
                           "courseId \"" + id +
                               "\" is not a course in the files read; left out (import the "
                               "course's page with it)");
            continue;
        }
        CourseSource& course = courses[found->second];
        course.offerings.push_back({offering.value, offering.file == course.file
                                                        ? offering.label
                                                        : offering.label + " in " + offering.file});
    }
    return courses;
}

std::string provider_for(const json& course, const std::vector<const json*>& offerings,
                         const CatalogueContext& context, std::string& problem) {
    std::vector<std::string> missing;
    std::string name = organization_name(member(course, "organization"), context, missing);
    for (const json* offering : offerings) {
        if (name.empty())
            name = organization_name(member(*offering, "organization"), context, missing);
    }
    if (name.empty())
        name = context.provider;
    if (!name.empty())
        return name;
    problem = missing.empty() ? "organization: no name for the provider; give one with --provider"
                              : "organization: \"" + missing.front() +
                                    "\" is in no organizations page read; import /organizations "
                                    "with the courses, or give --provider NAME";
    return "";
}

}  // namespace kiosk::ooapi
