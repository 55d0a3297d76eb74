-- The catalogue, budgets and Trainflow's groups, edited at run time (REST, import) instead of compiled in.
-- Lists are JSON text (TEXT runs on H2 and PostgreSQL alike); money is exact (DECIMAL).

CREATE TABLE tf_course (
    course_id VARCHAR(100) PRIMARY KEY,      -- the LMS course id
    title VARCHAR(500) NOT NULL,
    cost DECIMAL(14, 2) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    skill_ids TEXT NOT NULL,                 -- JSON array of HCM skill ids the course develops
    tags TEXT NOT NULL,                      -- JSON array of other names (aliases) matched against skill needs
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL);

CREATE TABLE tf_course_session (
    session_id VARCHAR(100) PRIMARY KEY,
    course_id VARCHAR(100) NOT NULL REFERENCES tf_course (course_id) ON DELETE CASCADE,
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seats INTEGER NOT NULL,
    seats_taken_elsewhere INTEGER NOT NULL,  -- seats booked outside Trainflow
    trainer VARCHAR(200),
    style VARCHAR(40));
CREATE INDEX tf_course_session_course ON tf_course_session (course_id);

CREATE TABLE tf_session_booking (
    session_id VARCHAR(100) NOT NULL REFERENCES tf_course_session (session_id) ON DELETE CASCADE,
    username VARCHAR(200) NOT NULL,
    reference VARCHAR(200),
    booked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, username));

CREATE TABLE tf_role (
    role_id VARCHAR(100) PRIMARY KEY,
    title VARCHAR(500) NOT NULL,
    job_title_ids TEXT NOT NULL,             -- JSON array of HCM job title ids holding the role
    required_skills TEXT NOT NULL);          -- JSON object: skill id to level 1..5

CREATE TABLE tf_budget (
    department_id VARCHAR(100) PRIMARY KEY,  -- the HCM sub-unit id
    allocated DECIMAL(14, 2) NOT NULL,
    spent DECIMAL(14, 2) NOT NULL,
    owner VARCHAR(200) NOT NULL,
    currency VARCHAR(3) NOT NULL);

CREATE TABLE tf_group_member (
    group_name VARCHAR(100) NOT NULL,        -- ld-team, hr-fallback, budget-owners, sme, admins, auditors, ...
    username VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_name, username));
CREATE INDEX tf_group_member_username ON tf_group_member (username);
