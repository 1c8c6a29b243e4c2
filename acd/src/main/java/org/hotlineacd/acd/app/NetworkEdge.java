package org.hotlineacd.acd.app;

import java.util.function.LongSupplier;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.SecuritySettings;
import org.hotlineacd.acd.config.ServerSettings;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.DeskPhone;

/**
 * Plugs the engine into the softphone bridge: the configuration becomes the bridge's settings and
 * agent directory, the loop its inbox, clock and readiness. {@code demo} and {@code run} both
 * build their server here.
 */
public final class NetworkEdge {
  private NetworkEdge() {}

  /** The bridge's settings from the {@code server} and {@code security} sections. */
  public static BridgeSettings settings(AcdConfig config) {
    ServerSettings s = config.server();
    SecuritySettings sec = config.security();
    BridgeSettings.Tls tls = s.tlsCertificate() == null ? null : new BridgeSettings.Tls(s.tlsCertificate(), s.tlsPrivateKey());
    return new BridgeSettings(s.bind(), s.port(), tls, new BridgeSettings.Sessions(sec.allowedOrigins(),
        sec.secondLogin() == SecuritySettings.SecondLogin.TAKEOVER, sec.heartbeat(), sec.heartbeatTimeout(),
        sec.reconnectGrace(), sec.disconnectReason(), sec.tokenLifetime(), sec.maxFrameBytes(), sec.maxMessagesPerSecond()));
  }

  /**
   * A bridge server (not started) for the engine behind {@code loop}. The caller connects {@link
   * BridgeServer#agentNotifier()} to the loop before the loop starts.
   *
   * @param engineClock the engine's clock in epoch nanoseconds, safe from any thread
   */
  public static BridgeServer server(AcdConfig config, BridgeSettings settings, EngineLoop loop, LongSupplier engineClock,
      DeskPhone phone, CallerHistory history) {
    return builder(settings, loop, engineClock, phone, history, new ConfigAgentDirectory(config)).build();
  }

  /**
   * A bridge builder for the engine behind {@code loop}, for callers that add routes (the admin
   * API: see {@link Administration#attach}) and pass a directory that follows reloads.
   */
  public static BridgeServer.Builder builder(BridgeSettings settings, EngineLoop loop, LongSupplier engineClock,
      DeskPhone phone, CallerHistory history, AgentDirectory directory) {
    return BridgeServer.builder(settings)
        .engine(loop, engineClock)
        .directory(directory)
        .deskPhone(phone)
        .callerHistory(history)
        .readiness(new EngineReadiness(loop));
  }
}
