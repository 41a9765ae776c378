#include "kneerehab/core/error.hpp"

#include <fmt/format.h>

#include <utility>

namespace kneerehab {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::invalid_input:
      return "invalid_input";
    case errc::not_found:
      return "not_found";
    case errc::invalid_protocol:
      return "invalid_protocol";
    case errc::invalid_catalogue:
      return "invalid_catalogue";
    case errc::database:
      return "database";
    case errc::io:
      return "io";
  }
  return "unknown";
}

std::string_view to_string(diagnostic_severity severity) noexcept {
  switch (severity) {
    case diagnostic_severity::error:
      return "error";
    case diagnostic_severity::warning:
      return "warning";
  }
  return "error";
}

namespace {

std::string position_prefix(const source_position& where) {
  if (where.file.empty()) return {};
  if (where.line <= 0) return where.file + ": ";
  if (where.column <= 0) return fmt::format("{}:{}: ", where.file, where.line);
  return fmt::format("{}:{}:{}: ", where.file, where.line, where.column);
}

std::string item_prefix(const diagnostic& d) { return d.item.empty() ? "" : d.item + ": "; }

}  // namespace

std::string format_diagnostic(const diagnostic& d) {
  return fmt::format("{}{}: {}{}{}", position_prefix(d.where), to_string(d.severity),
                     item_prefix(d), d.message, d.hint.empty() ? "" : " (" + d.hint + ")");
}

std::string describe(const diagnostic& d, bool with_file) {
  return fmt::format("{}{}{}{}", with_file ? position_prefix(d.where) : "", item_prefix(d),
                     d.message, d.hint.empty() ? "" : "; " + d.hint);
}

std::string summarize(const std::vector<diagnostic>& diagnostics, bool with_file) {
  if (diagnostics.empty()) return "no problems";
  auto text = describe(diagnostics.front(), with_file);
  if (diagnostics.size() > 1) {
    text += fmt::format(" (and {} more problem{})", diagnostics.size() - 1,
                        diagnostics.size() == 2 ? "" : "s");
  }
  return text;
}

error::error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}

error::error(errc code, std::vector<diagnostic> diagnostics)
    : std::runtime_error(summarize(diagnostics)),
      code_(code),
      diagnostics_(std::make_shared<const std::vector<diagnostic>>(std::move(diagnostics))) {}

error::error(errc code, const std::string& message, std::vector<diagnostic> diagnostics)
    : std::runtime_error(message),
      code_(code),
      diagnostics_(std::make_shared<const std::vector<diagnostic>>(std::move(diagnostics))) {}

const std::vector<diagnostic>& error::diagnostics() const noexcept {
  static const std::vector<diagnostic> none;
  return diagnostics_ ? *diagnostics_ : none;
}

error error::invalid_input(const std::string& message) { return {errc::invalid_input, message}; }
error error::not_found(const std::string& message) { return {errc::not_found, message}; }
error error::invalid_protocol(const std::string& message) {
  return {errc::invalid_protocol, message};
}
error error::invalid_catalogue(const std::string& message) {
  return {errc::invalid_catalogue, message};
}
error error::database(const std::string& message) { return {errc::database, message}; }
error error::io(const std::string& message) { return {errc::io, message}; }

}  // namespace kneerehab
