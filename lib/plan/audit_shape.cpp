// The plan's shape, where running may happen (rule 1), contraindications (rule 6), pain
// (rule 7), session size (rule 9) and high-load spacing: the checks that read weeks and
// sessions rather than running load.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "plan/audit_detail.hpp"

namespace kneerehab::audit_detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_alnum(char c) noexcept { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// The words of `text`: runs of letters and digits, lower case.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (is_alnum(c)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

/// True when `text` (lower case) holds `phrase` (lower case) starting at a word.
bool mentions(const std::string& text, const std::string& phrase) {
  if (phrase.empty()) return false;
  for (std::size_t at = text.find(phrase); at != std::string::npos;
       at = text.find(phrase, at + 1)) {
    if (at == 0 || !is_alnum(text[at - 1])) return true;
  }
  return false;
}

/// True when a measure's words hold an exercise id's words in a row, each as written or
/// plural: "single_leg_hops_pain_free" tests "single-leg-hop".
bool measure_tests(std::string_view measure, std::string_view exercise_id) {
  const auto m = words_of(measure);
  const auto e = words_of(exercise_id);
  if (e.empty() || e.size() > m.size()) return false;
  for (std::size_t i = 0; i + e.size() <= m.size(); ++i) {
    bool all = true;
    for (std::size_t j = 0; j < e.size() && all; ++j) {
      const auto& word = m[i + j];
      all = word == e[j] || word == e[j] + "s" || word == e[j] + "es";
    }
    if (all) return true;
  }
  return false;
}

std::string_view note_name(note_code code) noexcept { return to_string(code); }

std::string session_name(const session& s) { return std::string(to_string(s.type)) + " session"; }

int first_running_phase(const protocol& proto) {
  for (std::size_t i = 0; i < proto.phases.size(); ++i) {
    if (proto.phases[i].running.mode != running_mode::none) return static_cast<int>(i);
  }
  return static_cast<int>(proto.phases.size());
}

}  // namespace

void check_calendar(const audit_context& ctx, finding_sink& out) {
  const plan& p = ctx.p;
  if (p.weeks.empty()) {
    out.plan("the plan has no weeks");
    return;
  }
  if (ctx.request.weeks && static_cast<int>(p.weeks.size()) != *ctx.request.weeks) {
    out.plan(fmt::format("the plan has {} weeks; {} were asked for", p.weeks.size(),
                         *ctx.request.weeks));
  }
  if (p.end != p.weeks.back().days.back().day) {
    out.plan(fmt::format("the plan ends on {}, not on the last day of its last week ({})",
                         p.end.iso(), p.weeks.back().days.back().day.iso()));
  }
  int last_phase = -1;
  for (std::size_t wi = 0; wi < ctx.weeks.size(); ++wi) {
    const week_seen& seen = ctx.weeks[wi];
    const plan_week& w = *seen.w;
    if (w.number != static_cast<int>(wi) + 1) {
      out.at(w, std::nullopt,
             fmt::format("is numbered {}; weeks are numbered 1, 2, 3...", w.number));
    }
    const auto expected = p.start.try_plus_days(static_cast<int>(wi) * 7);
    if (!expected || w.start != *expected) {
      out.at(w, std::nullopt,
             fmt::format("starts on {}; it should start on {}, 7 days after the week before",
                         w.start.iso(), expected ? expected->iso() : std::string("(none)")));
    }
    if (seen.ph == nullptr) {
      out.at(w, std::nullopt,
             fmt::format("is in phase '{}', which protocol '{}' does not have", w.phase_id,
                         ctx.proto.id));
    } else if (seen.phase_index < last_phase) {
      out.at(w, std::nullopt,
             fmt::format("goes back to phase {} after a later phase; phases come in the "
                         "protocol's order",
                         phase_label(seen)));
    }
    last_phase = std::max(last_phase, seen.phase_index);
    double km = 0;
    for (std::size_t k = 0; k < w.days.size(); ++k) {
      const plan_day& day = w.days[k];
      const auto want = w.start.try_plus_days(static_cast<int>(k));
      if (!want || day.day != *want) {
        out.at(w, day.day,
               fmt::format("day {} of the week is {}; the 7 days of a week follow each other",
                           k + 1, day.day.iso()));
      }
      if (day.sessions.empty()) out.at(w, day.day, "has no session (not even rest)");
      for (const session& s : day.sessions) {
        const bool running = s.type == session_type::run || s.type == session_type::walk_run;
        if (running != s.run.has_value()) {
          out.at(w, day.day,
                 fmt::format("a {} {} running details", session_name(s),
                             running ? "lacks" : "carries"));
          continue;
        }
        if (!s.run) continue;
        km += s.run->run.km();
        if (s.type == session_type::walk_run && (s.run->continuous || s.run->intervals.empty())) {
          out.at(w, day.day, "a walk-run session is marked continuous or has no intervals");
        }
        if (s.type == session_type::run && (!s.run->continuous || !s.run->intervals.empty())) {
          out.at(w, day.day, "a run session is not marked continuous or has intervals");
        }
      }
    }
    if (std::abs(km - w.run_total.km()) > km_tolerance) {
      out.at(w, std::nullopt,
             fmt::format("run_total is {} but its runs add up to {}", km_text(w.run_total.km()),
                         km_text(km)));
    }
  }
}

