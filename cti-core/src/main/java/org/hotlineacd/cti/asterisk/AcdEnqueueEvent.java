package org.hotlineacd.cti.asterisk;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(AcdEnqueue,AcdLine: ...,Queue: ...)}: a caller starts waiting for
 * the ACD. Public only because Asterisk-Java builds it by reflection; nothing outside this package
 * sees it.
 */
public final class AcdEnqueueEvent extends UserEvent {
  private static final long serialVersionUID = 1L;
  private String line;
  private String queue;

  /** Asterisk-Java's event constructor. */
  public AcdEnqueueEvent(Object source) {
    super(source);
  }

  /**
   * The {@code AcdLine} header: the line (DNIS) id from the ACD configuration. (Not {@code Line}:
   * Asterisk-Java reads that header as the source line number of debug events.)
   */
  public String getAcdLine() {
    return line;
  }

  /** Set by Asterisk-Java from the {@code AcdLine} header. */
  public void setAcdLine(String line) {
    this.line = line;
  }

  /** The {@code Queue} header (the recorded dialplan's only tag; used when there is no {@code AcdLine}). */
  public String getQueue() {
    return queue;
  }

  /** Set by Asterisk-Java from the {@code Queue} header. */
  public void setQueue(String queue) {
    this.queue = queue;
  }
}
