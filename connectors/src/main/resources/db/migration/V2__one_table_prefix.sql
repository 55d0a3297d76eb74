-- One prefix for all of Trainflow's tables: tf_ (rows are kept, ALTER TABLE ... RENAME TO runs on H2 and PostgreSQL).
ALTER TABLE trainflow_oauth_token RENAME TO tf_oauth_token;
ALTER TABLE trainflow_scim_training RENAME TO tf_scim_training;
ALTER TABLE trainflow_scim_skill RENAME TO tf_scim_skill;
