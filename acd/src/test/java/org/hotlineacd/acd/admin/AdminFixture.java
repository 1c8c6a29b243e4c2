package org.hotlineacd.acd.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A small centre's configuration file, with comments, and the tokens that open its API. */
final class AdminFixture {
  static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";
  static final String WALL_TOKEN = "wall-token-0123456789abcdef";

  private AdminFixture() {}

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String yaml() {
    return """
        # A small centre for the admin tests.
        settings:
          timeZone: Asia/Shanghai

        security:
          adminTokens:
            - {name: ops, sha256: %s}
          wallboardTokens:
            - {name: wall, sha256: %s}

        # Every skill in use.
        skills:
          - general   # anyone
          - policy    # specialists

        notReadyReasons: [break, lunch]

        lines:
          - {id: "12345", queue: general, priority: 10}
          - {id: policy-line, queue: policy}

        queues:
          # The main pool.
          - id: general
            name: General
            skills: {general: 1}
            strategy: longest-idle   # fair for a big team
            wrapUp: 0s

          # The second tier.
          - id: policy
            skills: {policy: 3}
            strategy: best-skill
            maxWait: 5m
            overflow: {kind: callback}

        agents:
          # First tier
          - {id: a1, endpoint: SIM/a1, skills: {general: 5}}
          - {id: a2, endpoint: SIM/a2, skills: {general: 5, policy: 6}}
        # end of file
        """.formatted(sha256(ADMIN_TOKEN), sha256(WALL_TOKEN));
  }
}
