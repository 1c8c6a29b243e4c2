package org.hotlineacd.acd.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotlineacd.acd.records.SegmentRecord.Outcome;
import org.junit.jupiter.api.Test;

/** Who goes on the callback list. */
class CallbacksTest {
  private static CallRecord call(String id, String number, long queuedSeconds, Outcome outcome) {
    return new CallRecord(id, id, number, "12345", queuedSeconds * 1_000_000_000L, "2026-03-02",
        queuedSeconds * 1_000_000_000L + 1, List.of("general"), List.of(), outcome, 40_000_000_000L, 0, 0, 0,
        List.of(), null, null, "abandoned", null, null, null, null, false, null, List.of());
  }

  @Test
  void abandonedNumbers_thatDidNotReachAnAgentLaterThatDay_areListed_once_withTheirAbandons() {
    List<Callbacks.Callback> list = Callbacks.of(List.of(
        call("a1", "111", 100, Outcome.ABANDONED),
        call("b1", "222", 110, Outcome.ABANDONED),
        call("b2", "222", 200, Outcome.ANSWERED),     // reached an agent later: off the list
        call("a2", "111", 300, Outcome.ABANDONED),
        call("c1", "333", 150, Outcome.ANSWERED),
        call("c2", "333", 400, Outcome.ABANDONED),    // answered before, abandoned after: on the list
        call("d1", "444", 120, Outcome.OVERFLOWED))); // left by overflow (e.g. a callback request): not an abandon
    assertThat(list).extracting(Callbacks.Callback::callerNumber).containsExactly("111", "333");
    assertThat(list.get(0).abandons()).isEqualTo(2);
    assertThat(list.get(0).recordId()).isEqualTo("a2");
    assertThat(list.get(1).abandons()).isEqualTo(1);
  }
}
