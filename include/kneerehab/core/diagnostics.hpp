#pragma once
/// \file diagnostics.hpp
/// One problem found in a catalogue, a protocol file or another input, as a value: what is
/// wrong, where, and what is accepted. Readers and the validator collect every problem they
/// can find and throw them together in one kneerehab::error (see error.hpp).

#include <string>
#include <string_view>

namespace kneerehab {

/// How bad a diagnostic is: an error stops the load; a warning is reported and the load goes on.
enum class diagnostic_severity { error, warning };

/// "error" or "warning".
std::string_view to_string(diagnostic_severity severity) noexcept;

/// Where a problem is written. `file` may be set without a line (a database: the row is named by
/// the diagnostic's item); line and column are 1-based, 0 when unknown.
struct source_position {
  std::string file;
  int line = 0;
  int column = 0;
  friend bool operator==(const source_position&, const source_position&) = default;
};

/// One problem. Stable codes, for programs and tests:
/// "unknown-id" (a reference to nothing), "duplicate-id", "bad-id" (not kebab-case),
/// "out-of-range", "min-above-max", "bad-enum" (a name outside a closed set),
/// "duplicate-key"... see docs/catalogue-format.md for the full list.
struct diagnostic {
  diagnostic_severity severity = diagnostic_severity::error;
  std::string code;       ///< e.g. "out-of-range"
  std::string item;       ///< e.g. "protocol 'x', phase 'y'" or "table 'exercises', row id='z'";
                          ///< empty when the position and the message say where
  std::string field;      ///< e.g. "min_weeks" (a TOML key or an SQL column); may be empty
  source_position where;  ///< file, line and column when known
  std::string message;    ///< what is wrong, e.g. "sets is 0"
  std::string hint;       ///< what is accepted or nearest ids, e.g. "accepted: 1 to 10"
  friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// The diagnostic as one line in the style of compilers, leaving out the parts that are
/// unknown: "file:line:col: error: item: message (hint)", e.g.
/// "broken.db: error: table 'conditions', row id='x': timeline mild is -1 to 4 weeks
/// (accepted: 0 <= min <= max)".
std::string format_diagnostic(const diagnostic& d);

/// The diagnostic as a sentence for an exception message, "file:line:col: item: message; hint"
/// (again without the unknown parts); `with_file` false leaves the file out.
std::string describe(const diagnostic& d, bool with_file = true);

}  // namespace kneerehab
