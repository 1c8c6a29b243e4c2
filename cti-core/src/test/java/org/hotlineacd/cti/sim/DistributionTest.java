package org.hotlineacd.cti.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {
  private static final int N = 200_000;

  private static double meanSeconds(Distribution d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      sum += d.sampleNanos(r) / 1e9;
    }
    return sum / N;
  }

  @Test
  void samples_haveTheStatedMean() {
    assertThat(meanSeconds(Distribution.exponential(Duration.ofSeconds(190)), 1)).isCloseTo(190, org.assertj.core.data.Offset.offset(2.0));
    assertThat(meanSeconds(new Distribution.LogNormal(Duration.ofSeconds(190), Duration.ofSeconds(190)), 2))
        .isCloseTo(190, org.assertj.core.data.Offset.offset(2.5));
    assertThat(meanSeconds(new Distribution.Uniform(Duration.ofSeconds(10), Duration.ofSeconds(30)), 3))
        .isCloseTo(20, org.assertj.core.data.Offset.offset(0.1));
    assertThat(meanSeconds(new Distribution.Empirical(List.of(Duration.ofSeconds(10), Duration.ofSeconds(50))), 4))
        .isCloseTo(30, org.assertj.core.data.Offset.offset(0.3));
    assertThat(meanSeconds(Distribution.fixed(Duration.ofSeconds(7)), 5)).isEqualTo(7.0);
  }

  @Test
  void lognormalTalk_withMeanEqualToSd_putsAboutThreeAndAHalfPercentOverTenMinutes() {
    Distribution talk = new Distribution.LogNormal(Duration.ofSeconds(190), Duration.ofSeconds(190));
    SplittableRandom r = new SplittableRandom(9);
    long over = 0;
    for (int i = 0; i < N; i++) {
      if (talk.sampleNanos(r) > 600_000_000_000L) {
        over++;
      }
    }
    assertThat(over / (double) N).isBetween(0.033, 0.039);
  }

  @Test
  void never_isInfinite_andOthersAreFinite() {
    assertThat(new Distribution.Never().finite()).isFalse();
    assertThat(new Distribution.Never().sampleNanos(new SplittableRandom(1))).isEqualTo(Long.MAX_VALUE);
    assertThat(Distribution.zero().finite()).isTrue();
  }

  @Test
  void badParameters_areRejectedWithTheParameterNamed() {
    assertThatThrownBy(() -> Distribution.exponential(Duration.ZERO)).hasMessageContaining("exponential mean");
    assertThatThrownBy(() -> new Distribution.LogNormal(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessageContaining("lognormal sd");
    assertThatThrownBy(() -> new Distribution.Uniform(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("below min");
    assertThatThrownBy(() -> new Distribution.Empirical(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> Distribution.fixed(Duration.ofSeconds(-1))).hasMessageContaining("negative");
  }
}
