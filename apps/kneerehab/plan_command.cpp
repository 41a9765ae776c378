// kneerehab plan: options -> plan_request -> make_plan -> render -> stdout or -o FILE.
#include <fmt/format.h>
#include <boost/program_options.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>

#include "cli.hpp"
#include "command_options.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/output_file.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/request_limits.hpp"
#include "kneerehab/plan/safety.hpp"
#include "kneerehab/render/render.hpp"

namespace kneerehab::cli {
namespace {

namespace po = boost::program_options;

constexpr double default_baseline = 20.0;  // in --units, when --baseline is not given
constexpr int default_age = 35;

po::options_description plan_options() {
  // Ranges come from the library's limits, never restated here.
  const auto& lim = plan_request_limits;
  const auto age_help = fmt::format("age in years, {}-{}", lim.min_age, lim.max_age);
  const auto prior_help =
      fmt::format("earlier injuries of this kind, 0-{}", lim.max_prior_injuries);
  const auto weeks_help =
      fmt::format("plan length in weeks, {}-{} (default: protocol)", lim.min_weeks, lim.max_weeks);
  const auto volume_help =
      fmt::format("in --units: {} ({}) a week", lim.weekly_volume_range(unit_system::km),
                  lim.weekly_volume_range(unit_system::mi));
  po::options_description options("Options of 'kneerehab plan'");
  options.add_options()("condition", po::value<std::string>(),
                        "condition id (see 'kneerehab conditions')")(
      "protocol", po::value<std::string>(), "protocol id (see 'kneerehab protocols')")(
      "start", po::value<std::string>(), "first day of the plan, YYYY-MM-DD (required)")(
      "severity", po::value<std::string>()->default_value("moderate"), "mild|moderate|severe")(
      "baseline", po::value<std::string>(),
      ("weekly running volume before the injury (default 20), " + volume_help).c_str())(
      "current", po::value<std::string>()->default_value("0"),
      ("weekly running volume now (0 if stopped), " + volume_help).c_str())(
      "target", po::value<std::string>(), "weekly volume to return to (default: baseline)")(
      "run-days", po::value<std::string>()->default_value("mon,wed,fri"),
      "days you can run, comma-separated: mon,tue,wed,thu,fri,sat,sun")(
      "pace", po::value<std::string>(), "easy pace MM:SS per km or mile (default 6:30 /km)")(
      "age", po::value<std::string>()->default_value(std::to_string(default_age)),
      age_help.c_str())("prior-injuries", po::value<std::string>()->default_value("0"),
                        prior_help.c_str())("pain", po::value<std::string>()->default_value("0"),
                                            "pain now in daily activity, 0-10")(
      "symptom", po::value<std::vector<std::string>>()->composing(),
      "a symptom id (repeatable; see 'kneerehab red-flags')")("weeks", po::value<std::string>(),
                                                              weeks_help.c_str())(
      "format", po::value<std::string>()->default_value("text"), "text|json")(
      "output,o", po::value<std::string>(), "write to FILE (atomically) instead of stdout")(
      "today", po::value<std::string>(),
      "today's date, YYYY-MM-DD (default: the system date; for reproducible runs)");
  return options;
}

double parse_number(const po::variables_map& vm, const char* option, double low, double high,
                    std::string_view accepted) {
  const auto& text = vm[option].as<std::string>();
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < low || value > high) {
    throw error::invalid_input(fmt::format("--{} {} is not valid; accepted: {}", option,
                                           quoted_for_message(text), accepted));
  }
  return value;
}

int parse_int(const po::variables_map& vm, const char* option, int low, int high) {
  const auto value =
      parse_number(vm, option, low, high, fmt::format("a whole number from {} to {}", low, high));
  if (value != std::floor(value)) {
    throw error::invalid_input(
        fmt::format("--{} {} is not valid; accepted: a whole number from {} to {}", option,
                    quoted_for_message(vm[option].as<std::string>()), low, high));
  }
  return static_cast<int>(value);
}

date parse_date_option(const po::variables_map& vm, const char* option) {
  const auto& text = vm[option].as<std::string>();
  const auto parsed = date::parse_iso(text);
  if (!parsed) {
    throw error::invalid_input(fmt::format(
        "--{} {} is not a valid date; accepted: a calendar date as YYYY-MM-DD, e.g. 2026-11-23",
        option, quoted_for_message(text)));
  }
  return *parsed;
}

std::vector<weekday> parse_run_days(const std::string& text) {
  std::vector<weekday> days;
  std::stringstream stream(text);
  std::string word;
  while (std::getline(stream, word, ',')) {
    const auto day = parse_weekday(word);
    if (!day) {
      throw error::invalid_input(fmt::format(
          "--run-days: unknown day {}; accepted: mon,tue,wed,thu,fri,sat,sun separated by commas",
          quoted_for_message(word)));
    }
    days.push_back(*day);
  }
  return days;
}

date system_today() {
  const auto now = std::chrono::system_clock::now();
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return date::from_ymd(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                        static_cast<int>(unsigned(ymd.day())));
}

// The library owns the limits: the range stated and the range check come from it.
constexpr const request_limits& limits = plan_request_limits;

distance volume_option(const po::variables_map& vm, const char* option, unit_system units) {
  const auto accepted = fmt::format("a number of {} per week from {}", to_string(units),
                                    limits.weekly_volume_range(units));
  const double value = parse_number(vm, option, -HUGE_VAL, HUGE_VAL, accepted);
  return limits.weekly_volume(fmt::format("--{}", option), value, units);
}

runner_profile parse_profile(const po::variables_map& vm, unit_system units) {
  runner_profile profile;
  const auto severity_text = vm["severity"].as<std::string>();
  const auto level = parse_severity(severity_text);
  if (!level) {
    throw error::invalid_input(fmt::format("--severity {} is not valid; accepted: {}",
                                           quoted_for_message(severity_text),
                                           accepted_names<severity>()));
  }
  profile.level = *level;
  profile.start = parse_date_option(vm, "start");
  if (vm.count("baseline")) {
    profile.baseline = volume_option(vm, "baseline", units);
  } else {
    profile.baseline = distance::from(default_baseline, units);
    std::cerr << fmt::format("note: --baseline not given; assuming {} {} a week\n",
                             default_baseline, to_string(units));
  }
  profile.current = volume_option(vm, "current", units);
  if (vm.count("target")) profile.target = volume_option(vm, "target", units);
  profile.run_days = parse_run_days(vm["run-days"].as<std::string>());
  if (vm.count("pace")) profile.easy_pace = pace::parse(vm["pace"].as<std::string>(), units);
  profile.age = parse_int(vm, "age", limits.min_age, limits.max_age);
  profile.prior_injuries = parse_int(vm, "prior-injuries", 0, limits.max_prior_injuries);
  profile.pain = pain_score::from_int(parse_int(vm, "pain", 0, 10));
  if (vm.count("symptom")) profile.symptoms = vm["symptom"].as<std::vector<std::string>>();
  return profile;
}

plan_request parse_request(const po::variables_map& vm, unit_system units) {
  if (!vm.count("condition") && !vm.count("protocol")) {
    throw usage_error("plan", "give --condition ID or --protocol ID");
  }
  if (!vm.count("start")) throw usage_error("plan", "--start YYYY-MM-DD is required");
  plan_request request;
  if (vm.count("condition")) request.condition_id = vm["condition"].as<std::string>();
  if (vm.count("protocol")) request.protocol_id = vm["protocol"].as<std::string>();
  request.profile = parse_profile(vm, units);
  if (vm.count("weeks")) request.weeks = parse_int(vm, "weeks", limits.min_weeks, limits.max_weeks);
  request.units = units;
  request.today = vm.count("today") ? parse_date_option(vm, "today") : system_today();
  return request;
}

output_format parse_format(const std::string& text) {
  const auto format = parse_output_format(text);
  if (format) return *format;
  if (text == "markdown" || text == "html" || text == "csv" || text == "ics" || text == "fhir") {
    throw error::invalid_input(fmt::format(
        "--format {} is not available in this version yet; accepted: text, json", text));
  }
  throw error::invalid_input(
      fmt::format("--format {} is not valid; accepted: text, json", quoted_for_message(text)));
}

// Every word of a plan command that may name a symptom (each --symptom value and each word
// the command does not take: `--symptom pain-on-stairs calf-swelling`), and the catalogue
// selection of its --protocol or --condition. Read leniently, in one pass, so that a red flag
// is found however wrong the rest of the command is.
void read_leniently(const std::vector<std::string>& args, plan_words& words) {
  std::optional<std::string> condition;
  std::optional<std::string> protocol;
  try {
    const auto description = plan_options();
    const auto parsed =
        po::command_line_parser(args).options(description).allow_unregistered().run();
    for (const auto& option : parsed.options) {
      if (option.string_key == "symptom" || option.string_key.empty() || option.unregistered) {
        auto& found = words.symptom_words;
        found.insert(found.end(), option.value.begin(), option.value.end());
        if (option.unregistered) {
          found.insert(found.end(), option.original_tokens.begin(), option.original_tokens.end());
        }
      } else if (option.value.size() == 1) {
        if (option.string_key == "condition") condition = option.value.front();
        if (option.string_key == "protocol") protocol = option.value.front();
      }
    }
  } catch (const po::error&) {
    // The options do not even parse: every word that is not an option may be a symptom, and
    // the whole catalogue is needed.
    words.symptom_words.clear();
    for (const auto& word : args) {
      if (word.rfind('-', 0) != 0) words.symptom_words.push_back(word);
    }
    return;
  }
  if (protocol) {
    words.selection = catalogue_selection::protocol(*protocol);
  } else if (condition) {
    words.selection = catalogue_selection::condition(*condition);
  }
}

// The age a red flag is screened at: --age when it is a valid age, else the oldest, so that an
// age-gated red flag (the Ottawa rule) is never lost to a mistyped age.
int age_for_screening(const std::vector<std::string>& args) {
  constexpr int unknown_age = std::numeric_limits<int>::max();
  int age = default_age;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view text;
    if (args[i] == "--age" && i + 1 < args.size()) {
      text = args[i + 1];
    } else if (args[i].rfind("--age=", 0) == 0) {
      text = std::string_view(args[i]).substr(6);
    } else {
      continue;
    }
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), age);
    if (ec != std::errc() || ptr != text.data() + text.size() || age < limits.min_age ||
        age > limits.max_age) {
      return unknown_age;
    }
  }
  return age;
}

