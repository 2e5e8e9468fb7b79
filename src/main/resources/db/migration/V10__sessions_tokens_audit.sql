-- Console sign-in sessions, kept in PostgreSQL so that any replica can serve any request (no
-- sticky sessions). The cookie holds a random value; only its SHA-256 is stored.
CREATE TABLE staff_session (
    id_hash      text PRIMARY KEY,
    username     text NOT NULL,
    break_glass  boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    origin       text,
    user_agent   text,
    ended_at     timestamptz,
    ended_reason text
);
CREATE INDEX staff_session_username ON staff_session (username) WHERE ended_at IS NULL;
CREATE INDEX staff_session_break_glass ON staff_session (last_seen_at) WHERE break_glass AND ended_at IS NULL;

-- Per-account bearer tokens for API clients. Only the SHA-256 of the token is stored; the
-- prefix is shown in listings so that people can tell their tokens apart.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES staff_account (id),
    name         text NOT NULL,
    token_hash   text NOT NULL UNIQUE,
    prefix       text NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);
CREATE INDEX api_token_account ON api_token (account_id);

-- Failed sign-in attempts per account ('account:<name>') and per address ('address:<ip>'):
-- after a number of failures each further one doubles the wait before the next attempt.
CREATE TABLE sign_in_throttle (
    key             text PRIMARY KEY,
    failures        integer NOT NULL,
    last_failure_at timestamptz NOT NULL,
    blocked_until   timestamptz
);

-- Where a staff action came from (the client's address), covered by the entry's hash. Entries
-- without an origin hash exactly as before, so existing chains stay valid.
ALTER TABLE timeline_entry ADD COLUMN origin text;

CREATE FUNCTION timeline_entry_link(
        prev text, seq bigint, at timestamptz, incident text, actor text, type text, audience text, data jsonb,
        origin text)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN origin IS NULL
        THEN timeline_entry_link(prev, seq, at, incident, actor, type, audience, data)
        ELSE encode(sha256(convert_to(concat_ws(E'\x1f',
            prev,
            seq::text,
            (extract(epoch FROM at) * 1000000)::bigint::text,
            CASE WHEN incident IS NULL THEN '-' ELSE '+' || incident END,
            actor,
            type,
            audience,
            data::text,
            '@' || origin), 'UTF8')), 'hex')
    END
$$;

CREATE OR REPLACE FUNCTION timeline_entry_assign_seq() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev text;
BEGIN
    SELECT last_seq + 1, last_hash INTO NEW.seq, prev FROM timeline_counter WHERE id = 1 FOR UPDATE;
    NEW.hash := timeline_entry_link(prev, NEW.seq, NEW.at, NEW.incident, NEW.actor, NEW.type, NEW.audience, NEW.data,
        NEW.origin);
    UPDATE timeline_counter SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END $$;
