-- The post-incident review of an incident, and the follow-up actions that outlive it.
CREATE TABLE incident_review (
    incident_number      text        PRIMARY KEY REFERENCES incident (number),
    summary              text        NOT NULL DEFAULT '',
    impact               text        NOT NULL DEFAULT '',
    contributing_factors jsonb       NOT NULL DEFAULT '[]'::jsonb,
    highlights           jsonb       NOT NULL DEFAULT '[]'::jsonb,
    updated_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0
);

CREATE TABLE follow_up_action (
    id              bigserial PRIMARY KEY,
    incident_number text        NOT NULL REFERENCES incident (number),
    title           text        NOT NULL,
    owner           text        NOT NULL REFERENCES staff_account (username),
    due_date        date        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    note            text,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX follow_up_action_open ON follow_up_action (due_date) WHERE status IN ('open', 'in_progress');
CREATE INDEX follow_up_action_incident ON follow_up_action (incident_number, id);
