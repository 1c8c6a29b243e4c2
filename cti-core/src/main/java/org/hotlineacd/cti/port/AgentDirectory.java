package org.hotlineacd.cti.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotlineacd.cti.model.AgentId;

/**
 * The configured agents and the choices a desktop offers them, as the network edge needs them:
 * who may log in (with the hashed secret to check), and the lists of not-ready reasons,
 * dispositions, case categories, queues and external transfer targets. Thread-safe; an
 * implementation reads the current configuration, so a reload shows on the next call.
 */
public interface AgentDirectory {
  /** The agent with this id, if it is configured. */
  Optional<Entry> agent(AgentId id);

  /** What a desktop offers its agent to pick from. */
  Choices choices();

  /**
   * One configured agent.
   *
   * @param secretHash the hashed desktop secret, or {@code null} when the agent may not log in from
   *     a desktop
   */
  record Entry(AgentId id, String name, String secretHash) {
    /** Validates. */
    public Entry {
      Objects.requireNonNull(id, "id");
      name = name == null ? id.value() : name;
    }
  }

  /** One item of a pick list: a stable id and what a person reads. */
  record Choice(String id, String label) {
    /** Validates. */
    public Choice {
      Objects.requireNonNull(id, "id");
      label = label == null || label.isBlank() ? id : label;
    }
  }

  /** The pick lists of the desktop, each in configuration order. */
  record Choices(
      List<Choice> notReadyReasons,
      List<Choice> dispositions,
      List<Choice> categories,
      List<Choice> queues,
      List<Choice> transferTargets) {
    /** Copies. */
    public Choices {
      notReadyReasons = List.copyOf(notReadyReasons);
      dispositions = List.copyOf(dispositions);
      categories = List.copyOf(categories);
      queues = List.copyOf(queues);
      transferTargets = List.copyOf(transferTargets);
    }

    /** True if {@code id} is one of {@code list}. */
    public static boolean contains(List<Choice> list, String id) {
      for (Choice c : list) {
        if (c.id().equals(id)) {
          return true;
        }
      }
      return false;
    }
  }
}
