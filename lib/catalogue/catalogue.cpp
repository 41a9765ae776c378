#include "kneerehab/catalogue/catalogue.hpp"

#include <memory>
#include <string>
#include <unordered_map>

#include "catalogue/validate.hpp"

namespace kneerehab {

// Lookup tables built once; the catalogue is immutable, so pointers into content stay valid
// (content lives in the heap-allocated index and never moves after construction).
struct catalogue::index {
  catalogue_content content;
  std::unordered_map<std::string_view, const condition*> conditions;
  std::unordered_map<std::string_view, const exercise*> exercises;
  std::unordered_map<std::string_view, const protocol*> protocols;
  std::unordered_map<std::string_view, const walk_run_ladder*> ladders;
  std::unordered_map<std::string_view, const red_flag*> red_flags;
  std::unordered_map<std::string_view, const symptom*> symptoms;
};

namespace {

template <typename T>
void fill(std::unordered_map<std::string_view, const T*>& map, const std::vector<T>& items) {
  map.reserve(items.size());
  for (const auto& item : items) map.emplace(item.id, &item);
}

template <typename T>
const T* find_in(const std::unordered_map<std::string_view, const T*>& map,
                 std::string_view id) noexcept {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

catalogue::catalogue(catalogue_content content) {
  detail::validate_catalogue(content);
  auto built = std::make_shared<index>();
  built->content = std::move(content);
  const auto& c = built->content;
  fill(built->conditions, c.conditions);
  fill(built->exercises, c.exercises);
  fill(built->protocols, c.protocols);
  fill(built->ladders, c.ladders);
  fill(built->red_flags, c.red_flags);
  fill(built->symptoms, c.symptoms);
  index_ = std::move(built);
}

catalogue::~catalogue() = default;
catalogue::catalogue(const catalogue&) noexcept = default;
catalogue& catalogue::operator=(const catalogue&) noexcept = default;
// A move copies the handle, so that the catalogue moved from stays whole (a null index would
// make every lookup on it undefined behaviour).
catalogue::catalogue(catalogue&& other) noexcept : index_(other.index_) {}
catalogue& catalogue::operator=(catalogue&& other) noexcept {
  index_ = other.index_;
  return *this;
}

const catalogue_content& catalogue::content() const noexcept { return index_->content; }
const std::vector<condition>& catalogue::conditions() const noexcept {
  return index_->content.conditions;
}
const std::vector<exercise>& catalogue::exercises() const noexcept {
  return index_->content.exercises;
}
const std::vector<protocol>& catalogue::protocols() const noexcept {
  return index_->content.protocols;
}
const std::vector<walk_run_ladder>& catalogue::ladders() const noexcept {
  return index_->content.ladders;
}
const std::vector<red_flag>& catalogue::red_flags() const noexcept {
  return index_->content.red_flags;
}
const std::vector<symptom>& catalogue::symptoms() const noexcept {
  return index_->content.symptoms;
}

const condition* catalogue::find_condition(std::string_view id) const noexcept {
  return find_in(index_->conditions, id);
}
const exercise* catalogue::find_exercise(std::string_view id) const noexcept {
  return find_in(index_->exercises, id);
}
const protocol* catalogue::find_protocol(std::string_view id) const noexcept {
  return find_in(index_->protocols, id);
}
const walk_run_ladder* catalogue::find_ladder(std::string_view id) const noexcept {
  return find_in(index_->ladders, id);
}
const red_flag* catalogue::find_red_flag(std::string_view id) const noexcept {
  return find_in(index_->red_flags, id);
}
const symptom* catalogue::find_symptom(std::string_view id) const noexcept {
  return find_in(index_->symptoms, id);
}

}  // namespace kneerehab
