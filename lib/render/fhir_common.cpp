// Shared FHIR R4 JSON pieces (render/fhir_common.hpp).
#include "render/fhir_common.hpp"

#include <cmath>

namespace kneerehab::detail::fhir {

void coding(json_writer& j, std::string_view system, std::string_view code,
            std::string_view display) {
  j.begin_object();
  j.member("system", system);
  j.member("code", code);
  if (!display.empty()) j.member("display", display);
  j.end_object();
}

void exercise_therapy_coding(json_writer& j) {
  coding(j, snomed, exercise_therapy_code, exercise_therapy_display);
}

namespace {
void quantity(json_writer& j, std::string_view key, double value, std::string_view unit) {
  j.key(key);
  j.begin_object();
  j.member("value", value);
  j.member("unit", unit);
  j.member("system", ucum);
  j.member("code", unit);
  j.end_object();
}
}  // namespace

void km_quantity(json_writer& j, std::string_view key, double km) {
  quantity(j, key, rounded(km, 2), "km");
}

void weeks_quantity(json_writer& j, std::string_view key, int weeks) {
  j.key(key);
  j.begin_object();
  j.member("value", weeks);
  j.member("unit", "wk");
  j.member("system", ucum);
  j.member("code", "wk");
  j.end_object();
}

std::string computable_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (out.empty() || !(out.front() >= 'A' && out.front() <= 'Z')) out.insert(0, "K");
  return out;
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0.0 ? 0.0 : r;
}

}  // namespace kneerehab::detail::fhir
