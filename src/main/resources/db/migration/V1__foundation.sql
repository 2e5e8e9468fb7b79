-- Foundation: staff accounts, the service catalog with its dependencies, and the append-only timeline.

CREATE TABLE staff_account (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{1,62}$'),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    demo          boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL
);

CREATE TABLE staff_account_role (
    account_id bigint NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    role       text   NOT NULL CHECK (role IN ('admin', 'commander', 'responder', 'communicator', 'viewer')),
    PRIMARY KEY (account_id, role)
);

CREATE TABLE component (
    id                bigserial PRIMARY KEY,
    key               text        NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(key) <= 64),
    name_ko           text        NOT NULL,
    name_en           text,
    group_ko          text        NOT NULL,
    group_en          text,
    kind              text        NOT NULL CHECK (kind IN ('PUBLIC_SERVICE', 'STAFF_SYSTEM', 'SHARED_INFRASTRUCTURE')),
    tier              integer     NOT NULL CHECK (tier BETWEEN 1 AND 4),
    is_public         boolean     NOT NULL,
    description_ko    text,
    description_en    text,
    alternatives      jsonb       NOT NULL DEFAULT '[]'::jsonb,
    status            text        NOT NULL CHECK (status IN ('operational', 'degraded_performance', 'partial_outage',
                                                             'major_outage', 'under_maintenance')),
    status_changed_at timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);

-- "downstream depends on upstream"
CREATE TABLE component_dependency (
    downstream_id bigint      NOT NULL REFERENCES component (id),
    upstream_id   bigint      NOT NULL REFERENCES component (id),
    kind          text        NOT NULL CHECK (kind IN ('REQUIRED', 'DEGRADES')),
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (downstream_id, upstream_id),
    CHECK (downstream_id <> upstream_id)
);
CREATE INDEX component_dependency_upstream ON component_dependency (upstream_id);

-- Bumped by every catalog change in the same transaction, so any replica can tell whether its
-- in-memory copy of the catalog is current with one indexed read.
-- writer identifies the transaction that made the revision, so the replica that made it can use
-- the snapshot it already built instead of reading the catalog back.
CREATE TABLE catalog_revision (
    id       integer PRIMARY KEY CHECK (id = 1),
    revision bigint  NOT NULL,
    writer   uuid
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 0);

-- Numbers handed out per prefix and year (INC-2023-0017, MNT-2023-0003): the row stays locked
-- until commit, so numbers follow commit order and a refused request uses none up.
CREATE TABLE yearly_number (
    prefix text    NOT NULL,
    year   integer NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- The append-only log. seq is handed out from a single counter row whose lock is held until
-- commit, so seq order is commit order and has no gaps: a reader that has seen seq N will never
-- later find an entry below N. (A plain sequence hands out numbers at insert time, so a later
-- number can commit first.)
CREATE TABLE timeline_counter (
    id       integer PRIMARY KEY CHECK (id = 1),
    last_seq bigint  NOT NULL
);
INSERT INTO timeline_counter VALUES (1, 0);

CREATE TABLE timeline_entry (
    seq      bigint      PRIMARY KEY,
    at       timestamptz NOT NULL,
    incident text,
    actor    text        NOT NULL,
    type     text        NOT NULL,
    audience text        NOT NULL CHECK (audience IN ('PUBLIC', 'STAFF')),
    data     jsonb       NOT NULL
);
CREATE INDEX timeline_entry_incident ON timeline_entry (incident, seq) WHERE incident IS NOT NULL;

CREATE FUNCTION timeline_entry_assign_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE timeline_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq INTO NEW.seq;
    RETURN NEW;
END $$;

CREATE TRIGGER timeline_entry_seq BEFORE INSERT ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_assign_seq();

-- NOTIFY is delivered only when the transaction commits.
CREATE FUNCTION timeline_entry_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bonbu_timeline', NEW.seq::text);
    RETURN NULL;
END $$;

CREATE TRIGGER timeline_entry_notify AFTER INSERT ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_notify();

CREATE FUNCTION timeline_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'timeline_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER timeline_entry_no_update BEFORE UPDATE OR DELETE ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_refuse_change();
CREATE TRIGGER timeline_entry_no_truncate BEFORE TRUNCATE ON timeline_entry
    FOR EACH STATEMENT EXECUTE FUNCTION timeline_entry_refuse_change();
