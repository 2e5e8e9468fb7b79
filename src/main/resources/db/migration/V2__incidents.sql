-- Incidents: declaration, lifecycle, severity history, public updates, command roles and links.

CREATE TABLE incident (
    id                 bigserial PRIMARY KEY,
    number             text        NOT NULL UNIQUE CHECK (number ~ '^INC-[0-9]{4}-[0-9]{4,}$'),
    title_ko           text        NOT NULL,
    title_en           text,
    status             text        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    severity           text        NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    detected_at        timestamptz NOT NULL,
    declared_at        timestamptz NOT NULL,
    identified_at      timestamptz,
    mitigated_at       timestamptz,
    resolved_at        timestamptz,
    declared_by        text        NOT NULL,
    last_update_at     timestamptz NOT NULL,
    cadence_flagged_at timestamptz,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK (detected_at <= declared_at)
);
CREATE INDEX incident_active ON incident (status) WHERE status <> 'resolved';

-- Components the incident affects directly (set by its declaration or its updates).
CREATE TABLE incident_component (
    incident_id   bigint      NOT NULL REFERENCES incident (id),
    component_key text        NOT NULL REFERENCES component (key),
    added_at      timestamptz NOT NULL,
    PRIMARY KEY (incident_id, component_key)
);
CREATE INDEX incident_component_key ON incident_component (component_key);

CREATE TABLE incident_update (
    id           bigserial PRIMARY KEY,
    incident_id  bigint      NOT NULL REFERENCES incident (id),
    status       text        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    body_ko      text        NOT NULL,
    body_en      text,
    components   jsonb       NOT NULL DEFAULT '[]'::jsonb,
    author       text        NOT NULL,
    published_at timestamptz NOT NULL
);
CREATE INDEX incident_update_incident ON incident_update (incident_id, published_at);

CREATE TABLE incident_severity_change (
    id          bigserial PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incident (id),
    severity    text        NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    how         text        NOT NULL CHECK (how IN ('DERIVED', 'DECLARED', 'RAISED', 'OVERRIDDEN')),
    reason      text        NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX incident_severity_change_incident ON incident_severity_change (incident_id, at);

CREATE TABLE incident_role (
    id          bigserial PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incident (id),
    role        text        NOT NULL CHECK (role IN ('INCIDENT_COMMANDER', 'OPERATIONS_LEAD', 'PLANNING_LEAD',
                                                     'LOGISTICS_LEAD', 'COMMUNICATIONS_LEAD', 'LIAISON')),
    member      text        NOT NULL,
    assigned_by text        NOT NULL,
    assumed_at  timestamptz NOT NULL,
    relieved_at timestamptz,
    CHECK (relieved_at IS NULL OR relieved_at >= assumed_at)
);
-- At most one holder of each role at a time.
CREATE UNIQUE INDEX incident_role_current ON incident_role (incident_id, role) WHERE relieved_at IS NULL;

CREATE TABLE incident_link (
    from_incident_id bigint      NOT NULL REFERENCES incident (id),
    to_incident_id   bigint      NOT NULL REFERENCES incident (id),
    kind             text        NOT NULL CHECK (kind IN ('RECURRENCE_OF', 'RELATED')),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (from_incident_id, to_incident_id),
    CHECK (from_incident_id <> to_incident_id)
);
CREATE INDEX incident_link_to ON incident_link (to_incident_id);
