#include "kiosk/platform/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <thread>

namespace kiosk::platform {
namespace {

constexpr std::size_t max_answer_bytes = 64u << 20;  // a catalogue page is far smaller

struct Received {
    std::string body;
    bool too_large = false;
    std::chrono::seconds retry_after{0};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& received = *static_cast<Received*>(user);
    if (received.body.size() + size * count > max_answer_bytes) {
        received.too_large = true;
        return 0;  // stops the transfer
    }
    received.body.append(data, size * count);
    return size * count;
}

// Retry-After in seconds (the HTTP-date form is rare for APIs and is not read).
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    std::string_view line(data, size * count);
    constexpr std::string_view name = "retry-after:";
    if (line.size() > name.size() &&
        std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
        })) {
        line.remove_prefix(name.size());
        while (!line.empty() && line.front() == ' ')
            line.remove_prefix(1);
        long seconds = 0;
        if (std::from_chars(line.data(), line.data() + line.size(), seconds).ec == std::errc{})
            static_cast<Received*>(user)->retry_after = std::chrono::seconds(seconds);
    }
    return size * count;
}

// "30 s", "1.5 s"
std::string seconds_text(std::chrono::milliseconds time) {
    const auto tenths = time.count() / 100;
    return std::to_string(tenths / 10) +
           (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "") + " s";
}

bool may_pass(const ooapi::HttpAnswer& answer) {
    return answer.status == 0 || answer.status == 429 || answer.status >= 500;
}

}  // namespace

HttpClient::HttpClient(HttpOptions options)
    : options_(std::move(options)), curl_(curl_easy_init()) {}

HttpClient::~HttpClient() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

ooapi::HttpAnswer HttpClient::get(const std::string& url) {
    ooapi::HttpAnswer answer;
    auto wait = options_.first_retry;
    for (int attempt = 0;; ++attempt) {
        std::this_thread::sleep_until(last_request_ + options_.interval);
        std::chrono::seconds retry_after{0};
        answer = try_once(url, retry_after);
        last_request_ = std::chrono::steady_clock::now();
        answer.tries = attempt + 1;
        if (!may_pass(answer) || attempt >= options_.retries)
            return answer;
        std::this_thread::sleep_for(
            retry_after.count() > 0
                ? std::min<std::chrono::milliseconds>(retry_after, std::chrono::seconds(60))
                : wait);
        wait *= 2;
    }
}

ooapi::HttpAnswer HttpClient::try_once(const std::string& url, std::chrono::seconds& retry_after) {
    ooapi::HttpAnswer answer;
    auto* curl = static_cast<CURL*>(curl_);
    if (curl == nullptr) {
        answer.failure = "libcurl could not start";
        return answer;
    }
    Received received;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &received);
    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);

    if (code == CURLE_OPERATION_TIMEDOUT) {
        answer.failure = "no answer within " + seconds_text(options_.timeout);
    } else if (received.too_large) {
        answer.failure =
            "the answer is larger than " + std::to_string(max_answer_bytes >> 20) + " MiB";
    } else if (code != CURLE_OK) {
        answer.failure = error[0] != '\0' ? error : curl_easy_strerror(code);
    } else {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
        const char* type = nullptr;
        curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
        answer.content_type = type != nullptr ? type : "";
        answer.body = std::move(received.body);
    }
    retry_after = received.retry_after;
    return answer;
}

}  // namespace kiosk::platform
