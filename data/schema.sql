-- Schema of exercises.db, the shipped catalogue: version 1.3, stored as
-- PRAGMA user_version = 1003 (major * 1000 + minor; see docs/catalogue-format.md).
-- Generated from data/catalogue/*.toml by `kneerehab-catalogue compile`; the C++ model is in
-- include/kneerehab/*.hpp and the rules in docs/catalogue-format.md. The constraints here back
-- up the invariants the library checks when it loads the file. Foreign keys are deferred so
-- that rows can be inserted in any order inside the one writing transaction. `position`
-- columns (1-based) keep the order of lists and of items as the sources give them.

CREATE TABLE red_flags (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  name TEXT NOT NULL CHECK (name <> ''),
  why TEXT NOT NULL CHECK (why <> ''),
  action TEXT NOT NULL CHECK (action <> ''),
  source TEXT NOT NULL
) STRICT;

CREATE TABLE symptoms (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  description TEXT NOT NULL CHECK (description <> ''),
  red_flag_id TEXT REFERENCES red_flags(id) DEFERRABLE INITIALLY DEFERRED,
  min_age INTEGER CHECK (min_age IS NULL OR min_age BETWEEN 0 AND 120)
) STRICT;

CREATE TABLE ladders (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  name TEXT NOT NULL CHECK (name <> ''),
  source TEXT NOT NULL
) STRICT;

CREATE TABLE ladder_steps (
  ladder_id TEXT NOT NULL REFERENCES ladders(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  walk_s INTEGER NOT NULL CHECK (walk_s >= 0),
  run_s INTEGER NOT NULL CHECK (run_s > 0),
  repeats INTEGER NOT NULL CHECK (repeats >= 1),
  PRIMARY KEY (ladder_id, position)
) STRICT;

CREATE TABLE exercises (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  name TEXT NOT NULL CHECK (name <> ''),
  category TEXT NOT NULL CHECK (category IN ('strength', 'isometric', 'eccentric', 'stretch',
                                             'mobility', 'balance', 'plyometric', 'cardio')),
  load_level TEXT NOT NULL CHECK (load_level IN ('low', 'moderate', 'high')),
  side TEXT NOT NULL CHECK (side IN ('bilateral', 'unilateral', 'alternating')),
  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
  reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
  hold_s INTEGER NOT NULL CHECK (hold_s BETWEEN 0 AND 600),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 180),
  tempo TEXT NOT NULL,
  dose_load TEXT NOT NULL,
  sessions_per_week INTEGER NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 14),
  regression_id TEXT REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  progression_id TEXT REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  CHECK (reps > 0 OR hold_s > 0 OR minutes > 0),
  CHECK (regression_id IS NULL OR regression_id <> id),
  CHECK (progression_id IS NULL OR progression_id <> id)
) STRICT;

-- Target muscles, e.g. "gluteus maximus".
CREATE TABLE exercise_muscles (
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
) STRICT;

-- Equipment needed; no rows = none.
CREATE TABLE exercise_equipment (
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
) STRICT;

-- Ordered steps.
CREATE TABLE exercise_instructions (
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
) STRICT;

-- Coaching cues.
CREATE TABLE exercise_cues (
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
) STRICT;

-- When not to do the exercise (plain text).
CREATE TABLE exercise_contraindications (
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (exercise_id, position)
) STRICT;

CREATE TABLE conditions (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  name TEXT NOT NULL CHECK (name <> ''),
  region TEXT NOT NULL CHECK (region IN ('posterior', 'anterior', 'medial', 'lateral',
                                         'whole-knee')),
  description TEXT NOT NULL,
  presentation TEXT NOT NULL,
  mild_min_weeks INTEGER NOT NULL CHECK (mild_min_weeks >= 0),
  mild_max_weeks INTEGER NOT NULL CHECK (mild_max_weeks >= mild_min_weeks),
  moderate_min_weeks INTEGER NOT NULL CHECK (moderate_min_weeks >= 0),
  moderate_max_weeks INTEGER NOT NULL CHECK (moderate_max_weeks >= moderate_min_weeks),
  severe_min_weeks INTEGER NOT NULL CHECK (severe_min_weeks >= 0),
  severe_max_weeks INTEGER NOT NULL CHECK (severe_max_weeks >= severe_min_weeks),
  protocol_id TEXT REFERENCES protocols(id) DEFERRABLE INITIALLY DEFERRED,
  referral_only INTEGER NOT NULL CHECK (referral_only IN (0, 1)),
  referral TEXT NOT NULL,
  -- Since 1.2 (a 1.0 or 1.1 file has none of these columns: the reader uses the defaults).
  traumatic INTEGER NOT NULL CHECK (traumatic IN (0, 1)),
  refer_min_prior_injuries INTEGER
    CHECK (refer_min_prior_injuries IS NULL OR refer_min_prior_injuries BETWEEN 1 AND 20),
  typical_age_min INTEGER CHECK (typical_age_min IS NULL OR typical_age_min BETWEEN 0 AND 120),
  typical_age_max INTEGER CHECK (typical_age_max IS NULL OR typical_age_max BETWEEN 0 AND 120),
  CHECK ((typical_age_min IS NULL AND typical_age_max IS NULL) OR
         (typical_age_min IS NOT NULL AND typical_age_max IS NOT NULL AND
          typical_age_min <= typical_age_max)),
  -- A referral-only condition has no protocol and says why and to whom; the others have one.
  CHECK ((referral_only = 1 AND protocol_id IS NULL AND referral <> '') OR
         (referral_only = 0 AND protocol_id IS NOT NULL))
) STRICT;

-- Activities that make the condition worse.
CREATE TABLE condition_aggravating (
  condition_id TEXT NOT NULL REFERENCES conditions(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (condition_id, position)
) STRICT;

-- Red flags to screen for.
CREATE TABLE condition_red_flags (
  condition_id TEXT NOT NULL REFERENCES conditions(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  red_flag_id TEXT NOT NULL REFERENCES red_flags(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (condition_id, position)
) STRICT;

-- Published sources.
CREATE TABLE condition_sources (
  condition_id TEXT NOT NULL REFERENCES conditions(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (condition_id, position)
) STRICT;

CREATE TABLE protocols (
  id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  name TEXT NOT NULL CHECK (name <> ''),
  condition_id TEXT NOT NULL REFERENCES conditions(id) DEFERRABLE INITIALLY DEFERRED,
  summary TEXT NOT NULL,
  length_mild REAL NOT NULL CHECK (length_mild BETWEEN 0 AND 1),
  length_moderate REAL NOT NULL CHECK (length_moderate BETWEEN 0 AND 1),
  length_severe REAL NOT NULL CHECK (length_severe BETWEEN 0 AND 1),
  length_older_age INTEGER NOT NULL CHECK (length_older_age BETWEEN 18 AND 100),
  length_older_extra_weeks INTEGER NOT NULL CHECK (length_older_extra_weeks BETWEEN 0 AND 8),
  length_prior_injury_extra_weeks INTEGER NOT NULL
    CHECK (length_prior_injury_extra_weeks BETWEEN 0 AND 8),
  pain_progress_max INTEGER NOT NULL CHECK (pain_progress_max >= 0),
  pain_hold_max INTEGER NOT NULL CHECK (pain_hold_max > pain_progress_max AND pain_hold_max <= 10),
  -- Since 1.2.
  pain_refer_min INTEGER NOT NULL CHECK (pain_refer_min > pain_hold_max AND pain_refer_min <= 10),
  load_weekly_increase REAL NOT NULL CHECK (load_weekly_increase BETWEEN 0.05 AND 0.20),
  load_cautious_weekly_increase REAL NOT NULL
    CHECK (load_cautious_weekly_increase > 0 AND
           load_cautious_weekly_increase <= load_weekly_increase),
  load_older_age INTEGER NOT NULL CHECK (load_older_age BETWEEN 18 AND 100),
  load_spike_ratio REAL NOT NULL CHECK (load_spike_ratio BETWEEN 1.0 AND 1.3),
  load_deload_every INTEGER NOT NULL CHECK (load_deload_every BETWEEN 3 AND 4),
  load_deload_cut REAL NOT NULL CHECK (load_deload_cut BETWEEN 0.20 AND 0.30),
  load_long_run_share REAL NOT NULL CHECK (load_long_run_share BETWEEN 0.2 AND 0.5),
  load_max_runs_per_week INTEGER NOT NULL CHECK (load_max_runs_per_week BETWEEN 2 AND 6),
  load_max_ladder_steps_per_week INTEGER NOT NULL
    CHECK (load_max_ladder_steps_per_week BETWEEN 1 AND 2),
  load_min_sessions_per_step INTEGER NOT NULL CHECK (load_min_sessions_per_step BETWEEN 2 AND 6),
  load_warn_increase REAL NOT NULL CHECK (load_warn_increase BETWEEN 0.05 AND 1.0),
  -- Since 1.3.
  session_max_exercises INTEGER NOT NULL CHECK (session_max_exercises BETWEEN 1 AND 12)
) STRICT;

-- Published sources.
CREATE TABLE protocol_sources (
  protocol_id TEXT NOT NULL REFERENCES protocols(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (protocol_id, position)
) STRICT;

-- General advice: warm-up, cool-down, icing, footwear, ...
CREATE TABLE protocol_advice (
  protocol_id TEXT NOT NULL REFERENCES protocols(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position >= 1),
  topic TEXT NOT NULL CHECK (topic IN ('warm-up', 'cool-down', 'icing', 'footwear', 'surfaces',
                                       'hydration', 'cadence', 'pain', 'load', 'general')),
  text TEXT NOT NULL CHECK (text <> ''),
  PRIMARY KEY (protocol_id, position)
) STRICT;

CREATE TABLE phases (
  protocol_id TEXT NOT NULL REFERENCES protocols(id) DEFERRABLE INITIALLY DEFERRED,
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
  id TEXT NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '*-' AND id NOT GLOB '*--*'),
  name TEXT NOT NULL CHECK (name <> ''),
  goal TEXT NOT NULL CHECK (goal <> ''),
  min_weeks INTEGER NOT NULL CHECK (min_weeks >= 1),
  max_weeks INTEGER NOT NULL CHECK (max_weeks >= min_weeks AND max_weeks <= 26),
  running_mode TEXT NOT NULL CHECK (running_mode IN ('none', 'walk-run', 'modified',
                                                     'continuous')),
  ladder_id TEXT REFERENCES ladders(id) DEFERRABLE INITIALLY DEFERRED,
  start_fraction REAL NOT NULL,
  max_surface TEXT NOT NULL CHECK (max_surface IN ('flat', 'road', 'trail')),
  hills INTEGER NOT NULL CHECK (hills IN (0, 1)),
  speed INTEGER NOT NULL CHECK (speed IN (0, 1)),
  CHECK (running_mode <> 'walk-run' OR ladder_id IS NOT NULL),
  CHECK (running_mode NOT IN ('modified', 'continuous') OR
         (start_fraction > 0 AND start_fraction <= 1)),
  PRIMARY KEY (protocol_id, id),
  UNIQUE (protocol_id, position)
) STRICT;

-- Objective entry criteria; none for a protocol's first phase.
CREATE TABLE phase_criteria (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  measure TEXT NOT NULL CHECK (measure <> ''),
  op TEXT NOT NULL CHECK (op IN ('<=', '>=', '==', '<', '>')),
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  text TEXT NOT NULL CHECK (text <> ''),
  source TEXT NOT NULL,
  PRIMARY KEY (protocol_id, phase_id, position),
  FOREIGN KEY (protocol_id, phase_id) REFERENCES phases(protocol_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Exercise prescriptions; the dosage is the phase's week 1.
CREATE TABLE prescriptions (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
  reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
  hold_s INTEGER NOT NULL CHECK (hold_s BETWEEN 0 AND 600),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 180),
  tempo TEXT NOT NULL,
  dose_load TEXT NOT NULL,
  sessions_per_week INTEGER NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 14),
  note TEXT NOT NULL,
  CHECK (reps > 0 OR hold_s > 0 OR minutes > 0),
  PRIMARY KEY (protocol_id, phase_id, position),
  FOREIGN KEY (protocol_id, phase_id) REFERENCES phases(protocol_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- From `week` of the phase on, the prescription uses this dosage.
CREATE TABLE prescription_steps (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  prescription_position INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  week INTEGER NOT NULL CHECK (week BETWEEN 2 AND 26),
  sets INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
  reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 100),
  hold_s INTEGER NOT NULL CHECK (hold_s BETWEEN 0 AND 600),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 180),
  tempo TEXT NOT NULL,
  dose_load TEXT NOT NULL,
  sessions_per_week INTEGER NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 14),
  CHECK (reps > 0 OR hold_s > 0 OR minutes > 0),
  PRIMARY KEY (protocol_id, phase_id, prescription_position, position),
  FOREIGN KEY (protocol_id, phase_id, prescription_position)
    REFERENCES prescriptions(protocol_id, phase_id, position) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Cross-training allowed, e.g. "stationary bike".
CREATE TABLE phase_cross_training (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (protocol_id, phase_id, position),
  FOREIGN KEY (protocol_id, phase_id) REFERENCES phases(protocol_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Phase-specific advice.
CREATE TABLE phase_advice (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  item TEXT NOT NULL,
  PRIMARY KEY (protocol_id, phase_id, position),
  FOREIGN KEY (protocol_id, phase_id) REFERENCES phases(protocol_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Exercises contraindicated in the phase.
CREATE TABLE phase_barred (
  protocol_id TEXT NOT NULL,
  phase_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 1),
  exercise_id TEXT NOT NULL REFERENCES exercises(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (protocol_id, phase_id, position),
  FOREIGN KEY (protocol_id, phase_id) REFERENCES phases(protocol_id, id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
