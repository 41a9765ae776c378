// Plain-text layout shared by the text renderers (render/text_layout.hpp).
#include "render/text_layout.hpp"

#include <algorithm>

namespace kneerehab::detail {

std::size_t display_width(std::string_view text) noexcept {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

namespace {

/// Appends one paragraph word-wrapped to line_width: the first line starts with `first`, the
/// following ones with `rest`. A single word longer than a line is cut at a code point.
void wrap_paragraph(std::string& out, std::string_view first, std::string_view rest,
                    std::string_view text, std::size_t line_width) {
  // Widths are tracked as the line grows, never recounted, so that wrapping stays linear in
  // the text however long one word is.
  std::string line(first);
  std::size_t line_w = display_width(line);
  const std::size_t rest_w = display_width(rest);
  bool line_has_word = false;
  auto flush = [&] {
    out += line;
    out += '\n';
    line.assign(rest);
    line_w = rest_w;
    line_has_word = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    std::size_t word_w = display_width(word);
    pos = end;
    if (line_has_word && line_w + 1 + word_w > line_width) flush();
    // A word wider than a whole line: cut it into pieces that fit, at code points.
    while (line_w + word_w > line_width) {
      const std::size_t room = line_w < line_width ? line_width - line_w : 0;
      std::size_t cut = 0;
      std::size_t cut_w = 0;
      for (; cut < word.size(); ++cut) {
        if ((static_cast<unsigned char>(word[cut]) & 0xC0U) == 0x80U) continue;
        if (cut_w == std::max<std::size_t>(room, 1)) break;  // always make progress
        ++cut_w;
      }
      line += word.substr(0, cut);
      word.remove_prefix(cut);
      word_w -= cut_w;
      line_has_word = true;
      flush();
    }
    if (line_has_word) {
      line += ' ';
      ++line_w;
    }
    line += word;
    line_w += word_w;
    line_has_word = true;
  }
  if (line_has_word || line_w > 0) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
}

}  // namespace

/// wrap_paragraph for text that may hold line breaks (and tabs, which become spaces): every
/// paragraph after the first continues with the `rest` prefix.
void wrap(std::string& out, std::string_view first, std::string_view rest, std::string_view text,
          std::size_t line_width) {
  std::string clean(text);
  std::replace(clean.begin(), clean.end(), '\t', ' ');
  std::replace(clean.begin(), clean.end(), '\r', ' ');
  std::string_view remaining = clean;
  std::string_view prefix = first;
  for (;;) {
    const auto end = remaining.find('\n');
    wrap_paragraph(out, prefix, rest, remaining.substr(0, end), line_width);
    if (end == std::string_view::npos) break;
    remaining.remove_prefix(end + 1);
    prefix = rest;
  }
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace kneerehab::detail
