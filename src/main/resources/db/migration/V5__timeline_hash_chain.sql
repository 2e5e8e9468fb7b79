-- Tamper evidence: every timeline entry carries a SHA-256 hash over its own content and the hash
-- of the entry before it (a chain). The hash is computed here, in the same trigger that hands out
-- seq under the counter row's lock, so the chain follows commit order with no gaps. Changing any
-- stored entry (which the refusal triggers already forbid) breaks the link of that entry.

-- The text that is hashed: every column, joined by unit separators (jsonb escapes control
-- characters in its text, so data cannot contain one), the time
-- as microseconds since the epoch (independent of the session's time zone) and jsonb's own
-- normalised text.
CREATE FUNCTION timeline_entry_link(
        prev text, seq bigint, at timestamptz, incident text, actor text, type text, audience text, data jsonb)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        prev,
        seq::text,
        (extract(epoch FROM at) * 1000000)::bigint::text,
        CASE WHEN incident IS NULL THEN '-' ELSE '+' || incident END,
        actor,
        type,
        audience,
        data::text), 'UTF8')), 'hex')
$$;

ALTER TABLE timeline_counter
    ADD COLUMN last_hash text NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000';
ALTER TABLE timeline_entry ADD COLUMN hash text;

-- Entries written before this migration get their hashes now, in seq order.
ALTER TABLE timeline_entry DISABLE TRIGGER timeline_entry_no_update;
DO $$
DECLARE
    r record;
    prev text := '0000000000000000000000000000000000000000000000000000000000000000';
BEGIN
    FOR r IN SELECT * FROM timeline_entry ORDER BY seq LOOP
        prev := timeline_entry_link(prev, r.seq, r.at, r.incident, r.actor, r.type, r.audience, r.data);
        UPDATE timeline_entry SET hash = prev WHERE seq = r.seq;
    END LOOP;
    UPDATE timeline_counter SET last_hash = prev WHERE id = 1;
END $$;
ALTER TABLE timeline_entry ENABLE TRIGGER timeline_entry_no_update;
ALTER TABLE timeline_entry ALTER COLUMN hash SET NOT NULL;

CREATE OR REPLACE FUNCTION timeline_entry_assign_seq() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev text;
BEGIN
    SELECT last_seq + 1, last_hash INTO NEW.seq, prev FROM timeline_counter WHERE id = 1 FOR UPDATE;
    NEW.hash := timeline_entry_link(prev, NEW.seq, NEW.at, NEW.incident, NEW.actor, NEW.type, NEW.audience, NEW.data);
    UPDATE timeline_counter SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END $$;
