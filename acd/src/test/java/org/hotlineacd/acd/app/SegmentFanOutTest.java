package org.hotlineacd.acd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.cti.LogSafe;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.RingAgent;
import org.junit.jupiter.api.Test;

class SegmentFanOutTest {
  private static final SegmentQueued QUEUED =
      new SegmentQueued(new SegmentKey(CallId.of("c1"), 0, "general", "12345", 1L), 10, "13912345678", null);

  @Test
  void aListenerThatThrows_doesNotStopTheOthers_andIsCounted() {
    List<SegmentEvent> seen = new ArrayList<>();
    SegmentFanOut out = new SegmentFanOut(List.of(
        e -> {
          throw new IllegalStateException("broken figures");
        },
        seen::add));
    out.on(QUEUED);
    out.on(QUEUED);
    assertThat(seen).containsExactly(QUEUED, QUEUED);
    assertThat(out.failures()).isEqualTo(2);
  }

  @Test
  void logLinesNameTypeAndIds_butNeverTheCallersNumberOrData() {
    String in = LogSafe.describe(new CallArrived(CallId.of("c7"), "12345", "13912345678", java.util.Map.of("pin", "4321")));
    assertThat(in).isEqualTo("CallArrived[call=c7]");
    String out = LogSafe.describe(new RingAgent(5, CallId.of("c7"), org.hotlineacd.cti.model.AgentId.of("a1"), "PJSIP/1",
        1, "13912345678", java.util.Map.of("pin", "4321")));
    assertThat(out).isEqualTo("RingAgent[command=5, call=c7]").doesNotContain("1391").doesNotContain("4321");
  }
}
