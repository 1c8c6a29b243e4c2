package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** security.adminTokens and security.wallboardTokens: names and SHA-256 hashes, checked like the rest. */
class ConfigApiTokensTest {
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "B".repeat(64);

  private static List<String> problems(String security) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.parse("queues: []\nsecurity:\n" + security, "t.yaml"));
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void tokens_areReadWithTheirRoles_hashesInLowercase() throws ConfigException {
    AcdConfig c = ConfigLoader.parse("queues: []\nsecurity:\n  adminTokens: [{name: ops, sha256: " + HASH_A
        + "}]\n  wallboardTokens: [{name: wall, sha256: " + HASH_B + "}]\n", "t.yaml");
    assertThat(c.security().apiTokens()).containsExactly(
        new ApiToken("ops", ApiToken.Role.ADMIN, HASH_A), new ApiToken("wall", ApiToken.Role.WALLBOARD, "b".repeat(64)));
  }

  @Test
  void aHashThatIsNot64HexDigits_saysHowToMakeOne() {
    assertThat(problems("  adminTokens: [{name: ops, sha256: secret}]\n")).containsExactly(
        "t.yaml:3:37: security.adminTokens[0].sha256: sha256 must be the 64 hex digits of the token's SHA-256 "
            + "(printf %s \"$TOKEN\" | sha256sum), was 6 characters");
  }

  @Test
  void duplicateNamesAndTokens_andUnknownKeys_areReported() {
    assertThat(problems("  adminTokens:\n    - {name: ops, sha256: " + HASH_A + "}\n    - {name: ops, sha256: "
        + HASH_B + "}\n  wallboardTokens:\n    - {name: wall, sha256: " + HASH_A + ", role: admin}\n"))
        .containsExactly(
            "t.yaml:5:14: security.adminTokens[1].name: duplicate token name 'ops' (first given at security.adminTokens[0])",
            "t.yaml:7:28: security.wallboardTokens[0].sha256: the same token is already given at security.adminTokens[0]",
            "t.yaml:7:94: security.wallboardTokens[0].role: unknown key 'role' (allowed: name, sha256)");
  }

  @Test
  void theSample_hasADemoAdminToken() throws Exception {
    AcdConfig c = ConfigLoader.load(java.nio.file.Path.of("../config/acd.yaml"));
    assertThat(c.security().apiTokens()).extracting(ApiToken::name).containsExactly("demo-admin", "demo-wallboard");
  }
}
