-- The screen pop's "previous calls of this caller in the last 30 days": found by caller number,
-- newest first, without scanning the day index (which starts with local_day).
CREATE INDEX call_record_caller ON call_record (caller_number, first_queued_nanos);
