package org.hotlineacd.acd.segment;

/**
 * Where segment milestones go: the figures, call records and case handoff listen here. Called on
 * the engine thread, in order: an implementation must be quick and must not block (hand I/O on).
 */
@FunctionalInterface
public interface SegmentListener {
  /** Takes one milestone. */
  void on(SegmentEvent event);

  /** A listener that drops everything. */
  SegmentListener NONE = event -> {};
}
