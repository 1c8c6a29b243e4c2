package org.hotlineacd.cti.model;

/** Shared validation for identifiers that cross the system's edges. */
final class Ids {
  static final int MAX_LENGTH = 128;

  private Ids() {}

  static void requireValid(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(what + " contains a control character at index " + i);
      }
    }
  }
}