po::variables_map parse_plan_options(const std::vector<std::string>& args) {
  return parse_command_options(
      "plan", args, plan_options(),
      "; accepted: options with one value each (--run-days mon,wed,fri; --symptom A --symptom B)");
}

// -o FILE: never the catalogue the plan was made from (docs/robustness.md, "Output files").
void write_output_file(const std::string& file, std::string_view bytes,
                       const global_options& global) {
  output_file_options options;
  options.never_overwrite.push_back({global.db, "the catalogue database (--db)"});
  write_file_atomically(file, bytes, options);
}

int print_referral(const referral& r) {
  std::cerr << fmt::format("STOP: no plan. {}\n{}\n", r.title, r.message);
  return red_flag;
}

}  // namespace

std::string plan_command_help() {
  std::ostringstream text;
  text << "Usage: kneerehab plan (--condition ID | --protocol ID) --start YYYY-MM-DD [options]\n\n"
          "Plans rehabilitation and return to running, week by week. Distances and pace are in\n"
          "--units (km by default); JSON is always in km. Exit code 3 and a referral instead of\n"
          "a plan when a red-flag symptom is reported.\n\n"
       << plan_options();
  return text.str();
}

int run_plan_command(const std::vector<std::string>& args, const global_options& global) {
  const auto words = read_plan_words(args);
  plan_catalogue cat(global.db, words.selection);
  if (const auto referred = refer_on_red_flag(words, cat)) return *referred;
  return plan_on_catalogue(args, global, cat);
}

