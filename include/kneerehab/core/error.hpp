#pragma once
/// \file error.hpp
/// The one exception type of the library and the kinds of failure it reports.

#include <stdexcept>
#include <string>
#include <string_view>

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
/// Messages say what was wrong, where, and what is accepted.
class error : public std::runtime_error {
 public:
  error(errc code, const std::string& message);

  [[nodiscard]] errc code() const noexcept { return code_; }

  static error invalid_input(const std::string& message);
  static error not_found(const std::string& message);
  static error invalid_protocol(const std::string& message);
  static error invalid_catalogue(const std::string& message);
  static error database(const std::string& message);
  static error io(const std::string& message);

 private:
  errc code_;
};

}  // namespace kneerehab
