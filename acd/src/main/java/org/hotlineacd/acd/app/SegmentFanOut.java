package org.hotlineacd.acd.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each segment milestone to several listeners, each in isolation: the engine calls segment
 * listeners in the middle of a state change, so a listener that throws must neither stop the
 * others (the figures, the records) nor leave the engine's change half done. A failure is logged
 * (the first, then every 1,000th) and counted.
 */
final class SegmentFanOut implements SegmentListener {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentFanOut.class);

  private final List<SegmentListener> listeners;
  private final AtomicLong failures = new AtomicLong();

  SegmentFanOut(List<SegmentListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void on(SegmentEvent event) {
    for (SegmentListener l : listeners) {
      try {
        l.on(event);
      } catch (RuntimeException e) {
        long n = failures.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
          LOG.error("a segment listener ({}) failed on {} for call {} ({} failures so far); the others went on",
              l.getClass().getSimpleName(), event.getClass().getSimpleName(), event.key().call(), n, e);
        }
      }
    }
  }

  long failures() {
    return failures.get();
  }
}
