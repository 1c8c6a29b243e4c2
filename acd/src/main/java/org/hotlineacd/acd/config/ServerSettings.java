package org.hotlineacd.acd.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the network edge (agent desktops, wallboards, admin API, metrics) listens.
 *
 * @param port the TCP port, 1-65535 (default 8080)
 * @param bind the address to bind, an IP literal or host name (default {@code 127.0.0.1}, so a
 *     fresh install is not reachable from the network until an admin says so)
 * @param tlsCertificate a PEM certificate chain for HTTPS/WSS, or {@code null} for plain HTTP
 * @param tlsPrivateKey the PKCS#8 PEM key of that certificate, or {@code null}
 */
public record ServerSettings(int port, String bind, Path tlsCertificate, Path tlsPrivateKey) {
  /** The defaults: port 8080 on 127.0.0.1, plain HTTP. */
  public static final ServerSettings DEFAULT = new ServerSettings(8080, "127.0.0.1");

  /** Plain HTTP on {@code bind:port}. */
  public ServerSettings(int port, String bind) {
    this(port, bind, null, null);
  }

  /** Validates. */
  public ServerSettings {
    Objects.requireNonNull(bind, "bind");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, was " + port);
    }
    if (bind.isBlank()) {
      throw new IllegalArgumentException("bind must not be blank");
    }
    if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
      throw new IllegalArgumentException("TLS needs both a certificate and a private key");
    }
  }
}
