#pragma once
// Reading rendered text line by line, as the handout limits count it.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace kneerehab::testing {

/// The lines of `text`, without their '\n'.
inline std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

/// The width of a UTF-8 line in code points (continuation bytes do not count).
inline std::size_t code_points(std::string_view line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

}  // namespace kneerehab::testing
