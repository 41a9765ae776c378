// kneerehab plan: options -> plan_request -> make_plan -> render -> stdout or -o FILE.
#include <fmt/format.h>
#include <algorithm>
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
  const auto weeks_off_help = fmt::format(
      "weeks since you last ran your baseline volume, 0-{} (with --current 0; sets the "
      "restart volume: under 10 days about 90%, up to 4 weeks 50%, longer 33%)",
      lim.max_weeks_off);
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
      "weeks-off", po::value<std::string>(), weeks_off_help.c_str())(
      "target", po::value<std::string>(), "weekly volume to return to (default: baseline)")(
      "run-days", po::value<std::string>()->default_value("mon,wed,fri"),
      "days you can run, comma-separated: mon,tue,wed,thu,fri,sat,sun")(
      "pace", po::value<std::string>(), "easy pace MM:SS per km or mile (default 6:30 /km)")(
      "age", po::value<std::string>()->default_value(std::to_string(default_age)),
      age_help.c_str())("prior-injuries", po::value<std::string>()->default_value("0"),
                        prior_help.c_str())("pain", po::value<std::string>()->default_value("0"),
                                            "pain now in daily activity, 0-10")(
      "injury-date", po::value<std::string>(),
      "when the injury happened, YYYY-MM-DD (not after --today); after a recent injury of a "
      "traumatic condition, age 55 or over is referred for an X-ray (Ottawa knee rule)")(
      "surgery", po::bool_switch(),
      "the lesion was operated (cartilage): plans the condition's protocol for an operated "
      "lesion (cartilage-damage -> cartilage-repair-rehab)")(
      "symptom", po::value<std::vector<std::string>>()->composing(),
      "a symptom id (repeatable; see 'kneerehab red-flags')")("weeks", po::value<std::string>(),
                                                              weeks_help.c_str())(
      "format", po::value<std::string>()->default_value("text"),
      "text|markdown|html|csv|json|ics|fhir: a printable handout (text, Markdown, or HTML "
      "with print CSS), a CSV of every exercise and run, plan JSON, an iCalendar file (one "
      "all-day event per session) or an HL7 FHIR R4 CarePlan")(
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

// --injury-date: a calendar date; the library checks it is not after today.
date parse_injury_date(const po::variables_map& vm, date today) {
  const auto& text = vm["injury-date"].as<std::string>();
  const auto parsed = date::parse_iso(text);
  if (!parsed) {
    throw error::invalid_input(fmt::format(
        "--injury-date {} is not a valid date; accepted: a calendar date as YYYY-MM-DD from {} to "
        "today ({})",
        quoted_for_message(text), date::earliest().iso(), today.iso()));
  }
  return *parsed;
}

runner_profile parse_profile(const po::variables_map& vm, unit_system units, date today) {
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
  if (vm.count("weeks-off"))
    profile.weeks_off = parse_int(vm, "weeks-off", 0, limits.max_weeks_off);
  if (vm.count("symptom")) profile.symptoms = vm["symptom"].as<std::vector<std::string>>();
  if (vm.count("injury-date")) profile.injury_date = parse_injury_date(vm, today);
  profile.operated = vm["surgery"].as<bool>();
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
  const date today = vm.count("today") ? parse_date_option(vm, "today") : system_today();
  request.profile = parse_profile(vm, units, today);
  if (vm.count("weeks")) request.weeks = parse_int(vm, "weeks", limits.min_weeks, limits.max_weeks);
  request.units = units;
  request.today = today;
  return request;
}

output_format parse_format(const std::string& text) {
  const auto format = parse_output_format(text);
  if (format) return *format;
  throw error::invalid_input(
      fmt::format("--format {} is not valid; accepted: text, markdown, html, csv, json, ics, fhir",
                  quoted_for_message(text)));
}

// Every word of a plan command that may name a symptom (each --symptom value and each word
// the command does not take: `--symptom pain-on-stairs calf-swelling`), and the catalogue
// selection of its --protocol or --condition. Read leniently, in one pass, so that a red flag
// is found however wrong the rest of the command is.
// The value slot of `words` for an option the gate reads, or nullptr.
std::optional<std::string>* gate_value(plan_words& words, std::string_view option) {
  if (option == "condition") return &words.condition;
  if (option == "protocol") return &words.protocol;
  if (option == "pain") return &words.pain;
  if (option == "injury-date") return &words.injury_date;
  if (option == "start") return &words.start;
  if (option == "today") return &words.today;
  if (option == "format") return &words.format;
  return nullptr;
}

// When the options do not parse at all: `--name value` and `--name=value`, as typed.
void scan_gate_values(const std::vector<std::string>& args, plan_words& words) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view word = args[i];
    if (word == "-o" || word.rfind("--output", 0) == 0) words.output = true;
    if (word.rfind("--", 0) != 0) continue;
    const auto eq = word.find('=');
    const auto name =
        word.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
    auto* slot = gate_value(words, name);
    if (slot == nullptr) continue;
    if (eq != std::string_view::npos) {
      *slot = std::string(word.substr(eq + 1));
    } else if (i + 1 < args.size()) {
      *slot = args[i + 1];
    }
  }
}

