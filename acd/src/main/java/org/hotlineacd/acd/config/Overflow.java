package org.hotlineacd.acd.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a call goes when its queue cannot keep it (too long a wait, too long a queue, no agents).
 *
 * @param target for {@code QUEUE} a queue id, for {@code EXTERNAL} a transfer-target label, for
 *     {@code VOICEMAIL} and {@code CALLBACK} an optional mailbox or list name
 */
public record Overflow(Kind kind, String target) {
  /** Kinds of overflow target. */
  public enum Kind {
    /** Another queue: a new queue segment starts there. */
    QUEUE,
    /** Leave a message. */
    VOICEMAIL,
    /** Offer a callback and hang up. */
    CALLBACK,
    /** A configured external target (another hotline, 110). */
    EXTERNAL;

    /** The configuration name. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates. */
  public Overflow {
    Objects.requireNonNull(kind, "kind");
    target = target == null ? "" : target;
    if ((kind == Kind.QUEUE || kind == Kind.EXTERNAL) && target.isEmpty()) {
      throw new IllegalArgumentException("overflow to " + kind.configName() + " needs a target");
    }
  }
}
