#include "image/image_header.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>

#include <pugixml.hpp>

#include "strata/error.hpp"
#include "strata/limits.hpp"
#include "text/unicode_text.hpp"

namespace strata::image {
namespace {

std::uint32_t big_endian(std::string_view data, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i) {
        value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
    }
    return value;
}

bool starts_with(std::string_view data, std::string_view prefix) {
    return data.substr(0, prefix.size()) == prefix;
}

ImageHeader png_header(std::string_view data, const std::string& file) {
    // Signature (8), IHDR length (4), "IHDR", width (4), height (4).
    if (data.size() < 24 || data.substr(12, 4) != "IHDR") {
        throw Error(file, "broken PNG file: no IHDR header");
    }
    return {"image/png", static_cast<double>(big_endian(data, 16, 4)),
            static_cast<double>(big_endian(data, 20, 4))};
}

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
bool is_start_of_frame(unsigned char marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader jpeg_header(std::string_view data, const std::string& file) {
    std::size_t at = 2;  // after SOI
    while (at + 4 <= data.size()) {
        if (static_cast<unsigned char>(data[at]) != 0xFF) break;
        const auto marker = static_cast<unsigned char>(data[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;  // markers without a length
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) break;  // end of image, start of scan: no frame
        const std::uint32_t length = big_endian(data, at + 2, 2);
        if (length < 2) break;
        if (is_start_of_frame(marker)) {
            // length (2), precision (1), height (2), width (2)
            if (at + 9 > data.size() || length < 7) break;
            return {"image/jpeg", static_cast<double>(big_endian(data, at + 7, 2)),
                    static_cast<double>(big_endian(data, at + 5, 2))};
        }
        at += 2 + length;
    }
    throw Error(file, "broken JPEG file: no frame header (SOF marker) before the image data");
}

// An SVG length in CSS pixels; nothing for relative units (%, em, ex) or garbage.
std::optional<double> css_pixels(const char* text) {
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || std::isnan(value)) return std::nullopt;
    const std::string unit(end);
    if (unit.empty() || unit == "px") return value;
    if (unit == "pt") return value * 96 / 72;
    if (unit == "pc") return value * 16;
    if (unit == "in") return value * 96;
    if (unit == "cm") return value * 96 / 2.54;
    if (unit == "mm") return value * 96 / 25.4;
    return std::nullopt;
}

ImageHeader svg_header(std::string_view data, const std::string& file) {
    pugi::xml_document doc;
    // No entity expansion or external fetches exist in pugixml; DOCTYPEs are skipped.
    const pugi::xml_parse_result parsed =
        doc.load_buffer(data.data(), data.size(), pugi::parse_default);
    if (!parsed) throw Error(file, std::string("broken SVG file: ") + parsed.description());
    const pugi::xml_node svg = doc.document_element();
    const std::string name = svg.name();
    if (name != "svg" && !(name.size() > 4 && name.ends_with(":svg"))) {
        throw Error(file, "not an SVG file: the root element is <" + name + ">");
    }
    std::optional<double> width = css_pixels(svg.attribute("width").as_string());
    std::optional<double> height = css_pixels(svg.attribute("height").as_string());
    double vx = 0, vy = 0, vw = 0, vh = 0;
    std::string box_text = svg.attribute("viewBox").as_string();
    for (char& c : box_text) {
        if (c == ',') c = ' ';
    }
    std::istringstream box(box_text);
    const bool has_box = static_cast<bool>(box >> vx >> vy >> vw >> vh) && vw > 0 && vh > 0;
    if (!width && has_box) width = height ? *height * vw / vh : vw;
    if (!height && has_box) height = *width * vh / vw;
    if (!width || !height) {
        throw Error(file, "SVG file has no size: give width and height or a viewBox");
    }
    // Checked here, while the numbers are still the file's text: past this bound they are no
    // size at all, and whole-pixel arithmetic on them would wrap.
    if (!(std::abs(*width) <= limits::kMaxSvgDeclaredSide &&
          std::abs(*height) <= limits::kMaxSvgDeclaredSide)) {
        throw Error(file, "SVG size out of range: width '" +
                              unicode::excerpt(svg.attribute("width").as_string(), 40) +
                              "', height '" +
                              unicode::excerpt(svg.attribute("height").as_string(), 40) +
                              "', viewBox '" + unicode::excerpt(box_text, 80) + "' (at most " +
                              std::to_string(static_cast<long long>(limits::kMaxSvgDeclaredSide)) +
                              " px a side)");
    }
    return {"image/svg+xml", *width, *height};
}

bool looks_like_xml(std::string_view data) {
    if (starts_with(data, "\xEF\xBB\xBF")) data.remove_prefix(3);
    const std::size_t first = data.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && data[first] == '<';
}

}  // namespace

ImageHeader read_header(std::string_view data, const std::string& file) {
    if (starts_with(data, "\x89PNG\r\n\x1A\n")) return png_header(data, file);
    if (starts_with(data, "\xFF\xD8\xFF")) return jpeg_header(data, file);
    if (looks_like_xml(data)) return svg_header(data, file);
    throw Error(file, "not a PNG, JPEG or SVG image");
}

}  // namespace strata::image
