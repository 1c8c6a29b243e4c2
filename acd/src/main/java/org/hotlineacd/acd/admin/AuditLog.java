package org.hotlineacd.acd.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of configuration changes: one JSON object per line in a file ({@code
 * data/audit.jsonl}), appended and forced to disk before a change is reported as done. Plain text
 * on purpose: it outlives any database choice and reads with {@code tail} and {@code jq}.
 *
 * <p>Threading: called from the admin thread only.
 */
final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  /**
   * One audited event.
   *
   * @param via {@code api}, {@code file} or {@code signal}
   * @param action what was asked, e.g. {@code update queues/general} or {@code reload}
   * @param applied false for a change that was refused (then {@code problems} says why)
   */
  record Entry(Instant at, String who, String via, String action, boolean applied, String versionBefore,
      String versionAfter, List<String> summary, String diff, List<String> problems) {}

  void append(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", e.at().toString());
    m.put("who", e.who());
    m.put("via", e.via());
    m.put("action", e.action());
    m.put("applied", e.applied());
    m.put("versionBefore", e.versionBefore());
    m.put("versionAfter", e.versionAfter());
    m.put("summary", e.summary());
    if (e.diff() != null && !e.diff().isEmpty()) {
      m.put("diff", e.diff());
    }
    if (!e.problems().isEmpty()) {
      m.put("problems", e.problems());
    }
    try {
      byte[] line = (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      }
    } catch (IOException e2) {
      throw new UncheckedIOException("cannot write the audit log " + file, e2);
    }
  }

  /** The last {@code limit} entries, newest first, as JSON-ready maps. */
  List<Object> latest(int limit) {
    if (!Files.exists(file)) {
      return List.of();
    }
    Deque<String> tail = new ArrayDeque<>();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(l -> {
        if (!l.isBlank()) {
          tail.addFirst(l);
          if (tail.size() > limit) {
            tail.removeLast();
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + file, e);
    }
    List<Object> out = new ArrayList<>();
    for (String l : tail) {
      try {
        out.add(JSON.readValue(l, Map.class));
      } catch (JsonProcessingException e) {
        LOG.warn("skipping an unreadable audit line: {}", e.getOriginalMessage());
      }
    }
    return out;
  }
}
