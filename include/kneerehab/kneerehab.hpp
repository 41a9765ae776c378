#pragma once
/// \file kneerehab.hpp
/// Umbrella header: the whole public API. The rooms and the one-way rule between them are
/// described in docs/architecture.md.

// core: errors, ids, version
#include "kneerehab/core/diagnostics.hpp"
#include "kneerehab/core/error.hpp"
#include "kneerehab/core/ids.hpp"
#include "kneerehab/core/version.hpp"
// model: value types
#include "kneerehab/model/condition.hpp"
#include "kneerehab/model/date.hpp"
#include "kneerehab/model/dosage.hpp"
#include "kneerehab/model/enum_names.hpp"
#include "kneerehab/model/exercise.hpp"
#include "kneerehab/model/pain.hpp"
#include "kneerehab/model/protocol.hpp"
#include "kneerehab/model/provenance.hpp"
#include "kneerehab/model/red_flag.hpp"
#include "kneerehab/model/units.hpp"
// catalogue: the validated, immutable catalogue
#include "kneerehab/catalogue/catalogue.hpp"
#include "kneerehab/catalogue/overlay.hpp"
#include "kneerehab/catalogue/protocol_diff.hpp"
// plan: profile, limits, plan, notices, planner, safety gate, the plan audit
#include "kneerehab/plan/audit.hpp"
#include "kneerehab/plan/plan.hpp"
#include "kneerehab/plan/plan_notice.hpp"
#include "kneerehab/plan/planner.hpp"
#include "kneerehab/plan/profile.hpp"
#include "kneerehab/plan/protocol_trial.hpp"
#include "kneerehab/plan/request_limits.hpp"
#include "kneerehab/plan/safety.hpp"
#include "kneerehab/plan/session_note.hpp"
#include "kneerehab/plan/session_time.hpp"
#include "kneerehab/plan/training_state.hpp"
// io: databases, text sources, files
#include "kneerehab/io/catalogue_database.hpp"
#include "kneerehab/io/catalogue_sources.hpp"
#include "kneerehab/io/clinic_database.hpp"
#include "kneerehab/io/output_file.hpp"
#include "kneerehab/io/protocol_file.hpp"
// render: every output format
#include "kneerehab/render/catalogue_text.hpp"
#include "kneerehab/render/criterion_text.hpp"
#include "kneerehab/render/handout.hpp"
#include "kneerehab/render/notice_text.hpp"
#include "kneerehab/render/protocol_fhir.hpp"
#include "kneerehab/render/render.hpp"
