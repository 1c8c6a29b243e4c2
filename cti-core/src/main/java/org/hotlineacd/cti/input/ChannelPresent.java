package org.hotlineacd.cti.input;

import java.util.Map;
import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * A caller channel found on the PBX during a resync.
 *
 * @param waiting true when it waits for an agent in the holding context (music on hold)
 * @param line the line it came in on, when waiting (null otherwise or when unknown)
 * @param waitingSinceNanos epoch nanoseconds when it started waiting (from the channel's age)
 */
public record ChannelPresent(CallId call, boolean waiting, String line, String callerNumber,
    Map<String, String> callerData, long waitingSinceNanos) {
  /** Validates and copies. */
  public ChannelPresent {
    Objects.requireNonNull(call, "call");
    callerNumber = callerNumber == null ? "" : callerNumber;
    callerData = callerData == null ? Map.of() : Map.copyOf(callerData);
  }
}
