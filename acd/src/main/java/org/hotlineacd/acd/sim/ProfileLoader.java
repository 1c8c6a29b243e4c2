package org.hotlineacd.acd.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.cti.sim.AgentGroup;
import org.hotlineacd.cti.sim.TrafficProfile;

/**
 * Reads a traffic profile (YAML, see {@code docs/simulation.md}) into a {@link TrafficProfile} and
 * the roster of its simulated agents. Every problem, from a YAML syntax error to a probability
 * above 1, is a {@link ProfileException} naming file, line, column and field.
 */
public final class ProfileLoader {
  private ProfileLoader() {}

  /** Reads the profile in {@code file} (UTF-8). */
  public static LoadedProfile load(Path file) {
    String name = file.toString();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, name, defaultName(file));
    } catch (NoSuchFileException e) {
      throw new ProfileException(name, 0, 0, "", "no such file", e);
    } catch (IOException e) {
      throw new ProfileException(name, 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a profile from text; {@code sourceName} is what messages call the file. */
  public static LoadedProfile parse(String yaml, String sourceName) {
    try (Reader in = new StringReader(yaml)) {
      return read(in, sourceName, sourceName);
    } catch (IOException e) {
      throw new ProfileException(sourceName, 0, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static LoadedProfile read(Reader in, String file, String defaultName) throws IOException {
    YamlTree.Node root;
    try {
      root = YamlTree.read(in);
    } catch (YamlTree.SyntaxError e) {
      throw new ProfileException(file, e.pos.line(), e.pos.column(), "", "YAML: " + e.getMessage(), e);
    }
    ProfileParser parser = new ProfileParser(file);
    TrafficProfile profile = parser.profile(root, defaultName);
    return new LoadedProfile(profile, roster(profile), parser.references);
  }

  /** The ACD agents for a profile's groups: ids as the simulator makes them, endpoint SIM/id. */
  public static List<AgentConfig> roster(TrafficProfile profile) {
    List<AgentConfig> agents = new ArrayList<>(profile.agentCount());
    for (AgentGroup g : profile.groups()) {
      for (String id : g.agentIds()) {
        agents.add(AgentConfig.simple(id, g.skills()));
      }
    }
    return agents;
  }

  private static String defaultName(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") ? n.substring(0, n.lastIndexOf('.')) : n;
  }
}
