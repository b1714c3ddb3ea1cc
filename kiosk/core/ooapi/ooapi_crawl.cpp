#include "kiosk/core/ooapi/ooapi_crawl.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/ooapi/ooapi_json.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {

std::string percent_encoded(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// `url` without the query parameters named in `names`.
std::string without_params(const std::string& url, const std::vector<std::string>& names) {
    const auto question = url.find('?');
    if (question == std::string::npos)
        return url;
    std::string out = url.substr(0, question);
    std::string_view rest(url);
    rest.remove_prefix(question + 1);
    char separator = '?';
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view part = rest.substr(0, amp);
        const std::string_view name = part.substr(0, part.find('='));
        if (!part.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
            out += separator;
            out += part;
            separator = '&';
        }
        rest.remove_prefix(amp == std::string_view::npos ? rest.size() : amp + 1);
    }
    return out;
}

// `url` with `name=value` for each pair, replacing any the query already had.
std::string with_query(const std::string& url,
                       const std::vector<std::pair<std::string, std::string>>& params) {
    std::vector<std::string> names;
    for (const auto& param : params)
        names.push_back(param.first);
    std::string out = without_params(url, names);
    for (const auto& [name, value] : params)
        out +=
            (out.find('?') == std::string::npos ? "?" : "&") + name + '=' + percent_encoded(value);
    return out;
}

// A short, one-line quote of an answer for a message.
std::string excerpt(const std::string& body) {
    std::string line = one_line(body.substr(0, 200));
    if (line.size() > 80)
        line = line.substr(0, 77) + "...";
    return '"' + line + '"';
}

// Why page `number` of a list shows that its paging would never end; "" when it does
// not. `seen` holds the items of the pages before it.
std::string paging_problem(const json& page, int number, std::map<std::string, int>& seen) {
    const json* answered = member(page, "pageNumber");
    if (answered != nullptr && answered->is_number_integer() &&
        answered->get<long long>() != number) {
        return "asked for page " + std::to_string(number) + ", the server answered page " +
               answered->dump() + "; it does not page, so the paging would never end";
    }
    const json& items = *member(page, "items");
    const auto [earlier, fresh] = seen.try_emplace(items.dump(), number);
    if (!fresh && !items.empty()) {
        return "page " + std::to_string(number) + " repeats page " +
               std::to_string(earlier->second) + "; the paging goes round, so it would never end";
    }
    const json* more = member(page, "hasNextPage");
    if (items.empty() && more != nullptr && more->is_boolean() && more->get<bool>())
        return "page " + std::to_string(number) + " is empty but says hasNextPage; stopped";
    return "";
}

class Crawler {
  public:
    Crawler(const Fetcher& fetch, const CrawlOptions& options, Issues& issues)
        : fetch_(fetch), options_(options), issues_(issues) {}

    // The items of every page of the list at `url`, each page kept in crawl_.pages when
    // `keep_pages`. nullopt when the list must stop the crawl; an empty list when
    // `missing_ok` and the server has no such list (404).
    std::optional<std::vector<json>> list(const std::string& url, bool missing_ok,
                                          const std::string& what, bool keep_pages) {
        std::vector<json> items;
        std::map<std::string, int> seen;  // a page's items -> the page that had them
        for (int number = 1;; ++number) {
            if (number > options_.max_pages) {
                return stop(url + ": more than " + std::to_string(options_.max_pages) +
                            " pages; stopped, as the paging seems endless");
            }
            const std::string page_url =
                with_query(url, {{"pageSize", std::to_string(options_.page_size)},
                                 {"pageNumber", std::to_string(number)}});
            auto fetched = get(page_url, missing_ok && number == 1, what);
            if (!fetched)
                return failed() ? std::nullopt : std::optional(std::vector<json>{});
            const json* page = &fetched->value;
            if (keep_pages)
                keep(page_url, std::move(fetched->text));
            if (page->is_array()) {  // a server that does not page at all
                append(items, *page);
                return items;
            }
            const json* page_items = member(*page, "items");
            if (page_items == nullptr || !page_items->is_array()) {
                return stop("GET " + page_url +
                            ": the answer is no page of a list (it has no \"items\")");
            }
            if (const std::string problem = paging_problem(*page, number, seen); !problem.empty())
                return stop("GET " + page_url + ": " + problem);
            append(items, *page_items);
            const json* more = member(*page, "hasNextPage");
            if (more == nullptr || !more->is_boolean() || !more->get<bool>())
                return items;
        }
    }

    // One object (an organization), kept unless the server has none (404) or failed.
    void one(const std::string& url, const std::string& what) {
        if (auto fetched = get(url, true, what))
            keep(url, std::move(fetched->text));
    }