void read_leniently(const std::vector<std::string>& args, plan_words& words) {
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
      } else if (option.string_key == "output") {
        words.output = true;
      } else if (option.value.size() == 1) {
        if (auto* slot = gate_value(words, option.string_key)) *slot = option.value.front();
      }
    }
  } catch (const po::error&) {
    // The options do not even parse: every word that is not an option may be a symptom, and
    // the whole catalogue is needed; the other values are taken as typed.
    words = plan_words{};
    for (const auto& word : args) {
      if (word.rfind('-', 0) != 0) words.symptom_words.push_back(word);
    }
    scan_gate_values(args, words);
    return;
  }
  // --surgery looks for the condition's other protocol: the condition's part is not enough.
  const bool surgery = std::find(args.begin(), args.end(), "--surgery") != args.end();
  if (words.protocol) {
    words.selection = catalogue_selection::protocol(*words.protocol);
  } else if (words.condition && !surgery) {
    words.selection = catalogue_selection::condition(*words.condition);
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

// The referral on stderr, for people; for --format json without -o, also the JSON referral on
// stdout, for programs. Never a file: -o is left alone (docs/robustness.md). iCalendar and FHIR
// have no referral document: nothing on stdout, so that no calendar or record system imports
// an empty plan (docs/exports.md).
int print_referral(const referral& r, bool json_to_stdout) {
  std::cerr << render_text(r);
  if (json_to_stdout) std::cout << render_json(r);
  return red_flag;
}

}  // namespace

std::string plan_command_help() {
  std::ostringstream text;
  text << "Usage: kneerehab plan (--condition ID | --protocol ID) --start YYYY-MM-DD [options]\n\n"
          "Plans rehabilitation and return to running, week by week. Distances and pace are in\n"
          "--units (km by default); JSON and FHIR are always in km. --format text (the default),\n"
          "markdown and html print a handout: a first page with the chart and every warning,\n"
          "a page per week, the exercise pages (html prints one week per page from a browser);\n"
          "--format csv writes one row per exercise or run (docs/handouts.md). --format ics writes "
          "an\n"
          "iCalendar file with one all-day event per session; --format fhir an HL7 FHIR R4\n"
          "CarePlan. Both are stamped with --today and identical for the same request.\n\n"
          "Exit code 3 and a referral instead of a plan (on stderr; with --format json and no\n"
          "-o, also as JSON on stdout; html, csv, ics and fhir print nothing on stdout) for a "
          "red-flag\n"
          "symptom, a referral-only condition, a recent --injury-date of a traumatic condition\n"
          "at age 55 or over (Ottawa knee rule), or --pain at the protocol's referral threshold\n"
          "(8 by default). A referral never writes the -o file.\n\n"
       << plan_options();
  return text.str();
}

int run_plan_command(const std::vector<std::string>& args, const global_options& global) {
  const auto words = read_plan_words(args);
  plan_catalogue cat(global.db, words.selection, global.clinic);
  if (const auto referred = refer_at_safety_gate(words, cat)) return *referred;
  return plan_on_catalogue(args, global, cat);
}

int plan_on_catalogue(const std::vector<std::string>& args, const global_options& global,
                      plan_catalogue& cat) {
  const auto vm = parse_plan_options(args);
  const auto request = parse_request(vm, global.units);
  const auto format = parse_format(vm["format"].as<std::string>());
  const auto outcome = make_plan(cat.for_request(request), request);
  if (const auto* r = std::get_if<referral>(&outcome)) {
    return print_referral(*r, format == output_format::json && !vm.count("output"));
  }
  auto planned = std::get<plan>(outcome);
  // A clinic's protocol is named with its author and version in every output.
  if (const auto& source = cat.protocol_source(planned.protocol_id);
      source.origin != item_origin::built_in) {
    planned.protocol_origin = std::string(to_string(source.origin));
    planned.protocol_author = source.about.author;
    planned.protocol_version = source.about.version;
  }
  // The request's today stamps the exports (DTSTAMP, CarePlan.created): never the clock.
  render_options options{global.units, request.today};
  options.exercises = &cat.for_request(request);  // the handouts' exercise page
  const auto bytes = render(planned, format, options);
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

std::optional<int> refer_at_safety_gate(const plan_words& words, plan_catalogue& cat) {
  // What the words say, as far as it can be read: a value that does not parse is left out.
  plan_request request;
  request.condition_id = words.condition.value_or("");
  request.protocol_id = words.protocol.value_or("");
  auto& profile = request.profile;
  profile.age = words.screening_age;
  if (words.pain) {
    int pain = 0;
    const auto& text = *words.pain;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), pain);
    if (ec == std::errc() && ptr == text.data() + text.size()) {
      if (const auto score = pain_score::checked(pain)) profile.pain = *score;
    }
  }
  const auto as_date = [](const std::optional<std::string>& text) -> std::optional<date> {
    return text ? date::parse_iso(*text) : std::nullopt;
  };
  profile.injury_date = as_date(words.injury_date);
  profile.start = as_date(words.start);
  request.today = words.today ? as_date(words.today) : std::optional<date>(system_today());
  try {
    const catalogue& screened = cat.for_screening();
    for (const auto& word : words.symptom_words) {
      if (screened.find_symptom(word) != nullptr) profile.symptoms.push_back(word);
    }
    if (const auto r = safety_gate(screened, request)) {
      return print_referral(*r, words.format == "json" && !words.output);
    }
  } catch (const error&) {
    // No catalogue, no referral: the command reports its own errors in order.
  }
  return std::nullopt;
}

}  // namespace kneerehab::cli
