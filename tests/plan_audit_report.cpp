// plan_audit_report: plans every protocol of the shipped catalogue for a grid of profiles,
// audits each plan (audit_plan, docs/plan-rules.md) and prints, per audit rule, how many plans
// break it and one example (profile and message). A tool for driving the planner, not a test:
// it always exits 0 unless it cannot run. Not installed.
//
//   plan_audit_report                   the table
//   plan_audit_report --rule NAME [N]   up to N (default 20) plans that break rule NAME
//   plan_audit_report --protocol ID     only that protocol
//   plan_audit_report --monotone        rule 8 instead: sweeps of current running and severity
//
// The grid, for every protocol: baseline 0, 10, 20, 40, 60, 80 km (target = baseline; 20 km
// when the baseline is 0), current 0, half or all of the baseline, 2 to 6 run days, every
// severity; age (17-70), pain (0-7), prior injuries (0-3), start weekday and easy pace vary
// with a fixed pseudo-random sequence, so every run prints the same table. No --weeks: the
// plans are open-ended, as the CLI makes them by default.
//
// --monotone sweeps, for every protocol: baseline 12, 25, 40 and 70 km (target = baseline),
// the five run-day patterns, pain 0, 3 and 4 (below and in the hold zones), every severity,
// age 17, 35 or 62 and easy pace 3:20-8:00 from the fixed sequence, and current running from 0
// to the baseline in steps of 2 km. It prints every sweep where more current running reaches
// the target later than less, or a milder grade later than a more severe one
// (weeks_to_target), and how many sweeps and plans it made.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kneerehab/core/error.hpp"
#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/planner.hpp"
#include "support/monotone_sweep.hpp"
#include "support/shipped_catalogue.hpp"

namespace {

using namespace kneerehab;

struct example {
  std::string profile;
  std::string message;
};

struct tally {
  int plans = 0;  ///< plans breaking the rule
  int findings = 0;
  std::vector<example> examples;
};

/// A small fixed pseudo-random sequence (a 64-bit LCG): the same table on every run.
class sequence {
 public:
  int pick(int n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state_ >> 33) % static_cast<std::uint64_t>(n));
  }

 private:
  std::uint64_t state_ = 0x6b6e65657265686bULL;
};

const std::vector<std::vector<weekday>> run_day_patterns = {
    {weekday::mon, weekday::thu},
    {weekday::mon, weekday::wed, weekday::fri},
    {weekday::tue, weekday::thu, weekday::sat, weekday::sun},
    {weekday::mon, weekday::tue, weekday::thu, weekday::sat, weekday::sun},
    {weekday::mon, weekday::tue, weekday::wed, weekday::thu, weekday::sat, weekday::sun},
};

std::string describe(const plan_request& r) {
  const auto& p = r.profile;
  std::string days;
  for (weekday d : p.run_days) days += (days.empty() ? "" : ",") + std::string(to_string(d));
  const int pace_s = static_cast<int>(p.easy_pace.seconds_per_km());
  return r.protocol_id + " " + std::string(to_string(p.level)) + " baseline " +
         std::to_string(static_cast<int>(p.baseline.km())) + " current " +
         std::to_string(static_cast<int>(p.current.km())) + " target " +
         std::to_string(static_cast<int>(p.target.value_or(p.baseline).km())) + " days " + days +
         " age " + std::to_string(p.age) + " pain " + std::to_string(p.pain.value()) + " prior " +
         std::to_string(p.prior_injuries) + " start " + p.start->iso() + " pace " +
         std::to_string(pace_s / 60) + ":" + (pace_s % 60 < 10 ? "0" : "") +
         std::to_string(pace_s % 60);
}

std::vector<plan_request> grid(const catalogue& cat, const std::string& only_protocol) {
  constexpr int ages[] = {17, 30, 45, 50, 60, 70};
  constexpr int pains[] = {0, 2, 4, 5, 6, 7};
  constexpr int paces[] = {300, 390, 480};
  sequence seq;
  std::vector<plan_request> out;
  for (const protocol& proto : cat.protocols()) {
    if (!only_protocol.empty() && proto.id != only_protocol) continue;
    for (const int baseline : {0, 10, 20, 40, 60, 80}) {
      for (const double share : {0.0, 0.5, 1.0}) {
        for (const auto& days : run_day_patterns) {
          for (const severity level : {severity::mild, severity::moderate, severity::severe}) {
            plan_request r;
            r.protocol_id = proto.id;
            r.today = date::from_ymd(2027, 1, 1);
            auto& p = r.profile;
            p.level = level;
            p.start = date::from_ymd(2027, 1, 4).plus_days(seq.pick(7));
            p.baseline = distance::from_km(baseline);
            p.current = distance::from_km(static_cast<int>(baseline * share));
            if (baseline == 0) p.target = distance::from_km(20);
            p.run_days = days;
            p.easy_pace = pace::from_seconds_per_km(paces[seq.pick(3)]);
            p.age = ages[seq.pick(6)];
            p.pain = pain_score::from_int(pains[seq.pick(6)]);
            p.prior_injuries = seq.pick(4);
            out.push_back(std::move(r));
          }
        }
      }
    }
  }
  return out;
}

