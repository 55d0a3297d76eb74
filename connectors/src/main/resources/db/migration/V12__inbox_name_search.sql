-- The web inbox's search by employee (README "The inbox"): for each open task, the learner's name and id normalised
-- (accents removed, lower case, one space between words) from each word on, so "Élodie Martin 1042" is found by
-- "elodie", "mart" or "1042" through an index on the words' starts instead of reading every task of the person.
CREATE TABLE IF NOT EXISTS tf_inbox_name (
    task_id VARCHAR(64) NOT NULL, tail VARCHAR(700) NOT NULL, PRIMARY KEY (task_id, tail));
CREATE INDEX IF NOT EXISTS tf_inbox_name_tail ON tf_inbox_name (tail, task_id);
-- tasks already open: their names are written again by the next start's back-fill
DELETE FROM tf_inbox_fact;
DELETE FROM tf_inbox_excluded;
