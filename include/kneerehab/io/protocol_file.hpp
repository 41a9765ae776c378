#pragma once
/// \file protocol_file.hpp
/// Therapists' protocol and exercise files: the catalogue's TOML format for one protocol or one
/// exercise, plus who wrote it (docs/protocol-files.md). Read, check against a catalogue, and
/// write them back byte for byte.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/provenance.hpp"

namespace kneerehab {

/// A protocol as a file holds it.
struct protocol_file {
  protocol content;
  provenance about;
};

/// An exercise as a file holds it.
struct exercise_file {
  exercise content;
  provenance about;
};

/// Larger files are refused before they are read (a protocol file is a few kilobytes; the
/// largest built-in one is under 20 KB): error(errc::invalid_input).
inline constexpr std::uintmax_t max_item_file_bytes = 1024 * 1024;

/// Reads `path` and checks it against `base` (the catalogue, with the clinic's items, it will
/// join; a protocol of the same id is replaced): every problem at once, each with
/// file:line:column, thrown as one error(errc::invalid_protocol) whose diagnostics() list them:
/// TOML syntax, unknown keys, wrong types, missing fields, ids that name nothing (with the
/// nearest ids), phases out of order, min weeks above max, dosages out of range, running rules
/// looser than docs/plan-rules.md, exercises a phase bars. Messages name the file by `path`.
/// A missing or unreadable file is error(errc::io); a file over max_item_file_bytes, or not a
/// regular file, error(errc::invalid_input).
protocol_file read_protocol_file(const std::filesystem::path& path, const catalogue& base);

/// As read_protocol_file, on text already read; `source_name` names it in messages.
protocol_file parse_protocol_file(std::string_view text, std::string_view source_name,
                                  const catalogue& base);

/// The file text of `p`: keys in the order of docs/protocol-files.md, every week-1 dosage
/// written out, progression steps as changes from the step before. Parsing it gives `p` back,
/// and writing that again gives the same bytes.
/// `cat` gives the exercises' default dosages (a text the default has is written only when the
/// prescription differs).
std::string protocol_file_text(const protocol& p, const provenance& about, const catalogue& cat);

/// As read_protocol_file, for an exercise file: its regression and progression must name
/// exercises of `base` (or the exercise it replaces there); see catalogue/overlay.hpp.
exercise_file read_exercise_file(const std::filesystem::path& path, const catalogue& base);
exercise_file parse_exercise_file(std::string_view text, std::string_view source_name,
                                  const catalogue& base);

/// The file text of `e`, as protocol_file_text.
std::string exercise_file_text(const exercise& e, const provenance& about);

}  // namespace kneerehab
