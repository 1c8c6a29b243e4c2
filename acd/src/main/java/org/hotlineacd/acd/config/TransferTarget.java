package org.hotlineacd.acd.config;

import java.util.Objects;

/**
 * An external target a call can be transferred or overflowed to.
 *
 * @param label what agents, reports and metrics call it ({@code 110}, {@code out-of-province})
 * @param dialString what the PBX dials (e.g. {@code PJSIP/110-trunk/110})
 */
public record TransferTarget(String label, String dialString, String description) {
  /** Validates. */
  public TransferTarget {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(dialString, "dialString");
    description = description == null ? "" : description;
  }
}
