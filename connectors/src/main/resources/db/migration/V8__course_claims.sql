-- One open request per employee and course (issue 10): which open request holds each of an employee's courses,
-- and one row per employee that the check-and-claim locks, so two requests of one employee checked at the same
-- moment, on any node, take turns.
CREATE TABLE IF NOT EXISTS tf_employee_lock (
    employee_id VARCHAR(64) PRIMARY KEY, locked_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE IF NOT EXISTS tf_course_claim (
    employee_id VARCHAR(64) NOT NULL, course_id VARCHAR(200) NOT NULL, request_id VARCHAR(64) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (employee_id, course_id));
