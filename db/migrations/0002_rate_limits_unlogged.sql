-- Rate-limit counters are short-lived and need no crash safety: an unlogged table writes no WAL, so a
-- counted write (a poll vote, a comment) no longer waits for a WAL flush of its limiter row. After a
-- crash (or on a promoted standby) the table starts empty, i.e. limits start afresh. See
-- docs/decisions/004-rate-limits.md.
ALTER TABLE "rate_limits" SET UNLOGGED;
