-- What the catalogue's ids are called in the systems Trainflow connects (issue 11: production data is not sample
-- data). Before this, a Moodle course and an external HCM's skills, job titles and departments were matched through
-- the sample organisation compiled into the jar; now they are the catalogue's, imported and edited with it.

-- the LMS course's shortname (Moodle finds the course by it); null: the course id is the shortname
ALTER TABLE tf_course ADD COLUMN lms_shortname VARCHAR(255);

-- the names an HCM shows for a catalogue skill, job title or department: the catalogue's own name (alias false, one
-- per id) and the administrator's other names for it (alias true); matched exactly, case-insensitively
CREATE TABLE tf_hcm_name (
    kind VARCHAR(20) NOT NULL,               -- skill, job-title, department
    catalogue_id VARCHAR(100) NOT NULL,      -- the id courses, roles and budgets use
    name VARCHAR(500) NOT NULL,
    alias BOOLEAN NOT NULL,
    PRIMARY KEY (kind, catalogue_id, name));
