package org.hotlineacd.acd.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The configuration file on disk: read, versioned by content, and replaced atomically (write a
 * temporary file beside it, keep the previous text as {@code <name>.bak}, rename over it), so a
 * reader never sees half a file and the watcher sees one change.
 */
final class ConfigFile {
  private final Path path;

  ConfigFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  String read() throws IOException {
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  /** The version of a text: the first 16 hex digits of its SHA-256 (what the API's ETag carries). */
  static String version(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  /** Replaces the file's text, keeping the previous text as {@code <name>.bak}. */
  void write(String text, String previous) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Path name = path.getFileName();
      Path tmp = dir.resolve("." + name + ".tmp");
      Files.writeString(dir.resolve(name + ".bak"), previous, StandardCharsets.UTF_8);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
