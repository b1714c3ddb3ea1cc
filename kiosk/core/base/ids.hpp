#pragma once
// The shapes of the ids a content pack uses, checked alike wherever an id
// arrives: in the pack's files, in the configuration and in the usage figures.

#include <string_view>

namespace kiosk {

// A question, option, topic or term id: 1-40 of a-z 0-9 _ -, starting with a letter.
bool is_plain_id(std::string_view id);
// A pictogram's file name without extension: 1-32 of a-z 0-9 -.
bool is_pictogram_id(std::string_view id);
// A course id: 1-12 of A-Z 0-9 -, not starting with '-'. These stay in the
// compact alphanumeric mode of the QR code.
bool is_course_id(std::string_view id);
// A two-letter ISO 639-1 language code in lower case: "nl", "uk".
bool is_language_code(std::string_view code);

}  // namespace kiosk
