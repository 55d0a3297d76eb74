-- The web inbox's facts (README "The web inbox"): what the list shows and filters by, one row per open user task,
-- written by the engine adapter in the engine's own transaction as a task is created and as the variables it
-- is read from change; the list is one indexed query joining them to the engine's task table.
CREATE TABLE IF NOT EXISTS tf_inbox_fact (
    task_id VARCHAR(64) PRIMARY KEY, process_instance_id VARCHAR(64),
    request_id VARCHAR(200), employee_id VARCHAR(200), requested_by VARCHAR(200),
    employee_name VARCHAR(400), employee_search VARCHAR(700), job_title VARCHAR(400), role_id VARCHAR(200),
    department VARCHAR(200), manager_username VARCHAR(200), campaign VARCHAR(200),
    decision BOOLEAN NOT NULL, level VARCHAR(64), path_cost DOUBLE PRECISION, on_behalf_of VARCHAR(200),
    follow_up TIMESTAMP WITH TIME ZONE, form_id VARCHAR(200));
CREATE INDEX IF NOT EXISTS tf_inbox_fact_instance ON tf_inbox_fact (process_instance_id);
CREATE INDEX IF NOT EXISTS tf_inbox_fact_department ON tf_inbox_fact (department);
CREATE INDEX IF NOT EXISTS tf_inbox_fact_campaign ON tf_inbox_fact (campaign);
-- who separation of duties keeps away from the task (requester, learner, deciders of another level)
CREATE TABLE IF NOT EXISTS tf_inbox_excluded (
    task_id VARCHAR(64) NOT NULL, username VARCHAR(200) NOT NULL, PRIMARY KEY (task_id, username));
