package org.hotlineacd.bridge.agent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.hotlineacd.cti.model.AgentId;

/**
 * Session tokens: what a desktop keeps instead of the agent's secret, to resume its session after
 * a dropped connection. One live token per agent (a new login replaces it); a token dies when the
 * agent logs out (however that happens) or when its lifetime ends. Thread-safe.
 */
final class SessionTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Entry(AgentId agent, long expiresNanos) {}

  private final ConcurrentHashMap<String, Entry> byToken = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<AgentId, String> byAgent = new ConcurrentHashMap<>();
  private final long lifetimeNanos;
  private final LongSupplier nanoTime;

  SessionTokens(long lifetimeNanos, LongSupplier nanoTime) {
    this.lifetimeNanos = lifetimeNanos;
    this.nanoTime = nanoTime;
  }

  /** A new token for {@code agent}; the agent's previous token stops working. */
  String issue(AgentId agent) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    byToken.put(token, new Entry(agent, nanoTime.getAsLong() + lifetimeNanos));
    String old = byAgent.put(agent, token);
    if (old != null) {
      byToken.remove(old);
    }
    return token;
  }

  /** The agent of a live token. */
  Optional<AgentId> resolve(String token) {
    Entry e = byToken.get(token);
    if (e == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - e.expiresNanos >= 0) {
      byToken.remove(token, e);
      byAgent.remove(e.agent, token);
      return Optional.empty();
    }
    return Optional.of(e.agent);
  }

  /** Ends the agent's token (at logout). */
  void revoke(AgentId agent) {
    String token = byAgent.remove(agent);
    if (token != null) {
      byToken.remove(token);
    }
  }
}
