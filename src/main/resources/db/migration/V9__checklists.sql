-- A runbook instantiated on an incident. It keeps a copy of the runbook as it was (and its
-- version), so a later edit of the file never changes a checklist in use.
CREATE TABLE checklist (
    id              bigserial PRIMARY KEY,
    incident_number text        NOT NULL REFERENCES incident (number),
    runbook_id      text        NOT NULL,
    runbook_version text        NOT NULL,
    title_ko        text        NOT NULL,
    title_en        text,
    runbook         jsonb       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (incident_number, runbook_id)
);

CREATE TABLE checklist_item (
    checklist_id      bigint      NOT NULL REFERENCES checklist (id),
    position          integer     NOT NULL,
    text_ko           text        NOT NULL,
    text_en           text,
    role              text,
    team              text,
    minutes           integer     NOT NULL,
    evidence_required boolean     NOT NULL,
    status            text        NOT NULL CHECK (status IN ('pending', 'done', 'skipped')),
    done_by           text,
    done_at           timestamptz,
    evidence          text,
    reason            text,
    task_id           bigint      REFERENCES task (id),
    version           bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (checklist_id, position)
);
