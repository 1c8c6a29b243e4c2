package org.hotlineacd.cti.asterisk;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI actions Asterisk-Java has no class for. Every value is cleaned of control characters. */
final class Actions {
  private Actions() {}

  /** {@code CancelAtxfer}: abandon an attended transfer started on {@code channel}. */
  static final class CancelAtxfer extends AbstractManagerAction {
    private static final long serialVersionUID = 1L;
    private final String channel;

    CancelAtxfer(String channel) {
      this.channel = AmiText.clean(channel);
    }

    @Override
    public String getAction() {
      return "CancelAtxfer";
    }

    /** Serialised as the {@code Channel} header. */
    public String getChannel() {
      return channel;
    }
  }

  /** {@code DeviceStateList}: one {@code DeviceStateChange} per device, then a complete event. */
  static final class DeviceStateList extends AbstractManagerAction {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
      return "DeviceStateList";
    }
  }
}
