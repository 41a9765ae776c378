#include "kneerehab/model/provenance.hpp"

#include "kneerehab/core/version.hpp"

namespace kneerehab {

std::string_view to_string(item_origin origin) noexcept {
  switch (origin) {
    case item_origin::built_in:
      return "built in";
    case item_origin::custom:
      return "custom";
    case item_origin::customised:
      return "customised";
  }
  return "built in";
}

provenance builtin_provenance() {
  return {"kneerehab", std::string(version), "shipped with kneerehab " + std::string(version)};
}

}  // namespace kneerehab
