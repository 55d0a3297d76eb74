-- LTI client-side postMessage storage (README "Inside Moodle (LTI 1.3)"): when the platform offers a storage frame
-- (lti_storage_target in the login request), the login's state is bound to a secret kept there instead of a cookie.
ALTER TABLE tf_lti_state ADD COLUMN storage_target VARCHAR(64);
ALTER TABLE tf_lti_state ADD COLUMN storage_hash VARCHAR(64);
