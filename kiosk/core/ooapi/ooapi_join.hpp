#pragma once
// Putting the pages of an OOAPI import together by their ids: offerings to their
// course (courseId, or `course` as an id or the course itself), courses and offerings
// to their organization (`organization` as an id or the organization itself). A
// course's `coordinators` are persons, not its provider, and are not read.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/ooapi/ooapi_course.hpp"
#include "kiosk/core/ooapi/ooapi_page.hpp"

namespace kiosk::ooapi {

// Every course of `pages` with all its offerings: embedded ones first, then those
// listed on their own, in the order read. Fills context.organizations. An offering
// whose course is in none of the pages (nor expanded in it) is left out with a warning.
std::vector<CourseSource> join_pages(const Pages& pages, CatalogueContext& context, Issues& issues);

// The provider's name: the course's organization, else an offering's, expanded or
// looked up by id; else context.provider (--provider). "" when there is none, with
// `problem` saying why.
std::string provider_for(const nlohmann::json& course,
                         const std::vector<const nlohmann::json*>& offerings,
                         const CatalogueContext& context, std::string& problem);

}  // namespace kiosk::ooapi
