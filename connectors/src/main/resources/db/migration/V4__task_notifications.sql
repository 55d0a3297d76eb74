-- The task-notification outbox (README "Notifications"): written in the task's own transaction, sent by one
-- dispatcher at a time. IF NOT EXISTS: a database the notification branch ran on before this migration has it.
CREATE TABLE IF NOT EXISTS tf_notification (
    id VARCHAR(36) PRIMARY KEY, dedup_key VARCHAR(400) NOT NULL, kind VARCHAR(16) NOT NULL,
    recipient VARCHAR(200) NOT NULL, task_id VARCHAR(64), task_name VARCHAR(400),
    request_id VARCHAR(200), learner VARCHAR(400), created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state VARCHAR(16) NOT NULL, digest_id VARCHAR(36), lms_state VARCHAR(16), mail_state VARCHAR(16),
    sent_at TIMESTAMP WITH TIME ZONE, CONSTRAINT tf_notification_key UNIQUE (dedup_key));
CREATE INDEX IF NOT EXISTS tf_notification_state ON tf_notification (state, recipient);
