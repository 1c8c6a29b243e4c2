package org.hotlineacd.acd.records;

import java.util.Locale;

/** Where a case request is in the outbox (docs/records.md, "Case states"). */
public enum CaseState {
  /** Waiting to be sent (first time or after a retryable failure). */
  PENDING,
  /** The case system confirmed it and gave its case number. */
  DELIVERED,
  /** The case system refused it (4xx) or answered with something unreadable: kept for an admin. */
  FAILED,
  /** Still failing after {@code caseSystem.deadAfter}: a dead letter, kept for an admin. */
  DEAD,
  /** No case system is configured: the case is kept in the local database. */
  LOCAL;

  /** The stored name, lower case. */
  public String dbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state with this stored (or typed) name. */
  public static CaseState ofDb(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
