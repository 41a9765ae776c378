#pragma once
// Plain-text layout shared by the text renderers: widths in code points and word wrapping.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kneerehab::detail {

/// Characters as a reader counts them: UTF-8 code points.
std::size_t display_width(std::string_view text) noexcept;

/// Appends `text` word-wrapped to `width` code points: the first line starts with `first`, the
/// following ones (and every paragraph after a line break) with `rest`. Tabs and CRs become
/// spaces; a single word longer than a line is cut at a code point.
void wrap(std::string& out, std::string_view first, std::string_view rest, std::string_view text,
          std::size_t width);

/// The items separated by `separator`.
std::string joined(const std::vector<std::string>& items, std::string_view separator);

/// `text` followed by spaces up to `width` code points (never cut).
std::string pad(std::string_view text, std::size_t width);

}  // namespace kneerehab::detail
