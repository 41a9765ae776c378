// Matching exercise names in advice texts and entry-criterion measures (see barred.hpp).
#include "catalogue/barred.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace kneerehab::detail {
namespace {

// Every measure the built-in protocols use (docs/catalogue-format.md, "Entry criteria and
// what they test"). A measure not listed here is matched by the exercise ids it spells.
constexpr std::array<known_measure, 16> measures = {{
    {"pain_daily_nprs", "", false},
    {"swelling_grade", "", false},
    {"rom_percent_of_other_side", "", false},
    {"full_pain_free_rom", "", false},
    {"weeks_since_injury", "", false},
    {"walk_without_aids", "", false},
    {"strength_lsi", "", false},
    {"brisk_walk_pain_free_min", "brisk-walk", false},
    {"single_leg_squats_pain_free", "single-leg-squat", false},
    {"single_leg_heel_raises", "single-leg-calf-raise", false},
    {"plank_hold", "plank", false},
    {"side_plank_hold", "side-plank", false},
    {"single_leg_hops_pain_free", "single-leg-hop", false},
    {"hop_test_lsi", "single-leg-hop", false},
    {"walk_run_ladder_completed", "", true},
    {"run_pain_nprs", "", true},
}};

using words = std::vector<std::string>;

// Lower-case ASCII letters and digits; anything else separates words.
words words_of(std::string_view text) {
  words out;
  std::string word;
  for (const char c : text) {
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// The name without its bracketed parts: "Walking lunge (dynamic warm-up)" -> "Walking lunge ".
std::string without_brackets(std::string_view name) {
  std::string out;
  int depth = 0;
  for (const char c : name) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// The ways a text can name `e`: its id's words and its name's words.
std::vector<words> keys_of(const exercise& e) {
  std::vector<words> keys;
  for (auto key : {words_of(e.id), words_of(without_brackets(e.name))}) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

bool same_word(const std::string& word, const std::string& key, bool last) {
  if (word == key) return true;
  if (!last || !word.starts_with(key)) return false;
  const std::string_view rest = std::string_view(word).substr(key.size());
  return rest == "s" || rest == "es";
}

// The exercises of `candidates` that `text` (as words) names: every occurrence of a key, the
// longest first, occurrences never sharing a word.
std::vector<const exercise*> named_in_words(const words& text,
                                            std::span<const exercise* const> candidates) {
  struct hit {
    std::size_t start = 0;
    std::size_t length = 0;
    const exercise* e = nullptr;
  };
  std::vector<hit> hits;
  for (const exercise* e : candidates) {
    for (const auto& key : keys_of(*e)) {
      for (std::size_t i = 0; i + key.size() <= text.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < key.size() && match; ++k) {
          match = same_word(text[i + k], key[k], k + 1 == key.size());
        }
        if (match) hits.push_back({i, key.size(), e});
      }
    }
  }
  // Longest first; among equals, the earliest, so the result does not depend on the order of
  // `candidates`.
  std::stable_sort(hits.begin(), hits.end(), [](const hit& a, const hit& b) {
    return a.length != b.length ? a.length > b.length : a.start < b.start;
  });
  std::vector<bool> used(text.size(), false);
  std::map<std::size_t, const exercise*> kept;  // by position in the text
  for (const auto& h : hits) {
    const auto first = used.begin() + static_cast<std::ptrdiff_t>(h.start);
    const auto last = first + static_cast<std::ptrdiff_t>(h.length);
    if (std::any_of(first, last, [](bool b) { return b; })) continue;
    std::fill(first, last, true);
    kept.emplace(h.start, h.e);
  }
  std::vector<const exercise*> out;
  for (const auto& [start, e] : kept) {
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  }
  return out;
}

}  // namespace

std::span<const known_measure> known_measures() noexcept { return measures; }

measure_demands demands_of(std::string_view measure, std::span<const exercise* const> candidates) {
  measure_demands out;
  const auto known = std::find_if(measures.begin(), measures.end(),
                                  [&](const known_measure& m) { return m.measure == measure; });
  if (known != measures.end()) {
    if (!known->exercise.empty()) out.exercises.emplace_back(known->exercise);
    out.running = known->running;
    return out;
  }
  for (const exercise* e : named_in_words(words_of(measure), candidates)) {
    out.exercises.push_back(e->id);
  }
  return out;
}

std::vector<const exercise*> exercises_named_in(std::string_view text,
                                                std::span<const exercise* const> candidates) {
  return named_in_words(words_of(text), candidates);
}

std::vector<const exercise*> protocol_exercises(const protocol& p,
                                                const std::vector<exercise>& all) {
  std::map<std::string_view, const exercise*> by_id;
  for (const auto& e : all) by_id.emplace(e.id, &e);
  std::set<std::string_view> wanted;
  std::vector<std::string_view> pending;
  const auto want = [&](std::string_view id) {
    if (by_id.contains(id) && wanted.insert(id).second) pending.push_back(id);
  };
  for (const auto& ph : p.phases) {
    for (const auto& rx : ph.prescriptions) want(rx.exercise_id);
    for (const auto& id : ph.barred_exercises) want(id);
  }
  while (!pending.empty()) {
    const exercise* e = by_id.at(pending.back());
    pending.pop_back();
    if (e->regression) want(*e->regression);
    if (e->progression) want(*e->progression);
  }
  std::vector<const exercise*> out;
  for (const auto& e : all) {
    if (wanted.contains(e.id)) out.push_back(&e);
  }
  return out;
}

}  // namespace kneerehab::detail