    bool failed() const { return crawl_.failure.has_value(); }
    Crawl finish() { return std::move(crawl_); }
    void keep(std::string url, std::string text) {
        crawl_.pages.push_back({std::move(url), std::move(text)});
    }

  private:
    static void append(std::vector<json>& items, const json& more) {
        for (const json& item : more)
            items.push_back(item);
    }

    std::nullopt_t stop(std::string why) {
        if (!crawl_.failure)
            crawl_.failure = std::move(why);
        return std::nullopt;
    }

    struct Fetched {
        json value;
        std::string text;
    };

    std::optional<Fetched> get(const std::string& url, bool missing_ok, const std::string& what) {
        ++crawl_.requests;
        HttpAnswer answer = fetch_(url);
        const std::string tries =
            answer.tries > 1 ? " (asked " + std::to_string(answer.tries) + " times)" : "";
        if (answer.status == 0)
            return stop("GET " + url + ": " + answer.failure + tries);
        if (answer.status == 404 && missing_ok) {
            issues_.warning(url, 0, what, "the server has none (HTTP 404)");
            return std::nullopt;
        }
        if (answer.status < 200 || answer.status > 299) {
            return stop("GET " + url + ": HTTP " + std::to_string(answer.status) + tries +
                        (answer.body.empty() ? "" : ": " + excerpt(answer.body)));
        }
        json value = json::parse(answer.body, nullptr, false);
        if (value.is_discarded()) {
            return stop("GET " + url + ": the answer is not JSON" +
                        (answer.content_type.empty() ? "" : " (" + answer.content_type + ")") +
                        ": " + excerpt(answer.body));
        }
        return Fetched{std::move(value), std::move(answer.body)};
    }

    const Fetcher& fetch_;
    const CrawlOptions& options_;
    Issues& issues_;
    Crawl crawl_;
};

// The id of an organization named only by id (not expanded), else "".
std::string organization_ref(const json& record) {
    const json* organization = member(record, "organization");
    return organization != nullptr && organization->is_string() ? organization->get<std::string>()
                                                                : "";
}

// Offerings of /courses/{id}/offerings need not name their course; the join needs it.
json offerings_page(std::vector<json> offerings, const std::string& course_id) {
    for (json& offering : offerings) {
        if (offering.is_object() && member(offering, "courseId") == nullptr &&
            member(offering, "course") == nullptr) {
            offering["courseId"] = course_id;
        }
    }
    return json{{"items", std::move(offerings)}};
}

}  // namespace

std::optional<CoursesUrl> parse_courses_url(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos ||
        (url.substr(0, scheme) != "https" && url.substr(0, scheme) != "http")) {
        return std::nullopt;
    }
    const std::string path = url.substr(0, url.find('?'));
    const auto host_end = path.find('/', scheme + 3);
    if (host_end == std::string::npos || !path.ends_with("/courses"))
        return std::nullopt;
    // The root is what stands before the first collection the list is under.
    for (const char* collection : {"/organizations/", "/courses"}) {
        const auto at = path.find(collection, host_end);
        if (at != std::string::npos)
            return CoursesUrl{path.substr(0, at), without_params(url, {"pageNumber", "pageSize"})};
    }
    return std::nullopt;
}

Crawl crawl_courses(const CoursesUrl& url, const Fetcher& fetch, const CrawlOptions& options,
                    Issues& issues) {
    Crawler crawler(fetch, options, issues);
    const auto courses = crawler.list(url.courses, false, "courses", true);
    if (!courses)
        return crawler.finish();
    std::set<std::string> organizations;  // named by id only, in the order met
    std::vector<std::string> organization_order;
    const auto note_organization = [&](const json& record) {
        const std::string id = organization_ref(record);
        if (!id.empty() && organizations.insert(id).second)
            organization_order.push_back(id);
    };
    for (const json& course : *courses) {
        const std::string id = course.is_object() ? text_member(course, "courseId") : "";
        if (id.empty())
            continue;  // the import names it
        note_organization(course);
        if (member(course, "offerings") != nullptr)
            continue;
        std::vector<std::pair<std::string, std::string>> query;
        if (!options.offerings_since.empty())
            query.emplace_back("since", options.offerings_since);
        const std::string offerings_url =
            with_query(url.root + "/courses/" + percent_encoded(id) + "/offerings", query);
        const auto offerings =
            crawler.list(offerings_url, true, "offerings of course " + id, false);
        if (!offerings)
            return crawler.finish();
        for (const json& offering : *offerings)
            note_organization(offering);
        if (!offerings->empty())
            crawler.keep(offerings_url + " (course " + id + ")",
                         offerings_page(*offerings, id).dump(2));
    }
    for (const std::string& id : organization_order) {
        crawler.one(url.root + "/organizations/" + percent_encoded(id), "organization " + id);
        if (crawler.failed())
            break;
    }
    return crawler.finish();
}

}  // namespace kiosk::ooapi
