-- Trainflow's own tables exactly as release 0.1 created them ad hoc (CREATE TABLE IF NOT EXISTS in each store).
-- IF NOT EXISTS on purpose: a database made by that release already holds some of them (only the stores it
-- used made theirs), so this migration runs after a baseline at version 0 and creates just the missing ones.
-- Runs on H2 and PostgreSQL alike. Flowable's ACT_* tables are Flowable's own and not managed here.

CREATE TABLE IF NOT EXISTS TF_STEP_EFFECT (EFFECT_KEY VARCHAR(400) PRIMARY KEY,
    STATE VARCHAR(8) NOT NULL, OUTCOME TEXT, UPDATED_AT TIMESTAMP WITH TIME ZONE NOT NULL);

CREATE TABLE IF NOT EXISTS tf_access_audit (
    id VARCHAR(36) PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(200) NOT NULL,
    action VARCHAR(64) NOT NULL, subject VARCHAR(200), address VARCHAR(64));
CREATE INDEX IF NOT EXISTS tf_access_audit_at ON tf_access_audit (at);

CREATE TABLE IF NOT EXISTS tf_api_key (
    id VARCHAR(36) PRIMARY KEY, key_hash VARCHAR(64) NOT NULL UNIQUE, name VARCHAR(100) NOT NULL,
    username VARCHAR(200) NOT NULL, scopes VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, created_by VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE, last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE);

CREATE TABLE IF NOT EXISTS tf_ai_course_vector (
    embedder VARCHAR(100) NOT NULL, catalogue_version VARCHAR(64) NOT NULL,
    content_key VARCHAR(64) NOT NULL, vector TEXT NOT NULL,
    PRIMARY KEY (embedder, catalogue_version, content_key));

CREATE TABLE IF NOT EXISTS tf_moodle_completion_check (
    username VARCHAR(100) NOT NULL PRIMARY KEY, checked_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS tf_moodle_course_completed (
    username VARCHAR(100) NOT NULL, course_id BIGINT NOT NULL, PRIMARY KEY (username, course_id));

CREATE TABLE IF NOT EXISTS tf_sample_state (
    state_key VARCHAR(100) PRIMARY KEY, state_json TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS tf_outcome (
    programme_id VARCHAR(200) NOT NULL, request_id VARCHAR(200) NOT NULL,
    employee_id VARCHAR(100), status VARCHAR(40),
    reaction_json TEXT, learning_json TEXT, follow_ups_json TEXT,
    last_review_rating DOUBLE PRECISION, review_after DOUBLE PRECISION,
    recorded_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (programme_id, request_id));

CREATE TABLE IF NOT EXISTS tf_delegation (
    id VARCHAR(64) PRIMARY KEY, approver VARCHAR(200) NOT NULL, deputy VARCHAR(200) NOT NULL,
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL, valid_to TIMESTAMP WITH TIME ZONE NOT NULL,
    reason VARCHAR(1000));
CREATE INDEX IF NOT EXISTS tf_delegation_approver ON tf_delegation (approver);

CREATE TABLE IF NOT EXISTS trainflow_oauth_token (
    connection_key VARCHAR(500) PRIMARY KEY,
    access_token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL);

CREATE TABLE IF NOT EXISTS trainflow_scim_training (employee_id VARCHAR(200) NOT NULL,
    name VARCHAR(500) NOT NULL, record_number VARCHAR(500), issued_date DATE, expiry_date DATE,
    PRIMARY KEY (employee_id, name));
CREATE TABLE IF NOT EXISTS trainflow_scim_skill (employee_id VARCHAR(200) NOT NULL,
    skill_id VARCHAR(200) NOT NULL, skill_name VARCHAR(500), years INTEGER, comments TEXT,
    PRIMARY KEY (employee_id, skill_id));
