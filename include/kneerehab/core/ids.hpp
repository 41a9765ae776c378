#pragma once
/// \file ids.hpp
/// Ids of catalogue items: the nearest ids to a mistyped one, and the message for an id that
/// names nothing.

#include <string>
#include <string_view>
#include <vector>

namespace kneerehab {

/// Up to `limit` ids from `candidates` closest to `wanted` (substring first, then edit
/// distance; case-insensitive), for "did you mean" messages. None for a `wanted` longer than
/// any id could be (over 200 bytes).
std::vector<std::string> nearest_ids(const std::vector<std::string>& candidates,
                                     std::string_view wanted, std::size_t limit = 3);

/// The message for an id that names nothing: "unknown condition 'x'; did you mean a, b?
/// accepted: a, b, c" (the "did you mean" part only when something is near; "accepted: none
/// (...)" when there is nothing to accept). A long `wanted` is shortened (quoted_for_message).
std::string unknown_id_message(std::string_view kind, std::string_view wanted,
                               const std::vector<std::string>& accepted);

/// `text` in single quotes for a message; over 80 bytes it is cut (on a UTF-8 boundary) and
/// its size given: 'abc...' (131072 bytes).
std::string quoted_for_message(std::string_view text);

/// The ids of catalogue items, in order: ids_of(cat.conditions()).
template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace kneerehab
