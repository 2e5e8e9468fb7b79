-- The public status page rebuilds 90 days of per-component history from the effective-status
-- entries; find them by type and time without scanning the whole log.
CREATE INDEX timeline_entry_type_at ON timeline_entry (type, at);
