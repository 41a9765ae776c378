#pragma once
/// \file error.hpp
/// The one exception type of the library and the kinds of failure it reports.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kneerehab/core/diagnostics.hpp"

namespace kneerehab {

/// What kind of failure an error reports. The CLI maps these to exit codes
/// (invalid_input, not_found, invalid_protocol -> 2; io, database, invalid_catalogue -> 1).
enum class errc {
  invalid_input,      ///< a value given by the caller is out of range or malformed
  not_found,          ///< an id that names nothing in the catalogue
  invalid_protocol,   ///< a protocol (file or content) breaks a rule
  invalid_catalogue,  ///< catalogue content breaks an invariant
  database,           ///< the catalogue database is missing, not SQLite, of another version...
  io,                 ///< reading or writing a file failed
};

/// Returns a stable lower-case name for the code ("invalid_input", ...).
std::string_view to_string(errc code) noexcept;

/// The exception every library function throws for a failure it can describe.
/// Messages say what was wrong, where, and what is accepted. An error about input that can
/// hold several problems at once (a catalogue, a protocol file) carries every one of them as
/// diagnostics(); what() is then a one-line summary: the first problem and how many more.
class error : public std::runtime_error {
 public:
  error(errc code, const std::string& message);
  /// what() is summarize(diagnostics).
  error(errc code, std::vector<diagnostic> diagnostics);
  /// An explicit what(), e.g. naming the database the diagnostics were found in.
  error(errc code, const std::string& message, std::vector<diagnostic> diagnostics);

  [[nodiscard]] errc code() const noexcept { return code_; }
  /// Every problem found, in the order found; empty for errors that are not about input.
  [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept;

  static error invalid_input(const std::string& message);
  static error not_found(const std::string& message);
  static error invalid_protocol(const std::string& message);
  static error invalid_catalogue(const std::string& message);
  static error database(const std::string& message);
  static error io(const std::string& message);

 private:
  errc code_;
  std::shared_ptr<const std::vector<diagnostic>> diagnostics_;  // shared: copying never throws
};

/// "first problem" or "first problem (and N more problems)", each as describe(d, with_file).
std::string summarize(const std::vector<diagnostic>& diagnostics, bool with_file = true);

}  // namespace kneerehab
