package org.hotlineacd.cti.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed and a name per purpose ({@code
 * line/12345/talk}, {@code agent/sim-general-001/ring-delay}). Deriving by name rather than by
 * order means adding a line, an agent or a draw in one place leaves every other stream as it was.
 */
final class RandomStreams {
  private final long seed;

  RandomStreams(long seed) {
    this.seed = seed;
  }

  SplittableRandom stream(String name) {
    return new SplittableRandom(mix64(mix64(seed) ^ fnv1a64(name)));
  }

  private static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
