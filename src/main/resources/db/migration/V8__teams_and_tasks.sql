-- Accounts can be disabled (they keep their history but can neither sign in nor be given work).
ALTER TABLE staff_account ADD COLUMN disabled_at timestamptz;

-- Named groups of staff (data-centre operations, network vendor, GPKI operations, ...).
CREATE TABLE team (
    key        text        PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_ko    text        NOT NULL,
    name_en    text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

CREATE TABLE team_member (
    team_key text        NOT NULL REFERENCES team (key),
    username text        NOT NULL REFERENCES staff_account (username),
    added_at timestamptz NOT NULL,
    PRIMARY KEY (team_key, username)
);
CREATE INDEX team_member_username ON team_member (username);

-- Work on an incident, for a person and/or a team.
CREATE TABLE task (
    id                 bigserial PRIMARY KEY,
    incident_number    text        NOT NULL REFERENCES incident (number),
    title              text        NOT NULL,
    description        text,
    assignee           text        REFERENCES staff_account (username),
    team_key           text        REFERENCES team (key),
    priority           text        NOT NULL CHECK (priority IN ('P1', 'P2', 'P3')),
    due_at             timestamptz,
    status             text        NOT NULL CHECK (status IN ('open', 'in_progress', 'blocked', 'done', 'cancelled')),
    reason             text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    overdue_flagged_at timestamptz,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK (assignee IS NOT NULL OR team_key IS NOT NULL)
);
CREATE INDEX task_incident ON task (incident_number, id);
CREATE INDEX task_assignee_open ON task (assignee) WHERE status IN ('open', 'in_progress', 'blocked');
CREATE INDEX task_due_open ON task (due_at) WHERE status IN ('open', 'in_progress', 'blocked');
