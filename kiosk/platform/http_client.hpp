#pragma once
// HTTP GET with libcurl for tools that run at a region's office (the OOAPI import),
// never on a kiosk: a timeout, a polite pause between requests, and retries with a
// growing wait for answers that may pass (no answer, 429, 5xx).

#include <chrono>
#include <string>

#include "kiosk/core/ooapi/ooapi_crawl.hpp"

namespace kiosk::platform {

struct HttpOptions {
    std::chrono::milliseconds timeout{30'000};     // for one request, connecting included
    std::chrono::milliseconds interval{250};       // at least this between two requests
    int retries = 3;                               // after the first try
    std::chrono::milliseconds first_retry{1'000};  // doubled for each retry; Retry-After wins
    std::string user_agent = "kiosk-ooapi-import";
};

class HttpClient {
  public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // The last answer after the retries; `failure` says why none came.
    ooapi::HttpAnswer get(const std::string& url);

  private:
    ooapi::HttpAnswer try_once(const std::string& url, std::chrono::seconds& retry_after);

    HttpOptions options_;
    void* curl_;  // CURL*, kept for its connection cache
    std::chrono::steady_clock::time_point last_request_{};
};

}  // namespace kiosk::platform