void check_running_allowed(const audit_context& ctx, finding_sink& out) {
  const int first = first_running_phase(ctx.proto);
  for (const run_seen& r : ctx.runs) {
    const week_seen& w = ctx.weeks[r.week];
    if (w.ph == nullptr) continue;
    if (w.phase_index < first) {
      out.at(r, ctx,
             fmt::format("a {} run in phase {}, before the protocol's first phase that allows "
                         "running{}",
                         km_text(r.km()), phase_label(w),
                         first < static_cast<int>(ctx.proto.phases.size())
                             ? fmt::format(" ('{}')", ctx.proto.phases[first].name)
                             : std::string(" (none does)")));
    } else if (w.ph->running.mode == running_mode::none) {
      out.at(r, ctx,
             fmt::format("a {} run in phase {}, which allows no running", km_text(r.km()),
                         phase_label(w)));
    }
  }
}

void check_run_day(const audit_context& ctx, finding_sink& out) {
  const auto& days = ctx.request.profile.run_days;
  const std::set<weekday> run_days(days.begin(), days.end());
  std::string listed;
  for (const weekday d : days) listed += (listed.empty() ? "" : ", ") + std::string(to_string(d));
  for (const run_seen& r : ctx.runs) {
    if (run_days.count(r.when.day_of_week()) == 0) {
      out.at(r, ctx,
             fmt::format("a run on {}, which is not one of the runner's run days ({})",
                         to_string(r.when.day_of_week()), listed.empty() ? "none" : listed));
    }
  }
}

void check_run_kind_allowed(const audit_context& ctx, finding_sink& out) {
  for (const run_seen& r : ctx.runs) {
    const week_seen& w = ctx.weeks[r.week];
    if (w.ph == nullptr) continue;
    const running_rule& rule = w.ph->running;
    const run_session& run = *r.run;
    std::vector<std::string> wrong;
    if (run.where > rule.max_surface) {
      wrong.push_back(fmt::format("on {} ground (the phase allows {} at most)",
                                  to_string(run.where), to_string(rule.max_surface)));
    }
    if (run.hills && !rule.hills) wrong.emplace_back("with hills (the phase allows none)");
    if (downhill_of(run) && !rule.hills) {
      wrong.emplace_back("downhill (the phase allows no hills or downhill)");
    }
    if (run.speed && !rule.speed) wrong.emplace_back("with speed work (the phase allows none)");
    for (const auto& what : wrong) {
      out.at(r, ctx, fmt::format("a run {} in phase {}", what, phase_label(w)));
    }
  }
}

void check_barred_exercise(const audit_context& ctx, finding_sink& out) {
  for (const week_seen& w : ctx.weeks) {
    if (w.ph == nullptr || w.ph->barred_exercises.empty()) continue;
    // One finding per barred exercise and kind of appearance in a week.
    std::set<std::string> reported;
    auto report = [&](const std::string& key, std::optional<date> day, const std::string& what) {
      if (reported.insert(key).second) out.at(*w.w, day, what);
    };
    for (const std::string& id : w.ph->barred_exercises) {
      const exercise* ex = ctx.cat.find_exercise(id);
      std::string spaced = id;
      std::replace(spaced.begin(), spaced.end(), '-', ' ');
      const std::vector<std::string> phrases = {lower(id), lower(spaced),
                                                ex != nullptr ? lower(ex->name) : std::string()};
      for (const plan_day& day : w.w->days) {
        for (const session& s : day.sessions) {
          for (const auto& e : s.exercises) {
            if (e.exercise_id() == id) {
              report("exercise " + id, day.day,
                     fmt::format("'{}' in a {}, but phase {} bars it", id, session_name(s),
                                 phase_label(w)));
            }
          }
          for (const session_note& n : s.notes) {
            const std::string text = lower(n.text.str());
            const bool named = n.exercise_id() == id || std::any_of(phrases.begin(), phrases.end(),
                                                                    [&](const std::string& ph) {
                                                                      return mentions(text, ph);
                                                                    });
            if (named) {
              report("note " + id, day.day,
                     fmt::format("the {} note of a {} names '{}', but phase {} bars it",
                                 note_name(n.code), session_name(s), id, phase_label(w)));
            }
          }
        }
      }
    }
  }
}

