-- Work one node of a cluster does at a time (README "Several nodes"): a named lease per kind of work.
CREATE TABLE IF NOT EXISTS tf_cluster_lock (
    name VARCHAR(64) PRIMARY KEY, owner VARCHAR(300) NOT NULL, locked_until TIMESTAMP WITH TIME ZONE NOT NULL);
