package org.hotlineacd.bridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotlineacd.bridge.auth.SecretHash;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.port.CallerHistory;
import org.junit.jupiter.api.Test;

/** The small parts of a session, each on its own: no sockets, time injected. */
class SessionPartsTest {
  private static final AgentId A = AgentId.of("a1");
  private static final CallId C = CallId.of("c1");

  @Test
  void secretHash_verifiesTheSecret_refusesOthers_andReportsMalformedHashes() {
    String h = SecretHash.hash("s3cret-enough".toCharArray(), SecretHash.MIN_ITERATIONS);
    assertThat(SecretHash.verify("s3cret-enough".toCharArray(), h)).isTrue();
    assertThat(SecretHash.verify("s3cret-enougH".toCharArray(), h)).isFalse();
    assertThat(SecretHash.hash("x".toCharArray(), SecretHash.MIN_ITERATIONS)).isNotEqualTo(SecretHash.hash("x".toCharArray(), SecretHash.MIN_ITERATIONS));
    assertThat(SecretHash.problem(h)).isEmpty();
    assertThat(SecretHash.problem("plain")).hasValueSatisfying(p -> assertThat(p).contains("pbkdf2-sha256$"));
    assertThat(SecretHash.problem("pbkdf2-sha256$10$AAAA$BBBB")).hasValueSatisfying(p -> assertThat(p).contains("iterations"));
    assertThat(SecretHash.verify("x".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
  }

  @Test
  void floodGuard_letsABurstThrough_thenTheRate() {
    long second = 1_000_000_000L;
    FloodGuard g = new FloodGuard(10, 0);
    int passed = 0;
    for (int i = 0; i < 100; i++) {
      passed += g.tryAcquire(0) ? 1 : 0;
    }
    assertThat(passed).isEqualTo(20);
    assertThat(g.tryAcquire(second / 20)).isFalse();
    assertThat(g.tryAcquire(second / 10)).isTrue();
  }

  @Test
  void sessionTokens_dieAtRevokeOrLifetime_andANewLoginReplacesTheOld() {
    AtomicLong now = new AtomicLong();
    SessionTokens t = new SessionTokens(1_000, now::get);
    String first = t.issue(A);
    assertThat(t.resolve(first)).contains(A);
    String second = t.issue(A);
    assertThat(t.resolve(first)).isEmpty();
    assertThat(t.resolve(second)).contains(A);
    t.revoke(A);
    assertThat(t.resolve(second)).isEmpty();
    String third = t.issue(A);
    now.set(1_000);
    assertThat(t.resolve(third)).as("expired").isEmpty();
  }

  @Test
  void deskView_keepsTheOfferThatArrivedBeforeTheRing_andDropsItWhenTheCallIsGone() {
    CallOffered offer = new CallOffered(A, C, "general", "12345", "138", 5, Map.of());
    DeskView v = DeskView.LOGGED_OUT.on(offer)
        .on(new AgentStateChanged(A, AgentState.RINGING, null, C, 1, 0))
        .on(new AgentStateChanged(A, AgentState.ON_CALL, null, C, 2, 0));
    assertThat(v.offer()).isEqualTo(offer);
    assertThat(v.on(new AgentStateChanged(A, AgentState.READY, null, null, 3, 0)).offer()).isNull();
  }

  @Test
  void callerHistory_isCached_untilItsLifetimeEnds() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    AtomicLong ticker = new AtomicLong();
    CallerHistory source = (number, since) -> {
      loads.incrementAndGet();
      assertThat(since).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
      return List.of(new CallerHistory.PastCall(Instant.parse("2024-05-20T00:00:00Z"), "12345", "general", "a2",
          Duration.ofSeconds(90), "resolved-online", "housing", "roof"));
    };
    CachedCallerHistory cache = new CachedCallerHistory(source, Runnable::run, ticker::get,
        Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofDays(30), Duration.ofMinutes(1), 100);
    assertThat(cache.lookup("138").get()).hasSize(1);
    assertThat(cache.lookup("138").get()).hasSize(1);
    assertThat(loads).hasValue(1);
    ticker.addAndGet(Duration.ofMinutes(2).toNanos());
    cache.lookup("138").get();
    assertThat(loads).hasValue(2);
    assertThat(cache.lookup("").get()).isEmpty();
    assertThat(cache.stats().hitCount()).isEqualTo(1);
  }
}
