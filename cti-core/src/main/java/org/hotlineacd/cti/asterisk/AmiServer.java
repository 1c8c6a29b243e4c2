package org.hotlineacd.cti.asterisk;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Asterisk server the ACD connects to over AMI.
 *
 * @param name a short name; calls on this server get ids {@code name/uniqueid} when several servers are configured
 * @param secret reads the AMI secret when a connection is made (from an environment variable or a
 *     file); never stored in the configuration record's text and never logged
 * @param secretSource where the secret comes from, for messages ({@code env ACD_AMI_SECRET}); never the secret
 */
public record AmiServer(String name, String host, int port, String username, Supplier<String> secret,
    String secretSource, boolean tls) {
  /** Validates. */
  public AmiServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    secretSource = secretSource == null ? "" : secretSource;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
  }

  @Override
  public String toString() {
    return name + " (" + username + "@" + host + ":" + port + (tls ? ", TLS" : "") + ")";
  }
}
