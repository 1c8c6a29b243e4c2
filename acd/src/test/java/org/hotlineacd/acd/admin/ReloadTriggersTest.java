package org.hotlineacd.acd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file watcher calls for one reload per settled change; SIGHUP installs or says why not. */
class ReloadTriggersTest {
  @TempDir Path dir;

  @Test
  void aChangedFile_triggersAReload_andOtherFilesDoNot() throws Exception {
    Path file = dir.resolve("acd.yaml");
    Files.writeString(file, "queues: []\n");
    CountDownLatch reloads = new CountDownLatch(1);
    ConfigWatcher w = ConfigWatcher.start(file, Duration.ofMillis(100), reloads::countDown);
    try {
      Files.writeString(dir.resolve("other.yaml"), "x: 1\n");
      assertThat(reloads.await(700, TimeUnit.MILLISECONDS)).isFalse();
      Files.writeString(file, "queues: []\n# changed\n");
      assertThat(reloads.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      w.close();
    }
  }

  @Test
  void sighup_installsOnThisJvm_orSaysWhyNot() {
    boolean installed = SignalReload.install(() -> {});
    assertThat(installed).isEqualTo(!System.getProperty("os.name").startsWith("Windows"));
  }
}
