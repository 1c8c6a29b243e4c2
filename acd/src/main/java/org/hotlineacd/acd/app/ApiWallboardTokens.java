package org.hotlineacd.acd.app;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.hotlineacd.acd.config.ApiToken;
import org.hotlineacd.bridge.wallboard.WallboardTokens;

/**
 * The wallboard's readers are the holders of the API tokens ({@code security.wallboardTokens} and
 * {@code security.adminTokens}, stored as SHA-256): one kind of read-only token for the board and
 * the admin API. With no API token configured at all the board is open, as a fresh demo needs.
 * Reads the tokens of the configuration that runs now, so a reload adds or revokes them at once.
 */
public final class ApiWallboardTokens implements WallboardTokens {
  private final Supplier<List<ApiToken>> tokens;

  /** Tokens from {@code tokens}, read at every check (cheap: a field of the running configuration). */
  public ApiWallboardTokens(Supplier<List<ApiToken>> tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public boolean required() {
    return !tokens.get().isEmpty();
  }

  @Override
  public boolean accepts(String token) {
    return ApiToken.match(tokens.get(), token).isPresent();
  }
}
