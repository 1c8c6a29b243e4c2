package org.hotlineacd.acd.sim;

/**
 * A traffic profile that cannot be used, with where and why: the message reads {@code
 * file:line:column: field: what is wrong}.
 */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String field;

  ProfileException(String file, int line, int column, String field, String problem, Throwable cause) {
    super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
  }

  /** The file as it was named to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line of the offending text, or 0 when the whole file is at fault. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending text, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The path of the offending field, such as {@code lines[2].talk}, or empty. */
  public String field() {
    return field;
  }
}
