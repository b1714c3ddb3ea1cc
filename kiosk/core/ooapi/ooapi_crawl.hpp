#pragma once
// Fetching a catalogue straight from an OOAPI v5 server, at the region's office (never
// on a kiosk): the /courses list page by page, each course's /courses/{id}/offerings,
// and the /organizations/{id} the courses name. What comes back is the same pages a
// region could have saved by hand, handed to import_ooapi (ooapi_import.hpp).
//
// How a server is asked, after the specification (v5):
//   - lists are paged with pageSize and pageNumber (from 1) and say hasNextPage;
//   - there is no GET /offerings list, and `expand` never applies to lists, so the
//     offerings are asked per course and organizations one by one;
//   - offering lists hold only offerings still to come unless `since` is given.
// A server that ignores pageNumber, or pages that come round again, would make the
// paging endless; both stop the fetch with a message, as does a page limit.
//
// The transport (timeouts, retries, a polite rate) is the fetcher's; this file only
// decides what to ask and what an answer means. Tests give it a map of answers.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/base/issue.hpp"
#include "kiosk/core/ooapi/ooapi_import.hpp"

namespace kiosk::ooapi {

struct HttpAnswer {
    long status = 0;  // 0 when no answer came
    std::string body;
    std::string content_type;
    std::string failure;  // why no answer came ("no answer within 30 s"); "" when one did
    int tries = 1;        // how often it was asked, retries included
};

using Fetcher = std::function<HttpAnswer(const std::string& url)>;

struct CrawlOptions {
    int page_size = 100;          // one of the sizes the specification allows
    int max_pages = 1000;         // of any one list: 100,000 courses at the default size
    std::string offerings_since;  // YYYY-MM-DD: offerings that started on or after; "" = to come
};

struct Crawl {
    std::vector<OoapiFile> pages;  // named by their URL, in the order fetched
    int requests = 0;
    std::optional<std::string> failure;  // why the fetch stopped; nothing may be written then
};

// The API's root and the courses list for a URL such as https://host/v5/courses or
// https://host/v5/organizations/{id}/courses (query kept): nullopt when the URL names no
// /courses list or is not http(s).
struct CoursesUrl {
    std::string root;     // https://host/v5
    std::string courses;  // the list as given, without pageNumber and pageSize
};
std::optional<CoursesUrl> parse_courses_url(const std::string& url);

// Fetches everything a /courses list needs. Offerings or an organization the server
// does not have (404) are warnings in `issues`; any other failure stops the crawl.
Crawl crawl_courses(const CoursesUrl& url, const Fetcher& fetch, const CrawlOptions& options,
                    Issues& issues);

}  // namespace kiosk::ooapi
