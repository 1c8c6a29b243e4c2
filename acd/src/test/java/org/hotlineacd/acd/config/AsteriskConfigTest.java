package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The asterisk section: the secret only by reference, with file:line:column problems. */
class AsteriskConfigTest {
  private static final String BASE = """
      skills: [general]
      queues:
        - {id: q, skills: {general: 1}, strategy: longest-idle}
      """;

  @Test
  void aPlainSecret_isRefused_withoutEchoingIt() {
    assertThatThrownBy(() -> ConfigLoader.parse(BASE + """
        asterisk:
          servers:
            - {name: pbx1, host: h, username: acd, secret: hunter2}
        """, "a.yaml"))
        .hasMessageContaining("a.yaml:6:")
        .hasMessageContaining("must not be written in this file")
        .hasMessageContaining("give exactly one of secretEnv or secretFile")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void duplicateServerNames_andBadTimings_areReported() {
    assertThatThrownBy(() -> ConfigLoader.parse(BASE + """
        asterisk:
          servers:
            - {name: pbx1, host: h, username: acd, secretEnv: A}
            - {name: pbx1, host: h2, username: acd, secretFile: /etc/ami}
          reconnectInitial: 10s
          reconnectMax: 1s
        """, "a.yaml"))
        .hasMessageContaining("duplicate server name 'pbx1'")
        .hasMessageContaining("reconnectMax must be at least reconnectInitial");
  }
}
