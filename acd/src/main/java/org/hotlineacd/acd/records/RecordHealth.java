package org.hotlineacd.acd.records;

/**
 * The records writer's state, for the health endpoint and the logs.
 *
 * @param buffered events waiting in the buffer for the database
 * @param capacity the buffer's size ({@code storage.bufferEvents})
 * @param dropped events dropped because the buffer was full (their records are lost; the live
 *     figures still counted them)
 * @param accepted events taken into the buffer so far
 * @param durable events whose records are committed to disk ("acknowledged")
 * @param storageUp whether the last write succeeded
 * @param lastError the last write failure, or {@code null}
 */
public record RecordHealth(
    int buffered, int capacity, long dropped, long accepted, long durable, boolean storageUp, String lastError) {
  /** Healthy: the database takes writes and nothing was dropped. */
  public boolean healthy() {
    return storageUp && dropped == 0;
  }
}
