// A clinic's items over the shipped catalogue (catalogue/overlay.hpp).
#include "kneerehab/catalogue/overlay.hpp"

#include <algorithm>

namespace kneerehab {
namespace {

template <typename Item>
void replace_or_add(std::vector<Item>& items, const Item& item) {
  const auto same = std::find_if(items.begin(), items.end(),
                                 [&](const Item& other) { return other.id == item.id; });
  if (same != items.end()) {
    *same = item;
  } else {
    items.push_back(item);
  }
}

exercise* find(std::vector<exercise>& items, const std::string& id) {
  const auto it =
      std::find_if(items.begin(), items.end(), [&](const exercise& e) { return e.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// The exercises `e` links to link back to it, so the chain stays two-way. Links to an id that
// does not exist, or to itself, are left for the validator to report.
void join_chains(std::vector<exercise>& items, const exercise& e) {
  if (e.regression && *e.regression != e.id) {
    if (auto* easier = find(items, *e.regression)) easier->progression = e.id;
  }
  if (e.progression && *e.progression != e.id) {
    if (auto* harder = find(items, *e.progression)) harder->regression = e.id;
  }
}

}  // namespace

catalogue_content overlay_content(const catalogue& base, const catalogue_additions& add) {
  auto content = base.content();
  for (const auto& e : add.exercises) replace_or_add(content.exercises, e);
  for (const auto& e : add.exercises) join_chains(content.exercises, e);
  for (const auto& p : add.protocols) replace_or_add(content.protocols, p);
  return content;
}

catalogue overlay(const catalogue& base, const catalogue_additions& add) {
  return catalogue(overlay_content(base, add));
}

}  // namespace kneerehab
