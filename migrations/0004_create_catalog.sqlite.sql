-- The catalogue: universities and their programmes, generic course types, careers with salary
-- bands, skills, recruiters and career paths, and the factors learners compare on.
-- Factors are rows, not columns: an admin adds one without a schema change. A factor's values
-- live in university_factor_values or programme_factor_values (by the factor's scope), typed by
-- the factor: numbers and booleans (0/1) in number_value, grades, enums and text in text_value.
-- A few factors are derived from an entity's own fields (derived_from names the field).
-- Lists (modes, specialisations, grade levels) are '|'-separated text.
CREATE TABLE factors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  factor_group TEXT NOT NULL
    CHECK (factor_group IN ('recognition', 'fees', 'learning', 'outcomes', 'support')),
  value_type TEXT NOT NULL CHECK (value_type IN ('number', 'boolean', 'grade', 'enum', 'text')),
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('higher_better', 'lower_better', 'none')),
  scope TEXT NOT NULL CHECK (scope IN ('university', 'programme')),
  levels TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  derived_from TEXT,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE universities (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  short_name TEXT,
  state TEXT,
  city TEXT,
  institution_type TEXT CHECK (institution_type IN
    ('central', 'state', 'deemed', 'private', 'institute_of_national_importance')),
  year_established INTEGER CHECK (year_established BETWEEN 1000 AND 3000),
  website TEXT,
  modes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  updated_at TEXT NOT NULL
);
CREATE INDEX universities_state ON universities (state);

CREATE TABLE courses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  level TEXT NOT NULL CHECK (level IN ('UG', 'PG', 'diploma')),
  mode TEXT NOT NULL,
  fee_min_inr INTEGER CHECK (fee_min_inr >= 0),
  fee_max_inr INTEGER CHECK (fee_max_inr >= fee_min_inr),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

CREATE TABLE careers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 120),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  summary TEXT NOT NULL DEFAULT '',
  onet_soc_code TEXT,
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

-- Salary per experience band, in rupees a year, with where the figure comes from.
CREATE TABLE salary_bands (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  band TEXT NOT NULL CHECK (length(band) BETWEEN 1 AND 100),
  years_min INTEGER NOT NULL CHECK (years_min >= 0),
  years_max INTEGER CHECK (years_max >= years_min),
  salary_inr INTEGER NOT NULL CHECK (salary_inr >= 0),
  source TEXT NOT NULL,
  year INTEGER NOT NULL,
  UNIQUE (career_id, band)
);

CREATE TABLE skills (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('technical', 'soft')),
  specification TEXT NOT NULL DEFAULT ''
);

CREATE TABLE career_skills (
  career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
  PRIMARY KEY (career_id, skill_id)
);
CREATE INDEX career_skills_skill_id ON career_skills (skill_id);

CREATE TABLE career_paths (
  from_career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  to_career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  PRIMARY KEY (from_career_id, to_career_id),
  CHECK (from_career_id <> to_career_id)
);
CREATE INDEX career_paths_to ON career_paths (to_career_id);

CREATE TABLE recruiters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE career_recruiters (
  career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  recruiter_id INTEGER NOT NULL REFERENCES recruiters (id) ON DELETE CASCADE,
  PRIMARY KEY (career_id, recruiter_id)
);
CREATE INDEX career_recruiters_recruiter_id ON career_recruiters (recruiter_id);

CREATE TABLE programmes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 160),
  university_id INTEGER NOT NULL REFERENCES universities (id) ON DELETE CASCADE,
  course_id INTEGER REFERENCES courses (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  level TEXT NOT NULL CHECK (level IN ('UG', 'PG', 'diploma')),
  discipline TEXT,
  duration_months INTEGER CHECK (duration_months BETWEEN 1 AND 120),
  fee_total_inr INTEGER CHECK (fee_total_inr >= 0),
  fee_per_semester_inr INTEGER CHECK (fee_per_semester_inr >= 0),
  emi_from_inr INTEGER CHECK (emi_from_inr >= 0),
  mode TEXT NOT NULL CHECK (mode IN ('online', 'distance', 'hybrid', 'campus')),
  exam_mode TEXT CHECK (exam_mode IN ('online', 'centre', 'hybrid')),
  eligibility TEXT,
  specialisations TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  updated_at TEXT NOT NULL
);
CREATE INDEX programmes_university_id ON programmes (university_id);
CREATE INDEX programmes_course_id ON programmes (course_id);
CREATE INDEX programmes_mode_fee ON programmes (mode, fee_total_inr);

CREATE TABLE programme_careers (
  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  career_id INTEGER NOT NULL REFERENCES careers (id) ON DELETE CASCADE,
  PRIMARY KEY (programme_id, career_id)
);
CREATE INDEX programme_careers_career_id ON programme_careers (career_id);

-- A value is checkable: where it comes from (source_url) and when someone last checked it
-- (verified_on, YYYY-MM-DD). qualifier says what the value is about (an academic year, a
-- ranking category).
CREATE TABLE university_factor_values (
  university_id INTEGER NOT NULL REFERENCES universities (id) ON DELETE CASCADE,
  factor_id INTEGER NOT NULL REFERENCES factors (id) ON DELETE CASCADE,
  number_value REAL,
  text_value TEXT,
  qualifier TEXT,
  source_url TEXT,
  verified_on TEXT,
  PRIMARY KEY (university_id, factor_id),
  CHECK ((number_value IS NULL) <> (text_value IS NULL))
);
CREATE INDEX university_factor_values_factor_id ON university_factor_values (factor_id);

CREATE TABLE programme_factor_values (
  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
  factor_id INTEGER NOT NULL REFERENCES factors (id) ON DELETE CASCADE,
  number_value REAL,
  text_value TEXT,
  qualifier TEXT,
  source_url TEXT,
  verified_on TEXT,
  PRIMARY KEY (programme_id, factor_id),
  CHECK ((number_value IS NULL) <> (text_value IS NULL))
);
CREATE INDEX programme_factor_values_factor_id ON programme_factor_values (factor_id);

-- Bumped by every catalogue write, in the writer's transaction: an instance whose snapshot is
-- older than this reloads it.
CREATE TABLE catalog_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);
