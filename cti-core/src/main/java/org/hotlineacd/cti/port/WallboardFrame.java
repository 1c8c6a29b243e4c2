package org.hotlineacd.cti.port;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One wallboard update: the board's figures at one instant, as ready-made JSON parts so that a
 * thousand boards cost one rendering. Immutable; safe to share between threads.
 *
 * <p>The JSON of a frame is {@code {"type":"board","seq":N,<head>,"queues":[<tile>,...]}}: the head
 * holds the instant, the centre tile and the colour thresholds; each tile one queue.
 *
 * @param sequence increases by one per published frame, from 1
 * @param atNanos the engine time of the figures (epoch nanoseconds)
 * @param headJson JSON members (no braces) common to every board
 * @param tiles one per queue, in display order
 */
public record WallboardFrame(long sequence, long atNanos, String headJson, List<Tile> tiles) {
  /** Validates and copies. */
  public WallboardFrame {
    Objects.requireNonNull(headJson, "headJson");
    tiles = List.copyOf(tiles);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
    }
  }

  /**
   * One queue's tile.
   *
   * @param queue the queue id
   * @param json the tile as one JSON object
   */
  public record Tile(String queue, String json) {
    /** Validates. */
    public Tile {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(json, "json");
    }
  }

  /** The frame as JSON with every queue's tile. */
  public String json() {
    return json(Set.of());
  }

  /** The frame as JSON with only the tiles of {@code queues} (all of them when empty). */
  public String json(Set<String> queues) {
    StringBuilder b = new StringBuilder(headJson.length() + tiles.size() * 600 + 64);
    b.append("{\"type\":\"board\",\"seq\":").append(sequence).append(',').append(headJson).append(",\"queues\":[");
    boolean first = true;
    for (Tile t : tiles) {
      if (queues.isEmpty() || queues.contains(t.queue())) {
        if (!first) {
          b.append(',');
        }
        b.append(t.json());
        first = false;
      }
    }
    return b.append("]}").toString();
  }
}
