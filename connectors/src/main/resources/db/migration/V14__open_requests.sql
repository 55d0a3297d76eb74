-- Who each running training request is for (README "One open request per course"): written by the engine adapter in
-- the engine's own transaction as the request's employeeId is set, deleted as the request ends, so a person's open
-- requests are one indexed lookup; the engine's own query scanned every running request for each step that checks.
CREATE TABLE IF NOT EXISTS tf_open_request (
    process_instance_id VARCHAR(64) PRIMARY KEY, employee_id VARCHAR(200) NOT NULL);
CREATE INDEX IF NOT EXISTS tf_open_request_employee ON tf_open_request (employee_id);
