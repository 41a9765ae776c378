// Writing protocol and exercise files (docs/protocol-files.md). The text is canonical: the
// same item always gives the same bytes, and parsing the text gives the item back, so export,
// import and export again is byte-identical. Written by hand rather than with toml++'s
// formatter so that keys keep the documented order a therapist reads them in.
#include <fmt/format.h>

#include <string>
#include <type_traits>

#include "kneerehab/io/protocol_file.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "model/fields.hpp"

namespace kneerehab {
namespace {

using detail::presence;

// A TOML basic string: quotes, backslashes and control characters escaped; other UTF-8 as is.
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// The shortest text that reads back as the same double, always with a decimal point so that
// TOML reads a float.
std::string number(double x) {
  auto text = fmt::format("{}", x);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

template <typename T>
std::string value_text(const T& v) {
  if constexpr (std::is_same_v<T, int>) {
    return fmt::format("{}", v);
  } else if constexpr (std::is_same_v<T, double>) {
    return number(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    return v ? "true" : "false";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return quote(v);
  } else if constexpr (std::is_enum_v<T>) {
    return quote(to_string(v));
  } else {
    static_assert(std::is_same_v<T, std::optional<int>> ||
                  std::is_same_v<T, std::optional<std::string>>);
    return value_text(*v);
  }
}

// "key = value" for each field; optional texts left empty and absent optionals are left out
// (they read back as the same empty value).
template <typename Struct, std::size_t N>
std::vector<std::string> assignments(const std::array<detail::field<Struct>, N>& fields,
                                     const Struct& value) {
  std::vector<std::string> out;
  detail::for_each_field(fields, value, [&](const auto& fd, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (detail::is_optional_v<T>) {
      if (!v) return;
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (v.empty() && fd.use != presence::required) return;
    }
    out.push_back(fmt::format("{} = {}", fd.key, value_text(v)));
  });
  return out;
}

void lines(std::string& out, const std::vector<std::string>& items) {
  for (const auto& item : items) out += item + "\n";
}

// `key = [...]`: on one line when short, else one string a line.
std::string list(std::string_view key, const std::vector<std::string>& items) {
  std::string one_line;
  for (const auto& item : items) one_line += (one_line.empty() ? "" : ", ") + quote(item);
  if (key.size() + one_line.size() + 5 <= 100) return fmt::format("{} = [{}]", key, one_line);
  std::string out = fmt::format("{} = [\n", key);
  for (const auto& item : items) out += "  " + quote(item) + ",\n";
  return out + "]";
}

template <typename Struct, std::size_t N>
void write_lists(std::string& out, const std::array<detail::list_field<Struct>, N>& lists,
                 const Struct& value) {
  for (const auto& l : lists) {
    if (!(value.*(l.member)).empty()) out += list(l.key, value.*(l.member)) + "\n";
  }
}

void write_provenance(std::string& out, const provenance& about) {
  out += fmt::format("author = {}\nversion = {}\n", quote(about.author), quote(about.version));
  if (!about.change_note.empty())
    out += fmt::format("change_note = {}\n", quote(about.change_note));
}

// Week 1: every number written, so that the dose never depends on the exercise's default;
// a text only when it differs from the default it would otherwise inherit.
std::vector<std::string> dose_assignments(const dosage& dose, const dosage& inherited) {
  std::vector<std::string> out;
  detail::for_each_field(detail::dosage_fields, dose, [&](const auto& fd, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, std::string>) {
      if (v == inherited.*std::get<std::string dosage::*>(fd.member)) return;
    }
    out.push_back(fmt::format("{} = {}", fd.key, value_text(v)));
  });
  return out;
}

// A progression step: its week and what changes from the step before.
std::string step_text(const dosage_step& step, const dosage& previous) {
  std::string out = fmt::format("{{ week = {}", step.week);
  detail::for_each_field(detail::dosage_fields, step.dose, [&](const auto& fd, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (std::is_same_v<T, int>) {
      if (v == previous.*std::get<int dosage::*>(fd.member)) return;
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (v == previous.*std::get<std::string dosage::*>(fd.member)) return;
    }
    out += fmt::format(", {} = {}", fd.key, value_text(v));
  });
  return out + " }";
}

void write_prescription(std::string& out, const prescription& p, const catalogue& cat) {
  const auto* e = cat.find_exercise(p.exercise_id);
  const dosage inherited = e != nullptr ? e->default_dosage : dosage{};
  out += "\n[[phase.exercise]]\n";
  out += fmt::format("id = {}\n", quote(p.exercise_id));
  lines(out, dose_assignments(p.dose, inherited));
  if (!p.note.empty()) out += fmt::format("note = {}\n", quote(p.note));
  if (p.progression.empty()) return;
  out += "progression = [\n";
  const dosage* previous = &p.dose;
  for (const auto& step : p.progression) {
    out += "  " + step_text(step, *previous) + ",\n";
    previous = &step.dose;
  }
  out += "]\n";
}

std::string inline_table(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return "{ " + out + " }";
}

void write_phase(std::string& out, const phase& ph, const catalogue& cat) {
  out += "\n[[phase]]\n";
  lines(out, assignments(detail::phase_fields, ph));
  write_lists(out, detail::phase_lists, ph);
  out += fmt::format("running = {}\n",
                     inline_table(assignments(detail::running_rule_fields, ph.running)));
  for (const auto& c : ph.entry_criteria) {
    out += "\n[[phase.criteria]]\n";
    lines(out, assignments(detail::criterion_fields, c));
  }
  for (const auto& p : ph.prescriptions) write_prescription(out, p, cat);
}

template <typename Struct, std::size_t N>
void write_table(std::string& out, std::string_view name,
                 const std::array<detail::field<Struct>, N>& fields, const Struct& value) {
  out += fmt::format("\n[{}]\n", name);
  lines(out, assignments(fields, value));
}

}  // namespace

std::string protocol_file_text(const protocol& p, const provenance& about, const catalogue& cat) {
  std::string out = "# kneerehab protocol file (docs/protocol-files.md)\n";
  lines(out, assignments(detail::protocol_fields, p));
  write_provenance(out, about);
  write_lists(out, detail::protocol_lists, p);
  write_table(out, "lengths", detail::length_rule_fields, p.lengths);
  write_table(out, "pain", detail::pain_rule_fields, p.pain);
  write_table(out, "load", detail::load_rule_fields, p.load);
  write_table(out, "sessions", detail::session_rule_fields, p.sessions);
  for (const auto& note : p.advice) {
    out += "\n[[advice]]\n";
    lines(out, assignments(detail::advice_fields, note));
  }
  for (const auto& ph : p.phases) write_phase(out, ph, cat);
  return out;
}

std::string exercise_file_text(const exercise& e, const provenance& about) {
  std::string out = "# kneerehab exercise file (docs/protocol-files.md)\n";
  lines(out, assignments(detail::exercise_fields, e));
  write_provenance(out, about);
  write_lists(out, detail::exercise_lists, e);
  out += "\n[dosage]\n";
  lines(out, dose_assignments(e.default_dosage, dosage{}));
  return out;
}

}  // namespace kneerehab
