package org.hotlineacd.acd.app;

import java.util.ArrayList;
import java.util.List;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.live.LiveBoard;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.segment.SegmentListener;

/**
 * One engine with what reads it: the figures fed from its segments, its loop on a time source and
 * the live board. The PBX and the desktops are connected to the loop by the caller ({@link
 * SimulatedCentre} for the simulated PBX, {@code run} for Asterisk).
 *
 * @param config the configuration the engine runs on
 * @param engine the engine (touch only on the loop thread, or when the loop is not running)
 * @param figures the figures (same rule)
 * @param loop the loop
 * @param board the live board (wallboard feed and gauges); published on the loop thread
 */
public record Centre(AcdConfig config, Engine engine, FigureBook figures, EngineLoop loop, LiveBoard board) {

  /**
   * An engine for {@code config} (already consistent) on {@code time}, its segments going to the
   * figures first and then to each of {@code moreListeners}.
   */
  public static Centre create(AcdConfig config, TimeSource time, SegmentListener... moreListeners) {
    FigureBook figures = new FigureBook(config);
    List<SegmentListener> all = new ArrayList<>();
    all.add(figures);
    all.addAll(List.of(moreListeners));
    Engine engine = new Engine(config, new SegmentFanOut(all));
    EngineLoop loop = new EngineLoop(engine, time);
    return new Centre(config, engine, figures, loop, new LiveBoard(engine, figures, config.wallboard(), figures.queueIds()));
  }
}
