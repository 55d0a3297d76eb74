-- Trainflow as an LTI 1.3 tool (README "Inside Moodle (LTI 1.3)"): registered platforms and their deployments,
-- the tool's own key, launch states and used nonces, the Moodle account of each person, one-time registration links.
CREATE TABLE IF NOT EXISTS tf_lti_platform (
    id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT NULL, issuer VARCHAR(500) NOT NULL,
    client_id VARCHAR(200) NOT NULL, auth_login_url VARCHAR(1000) NOT NULL, token_url VARCHAR(1000),
    jwks_url VARCHAR(1000) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, created_by VARCHAR(200) NOT NULL,
    UNIQUE (issuer, client_id));
CREATE TABLE IF NOT EXISTS tf_lti_deployment (
    platform_id VARCHAR(36) NOT NULL, deployment_id VARCHAR(255) NOT NULL, PRIMARY KEY (platform_id, deployment_id));
CREATE TABLE IF NOT EXISTS tf_lti_state (
    state VARCHAR(64) PRIMARY KEY, nonce VARCHAR(64) NOT NULL, platform_id VARCHAR(36) NOT NULL,
    browser VARCHAR(64) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, used_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE IF NOT EXISTS tf_lti_nonce (nonce VARCHAR(255) PRIMARY KEY, used_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS tf_lti_account (
    platform_id VARCHAR(36) NOT NULL, sub VARCHAR(255) NOT NULL, username VARCHAR(200) NOT NULL,
    first_launch TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (platform_id, sub));
CREATE TABLE IF NOT EXISTS tf_lti_tool_key (
    slot VARCHAR(20) PRIMARY KEY, jwk VARCHAR(8000) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS tf_lti_registration_link (
    code_hash VARCHAR(64) PRIMARY KEY, created_by VARCHAR(200) NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE);
