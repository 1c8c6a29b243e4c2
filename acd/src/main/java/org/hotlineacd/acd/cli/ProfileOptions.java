package org.hotlineacd.acd.cli;

import java.nio.file.Path;
import org.hotlineacd.acd.sim.LoadedProfile;
import org.hotlineacd.acd.sim.ProfileLoader;
import picocli.CommandLine.Option;

/** The traffic profile and seed options of the commands that run the simulated PBX. */
final class ProfileOptions {
  @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE",
      description = "a profile name from config/profiles (demo, city-peak-day, erlang-c) or a file path")
  String profile;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "random seed: the same seed gives the same run (default: ${DEFAULT-VALUE})")
  long seed;

  Path path(String defaultProfile) {
    return Locations.profile(profile == null ? defaultProfile : profile);
  }

  LoadedProfile load(String defaultProfile) {
    return ProfileLoader.load(path(defaultProfile));
  }
}
