-- A consultation a Widerspruch appended points to the decision it re-hears (for the rehearing deadline and its overrun).
ALTER TABLE consultations ADD COLUMN objected_consultation_id INTEGER NULL REFERENCES consultations (id);
