#pragma once
/// \file provenance.hpp
/// Who wrote a protocol or an exercise, which version it is and why it changed, and whether it
/// is built in or the clinic's own (docs/protocol-files.md).

#include <string>
#include <string_view>

namespace kneerehab {

/// The author, version and change note a protocol or exercise file records. Built-in items
/// export with author "kneerehab" and the release version (builtin_provenance()).
struct provenance {
  std::string author;       ///< e.g. "A. Therapist, Riverside Physio"
  std::string version;      ///< free text chosen by the author, e.g. "2" or "2026-11"
  std::string change_note;  ///< what changed from the version before; may be empty
  friend bool operator==(const provenance&, const provenance&) = default;
};

/// Where a catalogue item comes from, as `protocols` and `exercises` say it.
enum class item_origin {
  built_in,    ///< shipped in exercises.db
  custom,      ///< the clinic's own, with an id the shipped catalogue does not have
  customised,  ///< the clinic's version of a built-in item, shadowing it
};

/// One protocol or exercise of a catalogue with a clinic's items over it: where it comes from
/// and who wrote it.
struct catalogue_item_source {
  std::string id;
  item_origin origin = item_origin::built_in;
  provenance about;
};

/// "built in", "custom", "customised".
std::string_view to_string(item_origin origin) noexcept;

/// author "kneerehab", version the library version, change note "shipped with kneerehab X".
provenance builtin_provenance();

}  // namespace kneerehab
