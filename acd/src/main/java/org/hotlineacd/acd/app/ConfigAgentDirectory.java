package org.hotlineacd.acd.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.port.AgentDirectory;

/**
 * The {@link AgentDirectory} of a configuration: agents with their hashed secrets, and the pick
 * lists of the desktop. Immutable; when reload arrives, a new directory per applied configuration
 * (or a holder that swaps them) keeps it current.
 */
public final class ConfigAgentDirectory implements AgentDirectory {
  private final Map<AgentId, Entry> agents;
  private final Choices choices;

  /** The directory of {@code config}. */
  public ConfigAgentDirectory(AcdConfig config) {
    this.agents = config.agents().stream().collect(Collectors.toUnmodifiableMap(
        a -> AgentId.of(a.id()), ConfigAgentDirectory::entry, (a, b) -> a));
    this.choices = new Choices(
        config.notReadyReasons().stream().map(r -> new Choice(r, r)).toList(),
        choices(config.dispositions()),
        choices(config.categories()),
        config.queues().stream().map(q -> new Choice(q.id(), q.name())).toList(),
        config.transferTargets().values().stream()
            .map(t -> new Choice(t.label(), t.description().isBlank() ? t.label() : t.label() + " · " + t.description()))
            .toList());
  }

  private static Entry entry(AgentConfig a) {
    return new Entry(AgentId.of(a.id()), a.name(), a.secretHash());
  }

  private static List<Choice> choices(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
  }

  @Override
  public Optional<Entry> agent(AgentId id) {
    return Optional.ofNullable(agents.get(id));
  }

  @Override
  public Choices choices() {
    return choices;
  }

}
