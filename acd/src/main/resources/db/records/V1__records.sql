-- Call records, interval figures and the case outbox. Portable SQL: the same file runs on
-- SQLite (embedded default) and PostgreSQL. Times are epoch nanoseconds (BIGINT); flags are
-- SMALLINT 0/1. docs/records.md describes every table.

CREATE TABLE call_segment (
  record_id            TEXT     NOT NULL,
  seg_index            INTEGER  NOT NULL,
  call_id              TEXT     NOT NULL,
  queue_id             TEXT     NOT NULL,
  line_id              TEXT     NOT NULL,
  caller_number        TEXT,
  priority             INTEGER  NOT NULL,
  transfer_in_label    TEXT,
  queued_nanos         BIGINT   NOT NULL,
  outcome              TEXT     NOT NULL,
  agent_id             TEXT,
  offers               INTEGER  NOT NULL,
  left_queue_nanos     BIGINT   NOT NULL,
  wait_nanos           BIGINT   NOT NULL,
  abandoned_ringing    SMALLINT NOT NULL,
  overflow_cause       TEXT,
  overflow_kind        TEXT,
  overflow_target      TEXT,
  talk_ended_nanos     BIGINT,
  talk_nanos           BIGINT   NOT NULL,
  hold_nanos           BIGINT   NOT NULL,
  end_side             TEXT,
  transfer_label       TEXT,
  wrap_up_ended_nanos  BIGINT,
  wrap_up_nanos        BIGINT   NOT NULL,
  wrap_up_timed_out    SMALLINT NOT NULL,
  disposition          TEXT,
  category             TEXT,
  summary              TEXT,
  PRIMARY KEY (record_id, seg_index)
);
CREATE INDEX call_segment_queued ON call_segment (queued_nanos);

CREATE TABLE call_record (
  record_id            TEXT     NOT NULL PRIMARY KEY,
  call_id              TEXT     NOT NULL,
  caller_number        TEXT,
  line_id              TEXT     NOT NULL,
  first_queued_nanos   BIGINT   NOT NULL,
  local_day            TEXT     NOT NULL,
  ended_nanos          BIGINT   NOT NULL,
  queue_path           TEXT     NOT NULL,
  agents               TEXT     NOT NULL,
  outcome              TEXT     NOT NULL,
  wait_nanos           BIGINT   NOT NULL,
  talk_nanos           BIGINT   NOT NULL,
  hold_nanos           BIGINT   NOT NULL,
  wrap_up_nanos        BIGINT   NOT NULL,
  transfers_out        TEXT     NOT NULL,
  transfer_in_label    TEXT,
  end_side             TEXT,
  end_cause            TEXT     NOT NULL,
  recording_file       TEXT,
  disposition          TEXT,
  category             TEXT,
  summary              TEXT,
  wrap_up_timed_out    SMALLINT NOT NULL,
  case_number          TEXT
);
CREATE INDEX call_record_day ON call_record (local_day, caller_number);
CREATE INDEX call_record_queued ON call_record (first_queued_nanos);

-- The durable outbox: written in the same transaction as the call record it was built from.
-- state: pending (to send), delivered, failed (4xx or an unreadable reply: kept for an admin),
-- dead (still failing after caseSystem.deadAfter), local (no case system configured).
CREATE TABLE case_outbox (
  webhook_id           TEXT     NOT NULL PRIMARY KEY,
  record_id            TEXT     NOT NULL UNIQUE,
  call_id              TEXT     NOT NULL,
  payload              TEXT     NOT NULL,
  state                TEXT     NOT NULL,
  created_nanos        BIGINT   NOT NULL,
  attempts             INTEGER  NOT NULL,
  next_attempt_nanos   BIGINT   NOT NULL,
  last_status          INTEGER,
  last_error           TEXT,
  case_number          TEXT,
  delivered_nanos      BIGINT
);
CREATE INDEX case_outbox_due ON case_outbox (state, next_attempt_nanos);

-- Interval figures: the sums and counts of docs/figures.md per 15-minute interval and scope
-- (a queue id, or '(centre)'), added to as segments are written. Reports read only these.
CREATE TABLE interval_tally (
  interval_start       BIGINT   NOT NULL,
  scope                TEXT     NOT NULL,
  offered              BIGINT   NOT NULL,
  answered             BIGINT   NOT NULL,
  answered_within_t    BIGINT   NOT NULL,
  abandoned            BIGINT   NOT NULL,
  short_abandons       BIGINT   NOT NULL,
  abandoned_within_t   BIGINT   NOT NULL,
  overflowed           BIGINT   NOT NULL,
  answered_wait_nanos  BIGINT   NOT NULL,
  queue_time_nanos     BIGINT   NOT NULL,
  talks                BIGINT   NOT NULL,
  talk_nanos           BIGINT   NOT NULL,
  long_calls           BIGINT   NOT NULL,
  hold_nanos           BIGINT   NOT NULL,
  wrap_ups             BIGINT   NOT NULL,
  wrap_up_nanos        BIGINT   NOT NULL,
  PRIMARY KEY (interval_start, scope)
);

-- Labelled counts per interval and scope. kind: out (transfers out), in (transfers in),
-- overflow (overflows by cause), category (wrap-up categories).
CREATE TABLE interval_label (
  interval_start       BIGINT   NOT NULL,
  scope                TEXT     NOT NULL,
  kind                 TEXT     NOT NULL,
  label                TEXT     NOT NULL,
  count                BIGINT   NOT NULL,
  PRIMARY KEY (interval_start, scope, kind, label)
);