void check_entry_criteria_vs_bars(const audit_context& ctx, finding_sink& out) {
  for (std::size_t wi = 1; wi < ctx.weeks.size(); ++wi) {
    const week_seen& w = ctx.weeks[wi];
    const week_seen& before = ctx.weeks[wi - 1];
    if (w.w->checkpoint.empty() || before.ph == nullptr) continue;
    for (const entry_criterion& c : w.w->checkpoint) {
      for (const std::string& id : before.ph->barred_exercises) {
        if (measure_tests(c.measure, id)) {
          out.at(*w.w, std::nullopt,
                 fmt::format("entry criterion '{}' ({}) tests '{}', which the phase before it, "
                             "{}, bars",
                             c.measure, c.text, id, phase_label(before)));
        }
      }
    }
  }
}

void check_pain_referral(const audit_context& ctx, finding_sink& out) {
  const int pain = ctx.request.profile.pain.value();
  if (pain >= ctx.options.referral_pain) {
    out.plan(
        fmt::format("daily pain {}/10 is at or above the referral threshold of {}/10: "
                    "the answer is a referral, never a plan",
                    pain, ctx.options.referral_pain));
  }
}

void check_pain_hold(const audit_context& ctx, finding_sink& out) {
  const int pain = ctx.request.profile.pain.value();
  if (pain <= ctx.proto.pain.hold_max || ctx.weeks.empty()) return;
  const std::string& first = ctx.weeks.front().w->phase_id;
  for (const week_seen& w : ctx.weeks) {
    if (w.w->phase_id != first) break;
    if (w.runs > 0) {
      out.at(*w.w, std::nullopt,
             fmt::format("{} run(s) in the plan's first phase {}, but pain {}/10 is above the "
                         "protocol's hold threshold of {}/10: the plan starts without running",
                         w.runs, phase_label(w), pain, ctx.proto.pain.hold_max));
    }
  }
}

void check_session_size(const audit_context& ctx, finding_sink& out) {
  const auto most = static_cast<std::size_t>(
      ctx.options.max_strength_exercises.value_or(ctx.proto.sessions.max_exercises));
  for (const week_seen& w : ctx.weeks) {
    for (const plan_day& day : w.w->days) {
      const auto big =
          std::find_if(day.sessions.begin(), day.sessions.end(), [&](const session& s) {
            return s.type == session_type::strength && s.exercises.size() > most;
          });
      if (big != day.sessions.end()) {
        out.at(*w.w, day.day,
               fmt::format("a strength session holds {} exercises; at most {}",
                           big->exercises.size(), most));
        break;  // one finding a week
      }
    }
  }
}

void check_session_minutes(const audit_context& ctx, finding_sink& out) {
  for (const week_seen& w : ctx.weeks) {
    for (const plan_day& day : w.w->days) {
      const auto silent = std::find_if(
          day.sessions.begin(), day.sessions.end(),
          [](const session& s) { return s.type == session_type::strength && s.minutes <= 0; });
      if (silent != day.sessions.end()) {
        out.at(*w.w, day.day, "a strength session does not state its estimated minutes");
        break;  // one finding a week
      }
    }
  }
}

void check_high_load_spacing(const audit_context& ctx, finding_sink& out) {
  // Every day of the plan, in order, with the high-load exercises on it.
  struct day_load {
    const plan_week* w;
    date day;
    std::vector<const exercise*> high;
  };
  std::vector<day_load> days;
  for (const week_seen& w : ctx.weeks) {
    for (const plan_day& day : w.w->days) {
      day_load d{w.w, day.day, {}};
      for (const session& s : day.sessions) {
        for (const auto& e : s.exercises) {
          const exercise* ex = ctx.cat.find_exercise(e.exercise_id());
          if (ex != nullptr && ex->load == load_level::high) d.high.push_back(ex);
        }
      }
      days.push_back(std::move(d));
    }
  }
  for (std::size_t i = 1; i < days.size(); ++i) {
    const day_load& a = days[i - 1];
    const day_load& b = days[i];
    if (days_between(a.day, b.day) != 1) continue;
    bool reported = false;
    for (const exercise* x : a.high) {
      for (const exercise* y : b.high) {
        for (const auto& m : x->muscles) {
          if (reported || std::find(y->muscles.begin(), y->muscles.end(), m) == y->muscles.end()) {
            continue;
          }
          out.at(*b.w, b.day,
                 fmt::format("high-load '{}' the day after high-load '{}' ({}): both load the {}",
                             y->id, x->id, day_text(a.day), m));
          reported = true;
        }
      }
    }
  }
}

}  // namespace kneerehab::audit_detail
