#pragma once
/// \file kneerehab.hpp
/// Umbrella header: the whole public API.

#include "kneerehab/catalogue.hpp"
#include "kneerehab/catalogue_text.hpp"
#include "kneerehab/condition.hpp"
#include "kneerehab/date.hpp"
#include "kneerehab/dosage.hpp"
#include "kneerehab/enum_names.hpp"
#include "kneerehab/error.hpp"
#include "kneerehab/exercise.hpp"
#include "kneerehab/output_file.hpp"
#include "kneerehab/pain.hpp"
#include "kneerehab/plan.hpp"
#include "kneerehab/planner.hpp"
#include "kneerehab/profile.hpp"
#include "kneerehab/protocol.hpp"
#include "kneerehab/red_flag.hpp"
#include "kneerehab/render.hpp"
#include "kneerehab/safety.hpp"
#include "kneerehab/units.hpp"
#include "kneerehab/version.hpp"
