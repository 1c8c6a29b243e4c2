package org.hotlineacd.cti.asterisk;

/**
 * Makes text safe to put in an AMI header value: CR, LF, every other control character and the
 * Unicode line and paragraph separators are removed, so caller data can never end a header or
 * start a new one (AMI has no escaping).
 */
public final class AmiText {
  private AmiText() {}

  /** {@code value} without control characters; null stays null. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    int n = value.length();
    int i = 0;
    while (i < n && allowed(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder b = new StringBuilder(n);
    b.append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (allowed(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean allowed(char c) {
    return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != '\u2028' && c != '\u2029';
  }
}
