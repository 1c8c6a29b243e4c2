package org.hotlineacd.cti.amireplay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One recorded AMI connection ({@code cN.server.raw}/{@code .times} and {@code cN.client.raw}/{@code
 * .times}) cut into messages, each server message tagged with how many client actions had been sent
 * before it arrived (its gate).
 */
public final class Transcript {
  /** One AMI message: its raw text (CRLF lines, with the blank line that ends it) and its first line's time. */
  public record Message(String text, double time, int gate) {
    /** The value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
      return Transcript.header(text, name);
    }
  }

  private final List<Message> server;
  private final List<Message> client;
  private final boolean serverClosed;

  private Transcript(List<Message> server, List<Message> client, boolean serverClosed) {
    this.server = server;
    this.client = client;
    this.serverClosed = serverClosed;
  }

  /** Reads connection {@code n} of a scenario folder. */
  public static Transcript read(Path folder, int n) throws IOException {
    List<Message> client = messages(folder.resolve("c" + n + ".client.raw"), folder.resolve("c" + n + ".client.times"), null);
    List<Message> server = messages(folder.resolve("c" + n + ".server.raw"), folder.resolve("c" + n + ".server.times"), client);
    return new Transcript(server, client, true);
  }

  /** A transcript built in memory (tests and benchmarks): the server messages are sent on connect. */
  public static Transcript of(List<String> serverMessages) {
    List<Message> server = new ArrayList<>();
    for (String m : serverMessages) {
      server.add(new Message(m, 0, 0));
    }
    return new Transcript(server, List.of(), false);
  }

  /**
   * This connection without its server messages from the first {@code Event: event} on, and left
   * open: a test sends the rest itself when the client is where the recording's client was (the
   * gates only count actions, so a message recorded seconds after the last action would otherwise
   * be released together with that action's response, in the middle of Asterisk-Java's login).
   */
  public Transcript before(String event) {
    List<Message> kept = new ArrayList<>();
    for (Message m : server) {
      if (event.equalsIgnoreCase(m.header("Event"))) {
        break;
      }
      kept.add(m);
    }
    return new Transcript(List.copyOf(kept), client, false);
  }

  /** The server's messages in order (the first is the banner line). */
  public List<Message> server() {
    return server;
  }

  /** The recorded client's actions in order. */
  public List<Message> client() {
    return client;
  }

  /** Whether the recorded server closed the connection after its last message. */
  public boolean serverClosed() {
    return serverClosed;
  }

  private static List<Message> messages(Path raw, Path times, List<Message> gates) throws IOException {
    List<Message> out = new ArrayList<>();
    if (!Files.exists(raw)) {
      return out;
    }
    String text = Files.readString(raw, StandardCharsets.ISO_8859_1);
    List<String> timeLines = Files.exists(times) ? Files.readAllLines(times) : List.of();
    String[] lines = text.split("\r\n", -1);
    StringBuilder current = new StringBuilder();
    double firstTime = -1;
    for (int i = 0; i < lines.length; i++) {
      if (i == lines.length - 1 && lines[i].isEmpty()) {
        break;
      }
      double t = i < timeLines.size() ? parseTime(timeLines.get(i)) : 0;
      String line = lines[i];
      if (current.isEmpty() && line.isEmpty()) {
        continue;
      }
      if (current.isEmpty()) {
        firstTime = t;
      }
      current.append(line).append("\r\n");
      boolean banner = out.isEmpty() && gates != null && line.startsWith("Asterisk Call Manager/");
      if (line.isEmpty() || banner) {
        out.add(new Message(current.toString(), firstTime, gates == null ? 0 : gate(gates, firstTime)));
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      out.add(new Message(current.append("\r\n").toString(), firstTime, gates == null ? 0 : gate(gates, firstTime)));
    }
    return out;
  }

  private static double parseTime(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int gate(List<Message> actions, double time) {
    int n = 0;
    for (Message a : actions) {
      if (a.time() < time) {
        n++;
      }
    }
    return n;
  }

  static String header(String text, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    return null;
  }
}
