#include "kiosk/core/ooapi/ooapi_place_cost.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/core/ooapi/ooapi_json.hpp"
#include "kiosk/core/ooapi/ooapi_mapping.hpp"

namespace kiosk::ooapi {

using nlohmann::json;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The participant's price of one offering: its "total costs", else its tuition.
std::optional<double> offering_price(const OfferingSource& offering, CourseRecord& record) {
    std::optional<double> total;
    std::optional<double> tuition;
    for (const json& price : array_member(*offering.offering, "priceInformation")) {
        const std::string type = lower(text_member(price, "costType"));
        const bool is_total = type == "total costs";
        if (!is_total && type.find("tuition") == std::string::npos)
            continue;
        const std::string currency = text_member(price, "currency");
        const auto amount = parse_amount(text_member(price, "amount"));
        if (!amount || (!currency.empty() && currency != "EUR")) {
            record.warning(offering.label + ": priceInformation: amount '" +
                           text_member(price, "amount") + "'" +
                           (currency.empty() ? "" : " in " + currency) +
                           " is not a price in EUR; left out");
            continue;
        }
        if (*amount > max_course_cost_eur) {
            record.error(offering.label + ": priceInformation: amount '" +
                         text_member(price, "amount") + "' is more than the " +
                         shown(max_course_cost_eur) + " euros courses.csv accepts in cost_eur");
            continue;
        }
        auto& slot = is_total ? total : tuition;
        slot = std::min(slot.value_or(*amount), *amount);
    }
    return total ? total : tuition;
}

// The first address with coordinates: where the teaching happens before the visiting
// address before any other; the offerings' addresses before the course's.
const json* first_located_address(const std::vector<const json*>& lists) {
    for (const std::string_view wanted : {"teaching", "visit", ""}) {
        for (const json* list : lists) {
            for (const json& address : *list) {
                if (!wanted.empty() && text_member(address, "addressType") != wanted)
                    continue;
                const json* geo = member(address, "geolocation");
                const json* lat = geo != nullptr ? member(*geo, "latitude") : nullptr;
                const json* lon = geo != nullptr ? member(*geo, "longitude") : nullptr;
                if (lat != nullptr && lon != nullptr && lat->is_number() && lon->is_number() &&
                    std::abs(lat->get<double>()) <= 90 && std::abs(lon->get<double>()) <= 180) {
                    return &address;
                }
            }
        }
    }
    return nullptr;
}

}  // namespace

std::string shown(double value) {
    if (const auto text = format_number(value, 2); text && text->size() <= 20)
        return *text;
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

double cost_of(const CourseSource& source, const Offerings& offerings, CourseRecord& record) {
    std::optional<double> cost;
    for (const OfferingSource& offering : source.offerings) {
        if (std::find(offerings.begin(), offerings.end(), offering.offering) == offerings.end()) {
            continue;
        }
        if (const auto price = offering_price(offering, record)) {
            cost = std::min(cost.value_or(*price), *price);
        }
    }
    if (!cost) {
        record.warning("priceInformation: no \"total costs\" in EUR; cost_eur set to 0, check it");
    }
    return cost.value_or(0);
}

void place_of(const json& course, const Offerings& offerings, std::optional<Mode> mode,
              CourseRecord& record, std::map<std::string, std::string>& cells) {
    std::vector<const json*> lists;
    for (const json* offering : offerings)
        lists.push_back(&array_member(*offering, "addresses"));
    lists.push_back(&array_member(course, "addresses"));
    const json* address = first_located_address(lists);
    if (address == nullptr) {
        if (mode && *mode != Mode::online) {
            record.error("addresses: none with a geolocation, which a course on location needs");
        }
        return;
    }
    const json& geo = address->at("geolocation");
    cells["place"] = one_line(text_member(*address, "city"));
    const std::string street = one_line(text_member(*address, "street"));
    if (!street.empty())
        cells["address"] = one_line(street + ' ' + text_member(*address, "streetNumber"));
    // first_located_address checked both to be within +-90 and +-180, so both can be written.
    cells["lat"] = format_number(geo.at("latitude").get<double>(), 6).value_or("");
    cells["lon"] = format_number(geo.at("longitude").get<double>(), 6).value_or("");
    std::string postcode = text_member(*address, "postalCode");
    if (postcode.empty())
        postcode = text_member(*address, "zip");
    cells["postcode"] = dutch_postcode(postcode).value_or("");
    if (!postcode.empty() && cells["postcode"].empty()) {
        record.warning("addresses: '" + postcode + "' is not a Dutch postcode; left out");
    }
}

}  // namespace kiosk::ooapi
