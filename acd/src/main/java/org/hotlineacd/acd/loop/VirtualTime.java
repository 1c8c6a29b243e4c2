package org.hotlineacd.acd.loop;

/** Virtual time: it stands still until the loop moves it to the next deadline. */
final class VirtualTime implements TimeSource {
  private final long start;

  VirtualTime(long startEpochNanos) {
    this.start = startEpochNanos;
  }

  @Override
  public long nowNanos() {
    return start;
  }

  @Override
  public boolean virtual() {
    return true;
  }

  @Override
  public long realNanosFor(long sourceNanos) {
    return 0;
  }
}
