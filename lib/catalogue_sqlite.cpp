// Placeholder: implemented in its own commit.
#include "kneerehab/catalogue.hpp"
