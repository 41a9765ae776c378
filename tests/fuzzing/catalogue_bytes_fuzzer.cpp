// libFuzzer target: the bytes of a catalogue database. Each input is written to a scratch file
// and opened as a catalogue; when it opens, every protocol is planned for a standard runner.
// A kneerehab::error is the expected answer to a bad file; anything else (a crash, a sanitizer
// report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "kneerehab/kneerehab.hpp"
#include "support/scratch_dir.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& scratch_file() {
  static const kneerehab::testing::scratch_dir dir;
  static const fs::path path = dir.path() / "catalogue.db";
  return path;
}

void plan_every_protocol(const kneerehab::catalogue& cat) {
  for (const auto& proto : cat.protocols()) {
    kneerehab::plan_request request;
    request.protocol_id = proto.id;
    request.profile.start = kneerehab::date::from_ymd(2026, 11, 23);
    request.today = request.profile.start;
    request.profile.baseline = kneerehab::distance::from_km(30);
    request.profile.current = kneerehab::distance::from_km(10);
    try {
      const auto outcome = kneerehab::make_plan(cat, request);
      if (const auto* p = std::get_if<kneerehab::plan>(&outcome)) {
        (void)kneerehab::render_json(*p);
        // The handouts read the catalogue too (exercise pages, phase goals).
        kneerehab::render_options options{kneerehab::unit_system::mi};
        options.exercises = &cat;
        for (const auto format :
             {kneerehab::output_format::text, kneerehab::output_format::markdown,
              kneerehab::output_format::html, kneerehab::output_format::csv}) {
          (void)kneerehab::render(*p, format, options);
        }
      }
    } catch (const kneerehab::error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const auto cat = kneerehab::open_catalogue(scratch_file());
    plan_every_protocol(cat);
  } catch (const kneerehab::error&) {
  }
  return 0;
}
