package org.hotlineacd.acd.app;

import java.util.Optional;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.port.AgentDirectory;

/**
 * The agent directory of whatever configuration runs now: a reload swaps in the directory of the
 * new one (new agents can log in, changed secrets count at the next login).
 */
public final class ReloadableAgentDirectory implements AgentDirectory {
  private volatile ConfigAgentDirectory current;

  /** The directory of {@code config}, until {@link #set} swaps it. */
  public ReloadableAgentDirectory(AcdConfig config) {
    this.current = new ConfigAgentDirectory(config);
  }

  /** Serves {@code config} from now on. */
  public void set(AcdConfig config) {
    current = new ConfigAgentDirectory(config);
  }

  @Override
  public Optional<Entry> agent(AgentId id) {
    return current.agent(id);
  }

  @Override
  public Choices choices() {
    return current.choices();
  }
}
