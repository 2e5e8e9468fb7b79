-- Cause hypotheses: suspected, then confirmed or refuted, each step with evidence, author and
-- time. Every version is kept; the row holds the current one. A confirmed hypothesis may be
-- published as the incident's public cause.
CREATE TABLE cause_hypothesis (
    id              bigserial PRIMARY KEY,
    incident_number text        NOT NULL REFERENCES incident (number),
    statement_ko    text        NOT NULL,
    statement_en    text,
    status          text        NOT NULL CHECK (status IN ('suspected', 'confirmed', 'refuted')),
    published       boolean     NOT NULL DEFAULT false,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    CHECK (NOT published OR status = 'confirmed')
);
CREATE INDEX cause_hypothesis_incident ON cause_hypothesis (incident_number, id);
-- At most one published cause per incident.
CREATE UNIQUE INDEX cause_hypothesis_published ON cause_hypothesis (incident_number) WHERE published;

CREATE TABLE cause_hypothesis_version (
    hypothesis_id bigint      NOT NULL REFERENCES cause_hypothesis (id),
    version       integer     NOT NULL,
    status        text        NOT NULL,
    statement_ko  text        NOT NULL,
    statement_en  text,
    evidence      text        NOT NULL,
    author        text        NOT NULL,
    at            timestamptz NOT NULL,
    PRIMARY KEY (hypothesis_id, version)
);
