// libFuzzer target: the text of a protocol file (docs/protocol-files.md), read and checked
// against the shipped catalogue as `protocol validate` does. A kneerehab::error is the expected
// answer to a bad file. A file that passes must round-trip: its canonical text parses back to
// the same text (export, import, export again is byte-identical), and it is tried on the
// standard runners. Anything else (a crash, a sanitizer report, another exception, a round
// trip that differs) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "kneerehab/kneerehab.hpp"

namespace {

const kneerehab::catalogue& shipped() {
  static const auto cat = kneerehab::open_catalogue(KNEEREHAB_SHIPPED_DB_PATH);
  return cat;
}

void check_round_trip(const kneerehab::protocol_file& file) {
  const auto joined = kneerehab::overlay(shipped(), {{}, {file.content}});
  const auto text = kneerehab::protocol_file_text(file.content, file.about, joined);
  const auto again = kneerehab::parse_protocol_file(text, "round-trip.toml", shipped());
  if (kneerehab::protocol_file_text(again.content, again.about, joined) != text) {
    std::cerr << "protocol file text does not round-trip:\n" << text;
    std::abort();
  }
  (void)kneerehab::trial_protocol(joined, file.content.id, kneerehab::date::from_ymd(2026, 1, 5));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kneerehab::max_item_file_bytes) return 0;  // refused before parsing, by size
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check_round_trip(kneerehab::parse_protocol_file(text, "fuzz.toml", shipped()));
  } catch (const kneerehab::error&) {
  }
  return 0;
}
