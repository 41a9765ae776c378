// protocol_changes (catalogue/protocol_diff.hpp): compared field by field with the field
// tables, so that a field added to the model is compared without a change here.
#include "kneerehab/catalogue/protocol_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

#include "model/fields.hpp"

namespace kneerehab {
namespace {

using changes = std::vector<std::string>;

template <typename T>
std::string shown(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return "'" + v + "'";
  } else if constexpr (std::is_same_v<T, bool>) {
    return v ? "yes" : "no";
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(to_string(v));
  } else if constexpr (detail::is_optional_v<T>) {
    return v ? shown(*v) : std::string("none");
  } else {
    return fmt::format("{}", v);
  }
}

// "KEY a -> b" (keys with '_' read as words) for each field of `fields` that differs.
template <typename Struct, std::size_t N>
void compare_fields(const std::array<detail::field<Struct>, N>& fields, const Struct& a,
                    const Struct& b, std::string_view prefix, changes& out) {
  detail::for_each_field(fields, a, [&](const auto& fd, const auto& va) {
    using T = std::decay_t<decltype(va)>;
    const auto& vb = b.*std::get<T Struct::*>(fd.member);
    if (va == vb) return;
    std::string key(fd.key);
    std::replace(key.begin(), key.end(), '_', ' ');
    if (key == "min weeks") key = "minimum weeks";
    if (key == "max weeks") key = "maximum weeks";
    out.push_back(fmt::format("{}{} {} -> {}", prefix, key, shown(va), shown(vb)));
  });
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void compare_lists(const std::vector<std::string>& a, const std::vector<std::string>& b,
                   std::string_view what, changes& out) {
  for (const auto& item : b) {
    if (!contains(a, item)) out.push_back(fmt::format("added {} '{}'", what, item));
  }
  for (const auto& item : a) {
    if (!contains(b, item)) out.push_back(fmt::format("removed {} '{}'", what, item));
  }
}

const prescription* find(const std::vector<prescription>& list, const std::string& id) {
  const auto it = std::find_if(list.begin(), list.end(),
                               [&](const prescription& p) { return p.exercise_id == id; });
  return it == list.end() ? nullptr : &*it;
}

bool same_progression(const prescription& a, const prescription& b) {
  if (a.progression.size() != b.progression.size()) return false;
  for (std::size_t i = 0; i < a.progression.size(); ++i) {
    if (a.progression[i].week != b.progression[i].week ||
        !(a.progression[i].dose == b.progression[i].dose)) {
      return false;
    }
  }
  return true;
}

void compare_exercises(const phase& a, const phase& b, changes& out) {
  for (const auto& p : b.prescriptions) {
    const auto* before = find(a.prescriptions, p.exercise_id);
    if (before == nullptr) {
      out.push_back(fmt::format("added exercise {} {}", p.exercise_id, describe(p.dose)));
      continue;
    }
    if (!(before->dose == p.dose)) {
      out.push_back(
          fmt::format("{} {} -> {}", p.exercise_id, describe(before->dose), describe(p.dose)));
    }
    if (!same_progression(*before, p)) {
      out.push_back(fmt::format("{}: weekly progression changed", p.exercise_id));
    }
    if (before->note != p.note) out.push_back(fmt::format("{}: note changed", p.exercise_id));
  }
  for (const auto& p : a.prescriptions) {
    if (find(b.prescriptions, p.exercise_id) == nullptr) out.push_back("removed " + p.exercise_id);
  }
}

std::string criteria_text(const phase& ph) {
  std::string out;
  for (const auto& c : ph.entry_criteria) out += describe_rule(c) + "|" + c.text + "\n";
  return out;
}

changes phase_changes(const phase& a, const phase& b) {
  changes out;
  compare_fields(detail::phase_fields, a, b, "", out);
  compare_fields(detail::running_rule_fields, a.running, b.running, "running ", out);
  if (criteria_text(a) != criteria_text(b)) {
    std::string now;
    for (const auto& c : b.entry_criteria) now += (now.empty() ? "" : ", ") + describe_rule(c);
    out.push_back(fmt::format("entry criteria now {}", now.empty() ? "none" : now));
  }
  compare_exercises(a, b, out);
  compare_lists(a.barred_exercises, b.barred_exercises, "barred exercise", out);
  compare_lists(a.cross_training, b.cross_training, "cross-training", out);
  compare_lists(a.advice, b.advice, "advice", out);
  return out;
}

std::string joined(const changes& list) {
  std::string out;
  for (const auto& c : list) out += (out.empty() ? "" : "; ") + c;
  return out;
}

const phase* find_phase(const protocol& p, const std::string& id) {
  const auto it =
      std::find_if(p.phases.begin(), p.phases.end(), [&](const phase& ph) { return ph.id == id; });
  return it == p.phases.end() ? nullptr : &*it;
}

changes protocol_wide(const protocol& a, const protocol& b) {
  changes out;
  compare_fields(detail::protocol_fields, a, b, "", out);
  compare_fields(detail::length_rule_fields, a.lengths, b.lengths, "lengths: ", out);
  compare_fields(detail::pain_rule_fields, a.pain, b.pain, "pain: ", out);
  compare_fields(detail::load_rule_fields, a.load, b.load, "load: ", out);
  compare_fields(detail::session_rule_fields, a.sessions, b.sessions, "sessions: ", out);
  compare_lists(a.sources, b.sources, "source", out);
  std::vector<std::string> advice_a;
  std::vector<std::string> advice_b;
  for (const auto& n : a.advice)
    advice_a.push_back(fmt::format("{}: {}", to_string(n.topic), n.text));
  for (const auto& n : b.advice)
    advice_b.push_back(fmt::format("{}: {}", to_string(n.topic), n.text));
  compare_lists(advice_a, advice_b, "advice", out);
  return out;
}

}  // namespace

std::vector<std::string> protocol_changes(const protocol& before, const protocol& after) {
  std::vector<std::string> out;
  if (auto wide = protocol_wide(before, after); !wide.empty()) {
    out.push_back("Protocol: " + joined(wide));
  }
  for (std::size_t i = 0; i < after.phases.size(); ++i) {
    const auto& ph = after.phases[i];
    const auto* old = find_phase(before, ph.id);
    if (old == nullptr) {
      out.push_back(fmt::format("Phase {} '{}': added ({} to {} weeks)", i + 1, ph.name,
                                ph.min_weeks, ph.max_weeks));
      continue;
    }
    if (auto list = phase_changes(*old, ph); !list.empty()) {
      out.push_back(fmt::format("Phase {} '{}': {}", i + 1, ph.name, joined(list)));
    }
  }
  for (const auto& ph : before.phases) {
    if (find_phase(after, ph.id) == nullptr) {
      out.push_back(fmt::format("Phase '{}' ('{}'): removed", ph.name, ph.id));
    }
  }
  std::vector<std::string> order_a;
  std::vector<std::string> order_b;
  for (const auto& ph : before.phases) order_a.push_back(ph.id);
  for (const auto& ph : after.phases) order_b.push_back(ph.id);
  if (order_a != order_b && order_a.size() == order_b.size()) {
    std::string now;
    for (const auto& id : order_b) now += (now.empty() ? "" : ", ") + id;
    out.push_back("Phase order now: " + now);
  }
  return out;
}

}  // namespace kneerehab
