-- Scheduled maintenance: planned windows of work that take components under maintenance.

CREATE TABLE maintenance (
    id              bigserial PRIMARY KEY,
    number          text        NOT NULL UNIQUE CHECK (number ~ '^MNT-[0-9]{4}-[0-9]{4,}$'),
    title_ko        text        NOT NULL,
    title_en        text,
    message_ko      text        NOT NULL,
    message_en      text,
    status          text        NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'verifying', 'completed',
                                                           'cancelled')),
    scheduled_for   timestamptz NOT NULL,
    scheduled_until timestamptz NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    CHECK (scheduled_until > scheduled_for)
);
CREATE INDEX maintenance_scheduled_for ON maintenance (scheduled_for, number);
-- What the scheduler looks for: windows due to start, and windows due to complete.
CREATE INDEX maintenance_due_to_start ON maintenance (scheduled_for) WHERE status = 'scheduled';
CREATE INDEX maintenance_due_to_complete ON maintenance (scheduled_until) WHERE status IN ('in_progress', 'verifying');

CREATE TABLE maintenance_component (
    maintenance_id bigint  NOT NULL REFERENCES maintenance (id),
    position       integer NOT NULL,
    component_key  text    NOT NULL REFERENCES component (key),
    PRIMARY KEY (maintenance_id, position),
    UNIQUE (maintenance_id, component_key)
);
CREATE INDEX maintenance_component_key ON maintenance_component (component_key);
