-- Why a campaign's request ended without training (e.g. already requested) and the request it links to.
ALTER TABLE tf_outcome ADD COLUMN IF NOT EXISTS reason VARCHAR(2000);
ALTER TABLE tf_outcome ADD COLUMN IF NOT EXISTS linked VARCHAR(2000);