int plan_on_catalogue(const std::vector<std::string>& args, const global_options& global,
                      plan_catalogue& cat) {
  const auto vm = parse_plan_options(args);
  const auto request = parse_request(vm, global.units);
  const auto format = parse_format(vm["format"].as<std::string>());
  const auto outcome = make_plan(cat.for_request(request), request);
  if (const auto* r = std::get_if<referral>(&outcome)) return print_referral(*r);
  const auto bytes = render(std::get<plan>(outcome), format, render_options{global.units});
  if (vm.count("output")) {
    write_output_file(vm["output"].as<std::string>(), bytes, global);
  } else {
    std::cout << bytes;
  }
  return ok;
}

plan_words read_plan_words(const std::vector<std::string>& args) {
  plan_words words;
  read_leniently(args, words);
  words.screening_age = age_for_screening(args);
  return words;
}

std::optional<int> refer_on_red_flag(const plan_words& words, plan_catalogue& cat) {
  if (words.symptom_words.empty()) return std::nullopt;
  try {
    const catalogue& screened = cat.for_screening();
    std::vector<std::string> known;
    for (const auto& word : words.symptom_words) {
      if (screened.find_symptom(word) != nullptr) known.push_back(word);
    }
    if (const auto r = screen_symptoms(screened, known, words.screening_age)) {
      return print_referral(*r);
    }
  } catch (const error&) {
    // No catalogue, no recognised red flag: the command reports its own errors in order.
  }
  return std::nullopt;
}

}  // namespace kneerehab::cli
