package org.hotlineacd.acd.app;

import java.util.List;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.live.LiveBoard;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.acd.sim.LoadedProfile;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.sim.SimulatedHotline;

/**
 * A whole centre on the simulated PBX: the configuration plus the profile's roster, the engine,
 * its loop on the given time source, the figures, and the simulated callers and agents wired to
 * the loop as PBX and desktops. Used by {@code demo} (real time) and {@code simulate} (virtual).
 */
public final class SimulatedCentre {
  private final Centre centre;
  private final AcdConfig config;
  private final Engine engine;
  private final FigureBook figures;
  private final EngineLoop loop;
  private final SimulatedHotline hotline;
  private final LiveBoard board;

  private SimulatedCentre(Centre centre, SimulatedHotline hotline) {
    this.centre = centre;
    this.config = centre.config();
    this.engine = centre.engine();
    this.figures = centre.figures();
    this.loop = centre.loop();
    this.hotline = hotline;
    this.board = centre.board();
  }

  /**
   * Builds the centre. Throws {@link IllegalArgumentException} listing every mismatch between the
   * profile and the configuration (an unknown line, skill or reason).
   */
  public static SimulatedCentre create(AcdConfig base, LoadedProfile profile, long seed, TimeSource time,
      SegmentListener... moreListeners) {
    List<String> problems = profile.problemsAgainst(base);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the profile does not fit the configuration:\n  " + String.join("\n  ", problems));
    }
    Centre centre = Centre.create(base.withAgents(profile.roster()).requireConsistent(), time, moreListeners);
    SimulatedHotline hotline = new SimulatedHotline(profile.profile(), centre.loop(), seed);
    centre.loop().notifier(hotline).telephony(hotline);
    return new SimulatedCentre(centre, hotline);
  }

  /**
   * What the engine runs for a file configuration {@code base} (on reload too): the base plus the
   * profile's roster, checked against the profile. Throws {@link IllegalArgumentException} listing
   * every mismatch.
   */
  public static AcdConfig fit(AcdConfig base, LoadedProfile profile) {
    List<String> problems = profile.problemsAgainst(base);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the profile does not fit the configuration:\n  " + String.join("\n  ", problems));
    }
    return base.withAgents(profile.roster()).requireConsistent();
  }

  /** The engine, its loop, figures and board. */
  public Centre centre() {
    return centre;
  }

  /** The configuration the engine runs on (the base plus the simulated roster). */
  public AcdConfig config() {
    return config;
  }

  /** The engine (touch only on the loop thread, or when the loop is not running). */
  public Engine engine() {
    return engine;
  }

  /** The figures (touch only on the loop thread, or when the loop is not running). */
  public FigureBook figures() {
    return figures;
  }

  /** The loop. */
  public EngineLoop loop() {
    return loop;
  }

  /**
   * Sends the engine's agent notices to real desktops too (the bridge), beside the simulated ones.
   * Call before the loop starts. Each side is shielded from the other's failures.
   */
  public SimulatedCentre withDesktops(AgentNotifier desktops) {
    loop.notifier(notice -> {
      try {
        hotline.notify(notice);
      } finally {
        desktops.notify(notice);
      }
    });
    return this;
  }

  /** The live board (wallboard feed and gauges); publish it on the loop thread. */
  public LiveBoard board() {
    return board;
  }

  /** The simulated callers and agents. */
  public SimulatedHotline hotline() {
    return hotline;
  }
}