/// Rule 8 over sweeps of current running and severity; prints what breaks it.
int run_monotone(const std::string& only_protocol) {
  const auto started = std::chrono::steady_clock::now();
  const catalogue& cat = testing::shipped_catalogue();
  constexpr int paces[] = {200, 300, 390, 480};
  constexpr int ages[] = {17, 35, 62};
  sequence seq;
  int sweeps = 0;
  int plans = 0;
  std::size_t broken = 0;
  for (const protocol& proto : cat.protocols()) {
    if (!only_protocol.empty() && proto.id != only_protocol) continue;
    for (const int baseline : {12, 25, 40, 70}) {
      for (const auto& days : run_day_patterns) {
        for (const int pain : {0, 3, 4}) {
          plan_request r;
          r.protocol_id = proto.id;
          r.today = date::from_ymd(2027, 1, 1);
          auto& p = r.profile;
          p.start = date::from_ymd(2027, 1, 4).plus_days(seq.pick(7));
          p.baseline = distance::from_km(baseline);
          p.run_days = days;
          p.easy_pace = pace::from_seconds_per_km(paces[seq.pick(4)]);
          p.age = ages[seq.pick(3)];
          p.pain = pain_score::from_int(pain);
          for (const auto& line : testing::monotone_breaks(cat, r, 2, describe, plans)) {
            std::cout << line << "\n";
            ++broken;
          }
          sweeps += 3;  // one per severity
        }
      }
    }
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  std::cout << "plan_audit_report --monotone: " << sweeps << " sweeps, " << plans << " plans, "
            << broken << " breaks of rule 8; " << ms << " ms\n";
  return 0;
}

int run(int argc, char** argv) {
  std::string only_rule;
  std::string only_protocol;
  std::size_t limit = 20;
  bool monotone = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rule" && i + 1 < argc) {
      only_rule = argv[++i];
      if (i + 1 < argc && argv[i + 1][0] != '-') limit = std::stoul(argv[++i]);
    } else if (arg == "--protocol" && i + 1 < argc) {
      only_protocol = argv[++i];
    } else if (arg == "--monotone") {
      monotone = true;
    } else {
      std::cerr << "usage: plan_audit_report [--rule NAME [N]] [--protocol ID] [--monotone]\n";
      return 2;
    }
  }
  if (monotone) return run_monotone(only_protocol);
  std::optional<audit_rule> wanted;
  if (!only_rule.empty()) {
    wanted = parse_audit_rule(only_rule);
    if (!wanted) {
      std::cerr << "unknown rule '" << only_rule << "'; accepted:";
      for (audit_rule r : all_audit_rules) std::cerr << " " << to_string(r);
      std::cerr << "\n";
      return 2;
    }
  }
  const auto started = std::chrono::steady_clock::now();
  const catalogue& cat = testing::shipped_catalogue();
  const auto requests = grid(cat, only_protocol);
  std::map<audit_rule, tally> by_rule;
  int clean = 0;
  int referrals = 0;
  std::vector<std::string> errors;
  for (const plan_request& r : requests) {
    std::optional<plan_outcome> outcome;
    try {
      outcome.emplace(make_plan(cat, r));
    } catch (const std::exception& e) {
      errors.push_back(describe(r) + ": " + e.what());
      continue;
    }
    if (!std::holds_alternative<plan>(*outcome)) {
      ++referrals;
      continue;
    }
    const auto findings = audit_plan(cat, r, std::get<plan>(*outcome));
    if (findings.empty()) ++clean;
    std::map<audit_rule, int> here;
    std::map<audit_rule, const audit_finding*> first;
    for (const auto& f : findings) {
      if (here[f.rule]++ == 0) first[f.rule] = &f;
    }
    for (const auto& [rule, count] : here) {
      tally& t = by_rule[rule];
      ++t.plans;
      t.findings += count;
      const std::size_t keep = wanted ? limit : 1;
      if (t.examples.size() < keep) t.examples.push_back({describe(r), first[rule]->message});
    }
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  const int planned =
      static_cast<int>(requests.size()) - referrals - static_cast<int>(errors.size());
  if (wanted) {
    const tally& t = by_rule[*wanted];
    std::cout << to_string(*wanted) << ": " << describe(*wanted) << "\n"
              << t.plans << " of " << planned << " plans break it (" << t.findings
              << " findings)\n";
    for (const auto& e : t.examples)
      std::cout << "  " << e.profile << "\n    " << e.message << "\n";
    return 0;
  }
  std::cout << "plan_audit_report: " << requests.size() << " requests, " << planned << " plans, "
            << clean << " keep every rule; " << referrals << " referrals, " << errors.size()
            << " errors; " << ms << " ms\n";
  std::size_t width = 0;
  for (audit_rule r : all_audit_rules) width = std::max(width, to_string(r).size());
  for (audit_rule r : all_audit_rules) {
    const tally& t = by_rule[r];
    std::string name(to_string(r));
    name.resize(width, ' ');
    std::cout << name << " "
              << (t.plans < 10     ? "   "
                  : t.plans < 100  ? "  "
                  : t.plans < 1000 ? " "
                                   : "")
              << t.plans;
    if (!is_checked(r)) std::cout << "  (not checked yet: the plan does not carry its data)";
    std::cout << "\n";
    for (const auto& e : t.examples)
      std::cout << "    e.g. " << e.profile << "\n      " << e.message << "\n";
  }
  for (const auto& e : errors) std::cout << "error: " << e << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "plan_audit_report: " << e.what() << "\n";
    return 1;
  }
}
