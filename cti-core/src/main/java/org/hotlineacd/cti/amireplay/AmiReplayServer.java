package org.hotlineacd.cti.amireplay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small AMI server on 127.0.0.1 that replays recorded Asterisk sessions to a real client, for
 * tests, benchmarks and the {@code run} command's end-to-end check (it lives in main code so the
 * packaged jar and the benchmarks can use it; it imports no Asterisk-Java).
 *
 * <p>Connection {@code k} (0-based) replays transcript {@code k}; later connections get an idle
 * session that only answers. Each recorded server message waits until the client has sent as many
 * actions as the recorded client had when it arrived: an action from the real client is matched to
 * the next recorded action of the same name, and the recorded {@code ActionID}s ({@code c1-2}) are
 * rewritten to the client's own ({@code 1790151337_4#7}). Actions the recording lacks are answered
 * from the login prelude (scenario 00: {@code Challenge}, {@code CoreSettings}, {@code Command}) or
 * synthesised ({@code Ping}, list actions with an empty list, {@code Logoff}). When the recorded
 * server closed the connection and everything was sent, the socket is closed.
 *
 * <p>Threading: one accept thread and one thread per connection; {@link #received()} and {@link
 * #send} are safe from any thread.
 */
public final class AmiReplayServer implements Closeable {
  private static final Map<String, String> LIST_COMPLETE = Map.of(
      "coreshowchannels", "CoreShowChannelsComplete",
      "status", "StatusComplete",
      "devicestatelist", "DeviceStateListComplete",
      "bridgelist", "BridgeListComplete",
      "pjsipshowcontacts", "ContactListComplete");

  private static final boolean TCP_NO_DELAY =
      Boolean.parseBoolean(System.getProperty("hotlineacd.replay.tcpNoDelay", "true"));

  private final List<Transcript> scenario;
  private final Transcript prelude;
  private final ServerSocket socket;
  private final Thread acceptor;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> actionLog = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean answerPings = true;
  private volatile boolean failLogin;
  private volatile Session current;
  private volatile boolean closed;
  private final Map<String, java.util.function.BiFunction<String, String, String>> responders =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Starts a server on 127.0.0.1 with an ephemeral port.
   *
   * @param scenario one transcript per connection, in order
   * @param prelude the Asterisk-Java style login session (scenario 00), or null
   */
  public AmiReplayServer(List<Transcript> scenario, Transcript prelude) throws IOException {
    this.scenario = List.copyOf(scenario);
    this.prelude = prelude;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::acceptLoop, "ami-replay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port it listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  /** How many connections were accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Every action received, as raw text, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** Waits up to {@code timeoutMillis} for the next action whose {@code Action} is {@code name}; null on timeout. */
  public String awaitAction(String name, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      String a = actionLog.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (a == null) {
        return null;
      }
      if (name.equalsIgnoreCase(Transcript.header(a, "Action"))) {
        return a;
      }
    }
  }

  /** Whether {@code Ping} is answered (false simulates a hung Asterisk that still holds the socket). */
  public void answerPings(boolean value) {
    this.answerPings = value;
  }

  /** Whether logins are refused, like a wrong secret (scenario 10). */
  public void failLogin(boolean value) {
    this.failLogin = value;
  }

  /** Writes raw bytes to the current connection (ISO-8859-1); false when none is open. */
  public boolean send(String raw) {
    Session s = current;
    return s != null && s.write(raw);
  }

  /**
   * Plays the recorded client's next action named {@code action} as if someone other than the ACD
   * had sent it (a phone, an operator, another AMI client: the recording's driver did what the ACD
   * never does, e.g. hang up the customer's handset or pause an app_queue member). The messages it
   * gated are released; their {@code ActionID}s stay the recorded ones, which the real client does
   * not know. False when there is no such unplayed action on the current connection.
   */
  public boolean actAs(String action) {
    Session s = current;
    return s != null && s.actAs(action);
  }

  /**
   * Answers every later {@code action} (case-insensitive name) with {@code responder}'s text (full
   * AMI messages; {@code ActionID} of the received action is passed in, may be null) instead of
   * the synthesised default: tests use it to say which channels exist in a {@code CoreShowChannels}.
   */
  public void respond(String action, java.util.function.BiFunction<String, String, String> responder) {
    responders.put(action.toLowerCase(Locale.ROOT), responder);
  }

  /**
   * Stops reading and answering on the current connection without closing it, like a hung
   * Asterisk or a half-open TCP connection (the peer vanished without a FIN): the client's writes
   * still succeed, nothing comes back.
   */
  public void freeze() {
    Session s = current;
    if (s != null) {
      s.frozen = true;
    }
  }

  /** Closes the current connection without a goodbye, like a crashed Asterisk or a cut cable. */
  public void dropConnection() {
    Session s = current;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    dropConnection();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        // each message is its own write: without this, Nagle holds small writes back until the
        // client's (delayed) ACK, tens of milliseconds that are the replay server's, not Asterisk's
        // (-Dhotlineacd.replay.tcpNoDelay=false shows the difference in AmiAdapterBenchmark)
        s.setTcpNoDelay(TCP_NO_DELAY);
        int index = connections.getAndIncrement();
        Transcript t = index < scenario.size() ? scenario.get(index) : null;
        Session session = new Session(s, t);
        current = session;
        Thread th = new Thread(session::run, "ami-replay-conn-" + index);
        th.setDaemon(true);
        th.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private final class Session {
    private final Socket socket;
    private final Transcript transcript;
    private final OutputStream out;
    private final Map<String, String> idMap = new HashMap<>();
    private final boolean[] consumed;
    private int gate;
    private int nextMessage;
    volatile boolean frozen;

    Session(Socket socket, Transcript transcript) throws IOException {
      this.socket = socket;
      this.transcript = transcript;
      this.out = socket.getOutputStream();
      this.consumed = new boolean[transcript == null ? 0 : transcript.client().size()];
    }

    void run() {
      try (socket) {
        if (transcript == null) {
          write("Asterisk Call Manager/11.0.0\r\n");
        } else {
          release();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        StringBuilder action = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isEmpty()) {
            action.append(line).append("\r\n");
            continue;
          }
          if (action.isEmpty()) {
            continue;
          }
          String text = action.append("\r\n").toString();
          action.setLength(0);
          if (frozen) {
            continue; // a hung peer: read (so the client never blocks) but never answer
          }
          received.add(text);
          boolean open = answer(text);
          actionLog.add(text); // after answering: whoever awaits it can act knowing its ActionID is mapped
          if (!open) {
            return;
          }
        }
      } catch (IOException e) {
        // the client went away, or the test dropped the connection
      }
    }

    synchronized boolean actAs(String name) {
      int k = match(name);
      if (k < 0) {
        return false;
      }
      consumed[k] = true;
      gate = Math.max(gate, k + 1);
      release();
      return true;
    }

    /** Answers one action; false when the connection should close. */
    private synchronized boolean answer(String action) {
      String name = String.valueOf(Transcript.header(action, "Action"));
      String id = Transcript.header(action, "ActionID");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("login") && failLogin) {
        write(reply(id, "Error", "Message: Authentication failed\r\n"));
        return false;
      }
      var responder = responders.get(lower);
      if (responder != null) {
        write(responder.apply(action, id));
        return true;
      }
      int k = match(name);
      if (k >= 0) {
        consumed[k] = true;
        String recordedId = transcript.client().get(k).header("ActionID");
        if (recordedId != null && id != null) {
          idMap.put(recordedId, id);
        }
        gate = Math.max(gate, k + 1);
        release();
        return !finished();
      }
      switch (lower) {
        case "ping" -> {
          if (answerPings) {
            write(reply(id, "Success", "Ping: Pong\r\nTimestamp: 1795785681.000000\r\n"));
          }
        }
        case "logoff" -> {
          write(reply(id, "Goodbye", "Message: Thanks for all the fish.\r\n"));
          return false;
        }
        case "login" -> write(reply(id, "Success", "Message: Authentication accepted\r\n")
            + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 100\r\nLastReload: 100\r\nStatus: Fully Booted\r\n\r\n");
        default -> {
          String fromPrelude = fromPrelude(action, name, id);
          if (fromPrelude != null) {
            write(fromPrelude);
          } else if (lower.equals("challenge")) {
            write(reply(id, "Success", "Challenge: 118892325\r\n"));
          } else if (lower.equals("coresettings")) {
            write(reply(id, "Success", "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n"));
          } else if (lower.equals("command")) {
            write(reply(id, "Success", "Message: Command output follows\r\nOutput: Asterisk 22.10.1 (replay)\r\n"));
          } else if (LIST_COMPLETE.containsKey(lower)) {
            write(reply(id, "Success", "EventList: start\r\nMessage: list will follow\r\n")
                + "Event: " + LIST_COMPLETE.get(lower) + "\r\n" + (id == null ? "" : "ActionID: " + id + "\r\n")
                + "EventList: Complete\r\nListItems: 0\r\n\r\n");
          } else {
            write(reply(id, "Success", "Message: replayed\r\n"));
          }
        }
      }
      return true;
    }

    private int match(String name) {
      if (transcript == null) {
        return -1;
      }
      List<Transcript.Message> actions = transcript.client();
      for (int i = 0; i < actions.size(); i++) {
        if (!consumed[i] && name.equalsIgnoreCase(actions.get(i).header("Action"))) {
          return i;
        }
      }
      return -1;
    }

    private String fromPrelude(String action, String name, String id) {
      if (prelude == null) {
        return null;
      }
      String command = Transcript.header(action, "Command");
      for (Transcript.Message a : prelude.client()) {
        if (!name.equalsIgnoreCase(a.header("Action")) || name.equalsIgnoreCase("login")) {
          continue;
        }
        if (command != null && !command.equalsIgnoreCase(a.header("Command"))) {
          continue;
        }
        String recordedId = a.header("ActionID");
        for (Transcript.Message m : prelude.server()) {
          if (recordedId != null && recordedId.equals(m.header("ActionID"))) {
            return m.text().replace("ActionID: " + recordedId + "\r\n", id == null ? "" : "ActionID: " + id + "\r\n");
          }
        }
      }
      return null;
    }

    private void release() {
      List<Transcript.Message> messages = transcript.server();
      StringBuilder batch = new StringBuilder();
      while (nextMessage < messages.size() && messages.get(nextMessage).gate() <= gate) {
        batch.append(rewrite(messages.get(nextMessage).text()));
        nextMessage++;
      }
      if (!batch.isEmpty()) {
        write(batch.toString());
      }
      if (finished()) {
        close();
      }
    }

    private boolean finished() {
      return transcript != null && transcript.serverClosed() && nextMessage >= transcript.server().size()
          && !transcript.server().isEmpty();
    }

    private String rewrite(String text) {
      String id = Transcript.header(text, "ActionID");
      if (id == null) {
        return text;
      }
      String real = idMap.get(id);
      return real == null ? text : text.replace("ActionID: " + id + "\r\n", "ActionID: " + real + "\r\n");
    }

    synchronized boolean write(String raw) {
      try {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static String reply(String id, String response, String rest) {
    return "Response: " + response + "\r\n" + (id == null ? "" : "ActionID: " + id + "\r\n") + rest + "\r\n";
  }

  /** Reads every connection of a scenario folder ({@code c1}, {@code c2}, ...). */
  public static List<Transcript> scenario(java.nio.file.Path folder) throws IOException {
    List<Transcript> list = new ArrayList<>();
    for (int n = 1; java.nio.file.Files.exists(folder.resolve("c" + n + ".server.raw")); n++) {
      list.add(Transcript.read(folder, n));
    }
    return list;
  }
}
