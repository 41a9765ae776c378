#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/core/ids.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace kneerehab {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

constexpr std::size_t max_suggestible_length = 200;
constexpr std::size_t max_echoed_length = 80;

}  // namespace

std::vector<std::string> nearest_ids(const std::vector<std::string>& candidates,
                                     std::string_view wanted_as_typed, std::size_t limit) {
  // Ids are lower-case kebab-case: PATELLOFEMORAL-PAIN means patellofemoral-pain. Anything
  // much longer than an id is not a typo of one (and would cost an edit distance per id).
  if (wanted_as_typed.size() > max_suggestible_length) return {};
  const std::string wanted = lower_case(wanted_as_typed);
  struct scored {
    std::size_t score;
    const std::string* id;
  };
  std::vector<scored> ranked;
  for (const auto& id : candidates) {
    // A candidate that contains what was typed (or the other way round) ranks first:
    // "hamstring" should suggest "hamstring-tendinopathy".
    const bool contains = !wanted.empty() && (id.find(wanted) != std::string::npos ||
                                              wanted.find(id) != std::string::npos);
    const std::size_t distance = edit_distance(id, wanted);
    const std::size_t threshold = std::max<std::size_t>(3, wanted.size() / 2);
    if (!contains && distance > threshold) continue;
    ranked.push_back({contains ? 0 : distance, &id});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const scored& a, const scored& b) { return a.score < b.score; });
  std::vector<std::string> result;
  for (const auto& r : ranked) {
    if (result.size() == limit) break;
    result.push_back(*r.id);
  }
  return result;
}

std::string unknown_id_message(std::string_view kind, std::string_view wanted,
                               const std::vector<std::string>& accepted) {
  const auto near = nearest_ids(accepted, wanted);
  const std::string all = accepted.empty() ? fmt::format("none (the catalogue has no {}s)", kind)
                                           : fmt::format("{}", fmt::join(accepted, ", "));
  const auto shown = quoted_for_message(wanted);
  if (near.empty()) return fmt::format("unknown {} {}; accepted: {}", kind, shown, all);
  return fmt::format("unknown {} {}; did you mean {}? accepted: {}", kind, shown,
                     fmt::join(near, ", "), all);
}

std::string quoted_for_message(std::string_view text) {
  if (text.size() <= max_echoed_length) return fmt::format("'{}'", text);
  // Cut on a UTF-8 character boundary so that the message stays valid text.
  std::size_t cut = max_echoed_length;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("'{}...' ({} bytes)", text.substr(0, cut), text.size());
}

}  // namespace kneerehab
