package org.hotlineacd.acd.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.live.LiveQueue;
import org.hotlineacd.acd.live.LiveSnapshot;
import org.hotlineacd.cti.model.AgentState;

/**
 * Binds the live figures to a registry: per queue (tag {@code queue}, the configured ids) the
 * segment counters since start, calls waiting, the longest wait, agents by state and the live
 * service level today and over the last 15 minutes; for the whole centre, agents by state and its
 * service level. Every meter samples the latest published {@link LiveSnapshot} (NaN before the
 * first), so a scrape never touches the engine.
 *
 * <p>Queues are those given at bind time: a queue added by a later reload gets meters at the next
 * start, which keeps the tag set bounded and stable.
 */
public final class AcdMeters implements MeterBinder {
  private static final String QUEUE = "queue";
  private final Supplier<LiveSnapshot> source;
  private final List<String> queueIds;
  private final String formulaNote;

  /**
   * Meters over the snapshots {@code source} supplies, for these queues.
   *
   * @param formulaNote how the service level is computed, stated in its description
   */
  public AcdMeters(Supplier<LiveSnapshot> source, List<String> queueIds, String formulaNote) {
    this.source = source;
    this.queueIds = List.copyOf(queueIds);
    this.formulaNote = formulaNote;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String id : queueIds) {
      Tags tags = Tags.of(QUEUE, id);
      counter(registry, "acd.calls.offered", "Queue segments that entered the queue (METRICS.md offered)", tags, id,
          Figures::offered);
      counter(registry, "acd.calls.answered", "Queue segments answered by an agent", tags, id, Figures::answered);
      counter(registry, "acd.calls.answered.within.target", "Queue segments answered with a wait of at most the "
          + "queue's answer target T", tags, id, Figures::answeredWithinT);
      counter(registry, "acd.calls.abandoned", "Queue segments whose caller hung up before an answer", tags, id,
          Figures::abandoned);
      counter(registry, "acd.calls.overflowed", "Queue segments that left unanswered by an overflow rule", tags, id,
          Figures::overflowed);
      gauge(registry, "acd.calls.waiting", "Calls waiting in the queue now", null, tags, id, LiveQueue::waiting);
      gauge(registry, "acd.calls.longest.wait", "Age of the oldest call waiting in the queue now", "seconds", tags,
          id, q -> q.longestWaitNanos() / 1e9);
      for (AgentState state : AgentState.values()) {
        if (state != AgentState.LOGGED_OUT) {
          gauge(registry, "acd.queue.agents", "Logged-in agents serving the queue, by state", null,
              tags.and("state", state.label()), id, q -> q.agentsIn(state));
        }
      }
      serviceLevel(registry, tags, id);
    }
    for (AgentState state : AgentState.values()) {
      gauge(registry, "acd.agents", "Agents of the whole centre by state", null, Tags.of("state", state.label()),
          Figures.CENTRE, q -> q.agentsIn(state));
    }
    serviceLevel(registry, Tags.empty(), Figures.CENTRE);
  }

  private void serviceLevel(MeterRegistry registry, Tags tags, String id) {
    String name = id.equals(Figures.CENTRE) ? "acd.centre.service.level" : "acd.service.level";
    String what = id.equals(Figures.CENTRE) ? "Whole-centre live service level" : "Live service level";
    gauge(registry, name, what + " today (" + formulaNote + ")", "ratio", tags.and("window", "today"), id,
        LiveQueue::serviceLevelToday);
    gauge(registry, name, what + " over the last 15 minutes (" + formulaNote + ")", "ratio",
        tags.and("window", "15m"), id, LiveQueue::serviceLevel15);
  }

  private void counter(MeterRegistry registry, String name, String help, Tags tags, String id,
      ToDoubleFunction<Figures> count) {
    FunctionCounter.builder(name, source, s -> {
      LiveQueue q = scope(s.get(), id);
      return q == null ? 0 : count.applyAsDouble(q.sinceStart());
    }).description(help).tags(tags).register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String help, String unit, Tags tags, String id,
      ToDoubleFunction<LiveQueue> value) {
    Gauge.builder(name, source, s -> {
      LiveQueue q = scope(s.get(), id);
      return q == null ? Double.NaN : value.applyAsDouble(q);
    }).description(help).baseUnit(unit).tags(tags).strongReference(true).register(registry);
  }

  private static LiveQueue scope(LiveSnapshot s, String id) {
    if (s == null) {
      return null;
    }
    return id.equals(Figures.CENTRE) ? s.centre() : s.queue(id);
  }
}
