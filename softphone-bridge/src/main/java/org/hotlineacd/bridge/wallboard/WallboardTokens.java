package org.hotlineacd.bridge.wallboard;

/**
 * Who may read the wallboard: the read-only tokens of the configuration (and the admin tokens),
 * however they are stored. Answers from memory, on any thread; an implementation that follows
 * configuration reloads lets a revoked token stop working at once.
 */
public interface WallboardTokens {
  /** Whether a token is needed at all (false: anyone who reaches the port reads the board). */
  boolean required();

  /** Whether {@code token} may read the board; compares in constant time. */
  boolean accepts(String token);

  /** Where an operator configures the tokens, for error messages ({@code security.wallboardTokens}). */
  default String setting() {
    return "security.wallboardTokens";
  }

  /** A board anyone may read. */
  WallboardTokens OPEN = new WallboardTokens() {
    @Override
    public boolean required() {
      return false;
    }

    @Override
    public boolean accepts(String token) {
      return true;
    }
  };
}
