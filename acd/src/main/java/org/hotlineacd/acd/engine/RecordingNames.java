package org.hotlineacd.acd.engine;

/** Recording file base names: derived from the call, so a replay names them the same. */
final class RecordingNames {
  private RecordingNames() {}

  static String of(Call c) {
    StringBuilder b = new StringBuilder(c.id.value().length() + 8);
    for (char ch : c.id.value().toCharArray()) {
      b.append(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.' ? ch : '_');
    }
    return b.append("-s").append(c.key.index()).toString();
  }
}
