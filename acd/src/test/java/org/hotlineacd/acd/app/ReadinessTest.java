package org.hotlineacd.acd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hotlineacd.acd.records.RecordHealth;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.port.ReadinessCheck.Readiness;
import org.junit.jupiter.api.Test;

/** The readiness of the records store and of each Asterisk server, as /health reports them. */
class ReadinessTest {
  @Test
  void storage_readyWhileTheDatabaseTakesWrites_notWhenAwayOrTheBufferFills() {
    AtomicReference<RecordHealth> h = new AtomicReference<>(new RecordHealth(3, 100, 0, 10, 7, true, null));
    StorageReadiness check = new StorageReadiness(h::get);
    assertThat(check.name()).isEqualTo("storage");
    assertThat(check.check().ready()).isTrue();

    h.set(new RecordHealth(12, 100, 0, 40, 28, false, "database is locked"));
    Readiness away = check.check();
    assertThat(away.ready()).isFalse();
    assertThat(away.detail()).contains("not taking writes", "database is locked", "12 of 100");

    h.set(new RecordHealth(50, 100, 0, 90, 40, true, null));
    Readiness filling = check.check();
    assertThat(filling.ready()).isFalse();
    assertThat(filling.detail()).contains("filling", "50 of 100");

    h.set(new RecordHealth(0, 100, 4, 90, 86, true, null));
    Readiness recovered = check.check();
    assertThat(recovered.ready()).as("drained again: ready, but the loss is still told").isTrue();
    assertThat(recovered.detail()).contains("4 events dropped");
  }

  @Test
  void asterisk_readyOnlyWhenConnected_eachStateSaysWhy() {
    AtomicReference<List<AmiStatus>> status = new AtomicReference<>();
    AsteriskReadiness pbx2 = new AsteriskReadiness("pbx2", status::get);
    assertThat(pbx2.name()).isEqualTo("asterisk.pbx2");

    status.set(List.of(sample("pbx1", AmiStatus.State.CONNECTED, ""), sample("pbx2", AmiStatus.State.CONNECTED, "")));
    assertThat(pbx2.check()).isEqualTo(Readiness.up("connected"));

    status.set(List.of(sample("pbx1", AmiStatus.State.CONNECTED, ""),
        sample("pbx2", AmiStatus.State.RECONNECTING, "connection reset")));
    assertThat(pbx2.check().ready()).isFalse();
    assertThat(pbx2.check().detail()).isEqualTo("connection lost, reconnecting; last problem: connection reset");

    status.set(List.of(sample("pbx2", AmiStatus.State.LOGIN_FAILED, "Authentication failed")));
    assertThat(pbx2.check().ready()).isFalse();
    assertThat(pbx2.check().detail()).startsWith("login failed").contains("Authentication failed");

    status.set(List.of(sample("pbx2", AmiStatus.State.RESYNCING, "")));
    assertThat(pbx2.check().ready()).isFalse();

    status.set(List.of());
    assertThat(pbx2.check()).isEqualTo(Readiness.down("not started"));
  }

  private static AmiStatus sample(String server, AmiStatus.State state, String problem) {
    return new AmiStatus(server, state, 0, 1, 0, 10, 0, problem);
  }
}
