// Placeholder: the catalogue helper implements the invariants here.
#include "detail/catalogue_validate.hpp"

namespace kneerehab::detail {

void validate_catalogue(const catalogue_content&) {}

}  // namespace kneerehab::detail
