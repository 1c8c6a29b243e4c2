package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage and caseSystem sections: values, defaults, secrets by reference, precise errors. */
class StoreConfigTest {
  @TempDir Path dir;

  private static AcdConfig parse(String yaml) throws ConfigException {
    return ConfigLoader.parse("queues:\n  - id: general\n" + yaml, "acd.yaml");
  }

  @Test
  void noSections_defaultToSqliteUnderData_andLocalCases() throws Exception {
    AcdConfig c = parse("");
    assertThat(c.storage()).isEqualTo(StorageConfig.DEFAULT);
    assertThat(c.storage().jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data", "acd.db"));
    assertThat(c.caseSystem()).isNull();
  }

  @Test
  void postgresAndCaseSystem_areRead_withSecretsByReferenceOnly() throws Exception {
    AcdConfig c = parse("""
        storage:
          kind: postgresql
          url: jdbc:postgresql://db.example:5432/acd
          user: acd
          passwordEnv: ACD_DB_PASSWORD
          bufferEvents: 5000
        caseSystem:
          url: https://cases.example/hooks/acd
          secretFile: /etc/acd/case-secret
          timeout: 5s
          retryInitial: 1s
          retryMax: 5m
          deadAfter: 12h
        """);
    assertThat(c.storage().kind()).isEqualTo(StorageConfig.Kind.POSTGRESQL);
    assertThat(c.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/acd");
    assertThat(c.storage().password()).isEqualTo(new SecretRef("ACD_DB_PASSWORD", null));
    assertThat(c.storage().bufferEvents()).isEqualTo(5000);
    CaseSystemConfig cs = c.caseSystem();
    assertThat(cs.url().toString()).isEqualTo("https://cases.example/hooks/acd");
    assertThat(cs.secret().file()).isEqualTo(Path.of("/etc/acd/case-secret"));
    assertThat(cs.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(cs.deadAfter()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void secrets_areReadFromTheEnvironmentOrAFile_andNeverPrinted() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "s3cret-from-file\n");
    SecretRef fromFile = new SecretRef(null, file);
    assertThat(fromFile.read(Map.of())).isEqualTo("s3cret-from-file");
    SecretRef fromEnv = new SecretRef("CASE_SECRET", null);
    assertThat(fromEnv.read(Map.of("CASE_SECRET", "s3cret-env"))).isEqualTo("s3cret-env");
    assertThat(fromEnv.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> fromEnv.read(Map.of())).hasMessageContaining("CASE_SECRET").hasMessageNotContaining("s3cret");
  }

  @Test
  void mistakes_areReportedWithLineColumnAndField() {
    assertThatThrownBy(() -> parse("""
        storage:
          kind: postgres
          bufferEvents: 0
        caseSystem:
          url: ftp://cases.example/x
          secretEnv: not a name
          secret: plain-text-secret
          retryInitial: 1m
          retryMax: 10s
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("acd.yaml:4:9")
        .hasMessageContaining("storage.kind")
        .hasMessageContaining("'postgresql'")
        .hasMessageContaining("storage.bufferEvents")
        .hasMessageContaining("caseSystem.url")
        .hasMessageContaining("caseSystem.secretEnv")
        .hasMessageContaining("caseSystem.secret")
        .hasMessageContaining("caseSystem.retryMax")
        .hasMessageNotContaining("plain-text-secret");
  }

  @Test
  void aCaseSystemWithoutASecret_orPostgresWithoutAUrl_isAnError() {
    assertThatThrownBy(() -> parse("caseSystem:\n  url: https://cases.example/x\nstorage:\n  kind: postgresql\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing the shared secret")
        .hasMessageContaining("kind postgresql needs a 'url'");
  }
}
