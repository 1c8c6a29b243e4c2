package org.hotlineacd.acd.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The case (work order) system calls are handed to (section {@code caseSystem}): a Standard
 * Webhooks endpoint. Without this section the cases stay in the local database.
 *
 * @param url where case requests are POSTed (http or https)
 * @param secret where the shared signing secret comes from (never the YAML itself)
 * @param timeout how long one request may take, connect and reply included (default 10 s)
 * @param retryInitial the first backoff after a failure (default 2 s); it doubles per attempt,
 *     with jitter
 * @param retryMax the longest backoff (default 10 min)
 * @param deadAfter how long after its creation a case that still fails goes to the dead letters
 *     (default 24 h)
 */
public record CaseSystemConfig(
    URI url, SecretRef secret, Duration timeout, Duration retryInitial, Duration retryMax, Duration deadAfter) {
  /** The default request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The default first backoff. */
  public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofSeconds(2);
  /** The default longest backoff. */
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(10);
  /** The default dead-letter age. */
  public static final Duration DEFAULT_DEAD_AFTER = Duration.ofHours(24);

  /** Validates. */
  public CaseSystemConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    retryInitial = retryInitial == null ? DEFAULT_RETRY_INITIAL : retryInitial;
    retryMax = retryMax == null ? DEFAULT_RETRY_MAX : retryMax;
    deadAfter = deadAfter == null ? DEFAULT_DEAD_AFTER : deadAfter;
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("url must be http or https, was '" + url + "'");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("url must name a host, was '" + url + "'");
    }
    if (!timeout.isPositive() || !retryInitial.isPositive() || !deadAfter.isPositive()) {
      throw new IllegalArgumentException("timeout, retryInitial and deadAfter must be more than zero");
    }
    if (retryMax.compareTo(retryInitial) < 0) {
      throw new IllegalArgumentException("retryMax must be at least retryInitial");
    }
  }
}
