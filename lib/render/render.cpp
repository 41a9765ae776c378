// Output formats by name, and the one entry point that dispatches on them.
#include "kneerehab/render/render.hpp"

namespace kneerehab {

std::string_view to_string(output_format format) noexcept {
  switch (format) {
    case output_format::text:
      return "text";
    case output_format::markdown:
      return "markdown";
    case output_format::html:
      return "html";
    case output_format::csv:
      return "csv";
    case output_format::json:
      return "json";
    case output_format::ics:
      return "ics";
    case output_format::fhir:
      return "fhir";
  }
  return "unknown";
}

std::optional<output_format> parse_output_format(std::string_view text) noexcept {
  if (text == "text") return output_format::text;
  if (text == "markdown") return output_format::markdown;
  if (text == "html") return output_format::html;
  if (text == "csv") return output_format::csv;
  if (text == "json") return output_format::json;
  if (text == "ics") return output_format::ics;
  if (text == "fhir") return output_format::fhir;
  return std::nullopt;
}

std::string render(const plan& p, output_format format, const render_options& options) {
  switch (format) {
    case output_format::text:
      return render_text(p, options);
    case output_format::markdown:
      return render_markdown(p, options);
    case output_format::html:
      return render_html(p, options);
    case output_format::csv:
      return render_csv(p, options);
    case output_format::json:
      return render_json(p);  // JSON distances are always kilometres
    case output_format::ics:
      return render_ics(p, options);
    case output_format::fhir:
      return render_fhir(p, options);  // FHIR quantities are kilometres too
  }
  return render_text(p, options);
}

std::string render(const referral& r, output_format format) {
  switch (format) {
    case output_format::text:
    case output_format::markdown:  // the words read as Markdown too
      return render_text(r);
    case output_format::json:
      return render_json(r);
    case output_format::html:
    case output_format::csv:
    case output_format::ics:
    case output_format::fhir:
      return {};
  }
  return render_text(r);
}

std::string render_text(const referral& r) {
  std::string out = "STOP: no plan. ";
  out += r.title;
  out += '\n';
  out += r.message;
  out += '\n';
  return out;
}

}  // namespace kneerehab
