package org.hotlineacd.acd.records;

/**
 * One case request in the outbox with its delivery state.
 *
 * @param createdNanos when it was written (epoch nanos, the writer's clock)
 * @param nextAttemptNanos when it is next due (pending only)
 * @param lastStatus the HTTP status of the last attempt, or {@code null} (no reply)
 * @param lastError what went wrong last, or {@code null}
 * @param caseNumber the case system's number, once delivered
 */
public record OutboxEntry(
    String webhookId,
    String recordId,
    String callId,
    String payload,
    CaseState state,
    long createdNanos,
    int attempts,
    long nextAttemptNanos,
    Integer lastStatus,
    String lastError,
    String caseNumber,
    Long deliveredNanos) {}
