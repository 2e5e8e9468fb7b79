-- Anchored evidence: the hash chain alone convinces only those who kept an old hash, since
-- someone with the database's highest rights can rewrite an entry and recompute every link after
-- it. A checkpoint is the hash of the entry at seq, signed (Ed25519) with a key that is not in
-- the database, and published outside it (checkpoints.json, the static mirror, exports). Such a
-- rewrite then no longer matches the checkpoints after it.
--
-- Checkpoints are not timeline entries: taking one starts no delivery and no re-render. Each
-- names the checkpoint before it (previous_seq, signed too), so a checkpoint deleted from the
-- middle or the start is found. One per seq: the primary key keeps a second replica from
-- writing the same one, beside the advisory lock the writer takes.
CREATE TABLE timeline_checkpoint (
    seq          bigint      PRIMARY KEY,
    hash         text        NOT NULL,
    at           timestamptz NOT NULL,
    previous_seq bigint      NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('schedule', 'resolution')),
    incident     text,
    key_id       text        NOT NULL,
    signature    text        NOT NULL
);

CREATE FUNCTION timeline_checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline_checkpoint is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER timeline_checkpoint_no_update BEFORE UPDATE OR DELETE ON timeline_checkpoint
    FOR EACH ROW EXECUTE FUNCTION timeline_checkpoint_refuse_change();
CREATE TRIGGER timeline_checkpoint_no_truncate BEFORE TRUNCATE ON timeline_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION timeline_checkpoint_refuse_change();
