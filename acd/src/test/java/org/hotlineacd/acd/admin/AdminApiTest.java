package org.hotlineacd.acd.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotlineacd.acd.app.Administration;
import org.hotlineacd.acd.app.NetworkEdge;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.DeskPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API through a real HTTP client against the running server on 127.0.0.1. */
class AdminApiTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private Path file;
  private Engine engine;
  private EngineLoop loop;
  private Administration admin;
  private BridgeServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    file = dir.resolve("acd.yaml");
    Files.writeString(file, AdminFixture.yaml());
    AcdConfig config = ConfigLoader.load(file);
    engine = new Engine(config, e -> {});
    loop = new EngineLoop(engine, TimeSource.scaled(System.currentTimeMillis() * 1_000_000L, 1));
    FigureBook figures = new FigureBook(config);
    admin = Administration.create(file, config, AcdConfig::requireConsistent, engine, loop, figures, dir.resolve("data"));
    server = admin.attach(NetworkEdge.builder(BridgeSettings.plain("127.0.0.1", 0), loop, loop::nowNanos,
        DeskPhone.NONE, CallerHistory.NONE, admin.directory())).build().start();
    loop.start("test-engine");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    loop.stop();
    admin.close();
  }

  private record Reply(int status, JsonNode body, String etag) {}

  private Reply call(String method, String path, String token, String body, String ifMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
    return new Reply(r.statusCode(), json, r.headers().firstValue("ETag").orElse(null));
  }

  private Reply get(String path) throws Exception {
    return call("GET", path, AdminFixture.ADMIN_TOKEN, null, null);
  }

  private static final String NEW_QUEUE = """
      {"id": "talent", "name": "Talent", "skills": {"policy": 2}, "strategy": "fewest-calls", "ringTimeout": "15s"}""";

  @Test
  void noTokenOrAnUnknownToken_is401() throws Exception {
    assertThat(call("GET", "/api/queues", null, null, null).status()).isEqualTo(401);
    Reply r = call("GET", "/api/queues", "not-a-token", null, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().get("error").asText()).isEqualTo("unauthenticated");
    assertThat(call("POST", "/api/reload", "", null, null).status()).isEqualTo(401);
  }

  @Test
  void wallboardToken_readsButCannotWriteNorReadTheAudit() throws Exception {
    Reply list = call("GET", "/api/queues", AdminFixture.WALL_TOKEN, null, null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(call("GET", "/api/snapshot", AdminFixture.WALL_TOKEN, null, null).status()).isEqualTo(200);
    Reply write = call("POST", "/api/queues", AdminFixture.WALL_TOKEN, NEW_QUEUE, "*");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.body().get("message").asText()).contains("wall").contains("not change them");
    assertThat(call("DELETE", "/api/agents/a1", AdminFixture.WALL_TOKEN, null, "*").status()).isEqualTo(403);
    assertThat(call("POST", "/api/reload", AdminFixture.WALL_TOKEN, null, null).status()).isEqualTo(403);
    assertThat(call("POST", "/api/agents/a1/state", AdminFixture.WALL_TOKEN, "{\"state\":\"logged-out\"}", null).status())
        .isEqualTo(403);
    assertThat(call("GET", "/api/audit", AdminFixture.WALL_TOKEN, null, null).status()).isEqualTo(403);
    assertThat(Files.readString(file)).isEqualTo(AdminFixture.yaml());
  }

  @Test
  void openApi_isPublic_andUnknownPathsAndMethodsAreRefused() throws Exception {
    Reply doc = call("GET", "/api/openapi.json", null, null, null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body().get("openapi").asText()).startsWith("3.");
    assertThat(get("/api/nothing").status()).isEqualTo(404);
    Reply method = call("PATCH", "/api/queues/general", AdminFixture.ADMIN_TOKEN, "{}", "*");
    assertThat(method.status()).isEqualTo(405);
  }

  @Test
  void readsGiveItemsInTheFileShape_withTheVersionAsETag() throws Exception {
    Reply list = get("/api/queues");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.etag()).isEqualTo("\"" + admin.admin().version() + "\"");
    assertThat(list.body()).hasSize(2);
    Reply q = get("/api/queues/general");
    assertThat(q.body().get("strategy").asText()).isEqualTo("longest-idle");
    assertThat(q.body().get("ringTimeout").asText()).isEqualTo("20s");
    Reply agent = get("/api/agents/a1");
    assertThat(agent.body().get("hasSecret").asBoolean()).isFalse();
    assertThat(get("/api/skills").body().toString()).isEqualTo("[{\"id\":\"general\"},{\"id\":\"policy\"}]");
    assertThat(get("/api/lines/12345").body().get("queue").asText()).isEqualTo("general");
  }

  @Test
  void unknownIds_are404() throws Exception {
    assertThat(get("/api/queues/ghost").status()).isEqualTo(404);
    Reply put = call("PUT", "/api/queues/ghost", AdminFixture.ADMIN_TOKEN, "{\"skills\": {}}", "*");
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.body().get("message").asText()).isEqualTo("no queue 'ghost' in queues");
    assertThat(call("DELETE", "/api/agents/ghost", AdminFixture.ADMIN_TOKEN, null, "*").status()).isEqualTo(404);
    assertThat(call("POST", "/api/agents/ghost/state", AdminFixture.ADMIN_TOKEN, "{\"state\":\"ready\"}", null).status())
        .isEqualTo(404);
  }

  @Test
  void malformedBodies_are400WithWhatIsWrong() throws Exception {
    Reply broken = call("POST", "/api/queues", AdminFixture.ADMIN_TOKEN, "{\"id\": \"x\",", "*");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body().get("error").asText()).isEqualTo("malformed-body");
    assertThat(broken.body().get("message").asText()).contains("not valid JSON").contains("line 1");
    Reply array = call("POST", "/api/queues", AdminFixture.ADMIN_TOKEN, "[1, 2]", "*");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.body().get("message").asText()).contains("must be a JSON object, was an array");
    Reply dup = call("POST", "/api/queues", AdminFixture.ADMIN_TOKEN, "{\"id\": \"x\", \"id\": \"y\"}", "*");
    assertThat(dup.status()).isEqualTo(400);
    assertThat(call("POST", "/api/queues", AdminFixture.ADMIN_TOKEN, "", "*").status()).isEqualTo(400);
    Reply state = call("POST", "/api/agents/a1/state", AdminFixture.ADMIN_TOKEN, "{\"state\": \"asleep\"}", null);
    assertThat(state.status()).isEqualTo(400);
    Reply limit = get("/api/audit?limit=0");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(Files.readString(file)).isEqualTo(AdminFixture.yaml());
  }

  @Test
  void anInvalidChange_is422WithEveryProblem_andChangesNothing() throws Exception {
    String body = "{\"skills\": {\"polcy\": 11}, \"strategy\": \"longest_idle\", \"ringtimeout\": \"5s\"}";
    Reply r = call("PUT", "/api/queues/policy", AdminFixture.ADMIN_TOKEN, body, "*");
    assertThat(r.status()).isEqualTo(422);
    List<String> problems = new ArrayList<>();
    r.body().get("problems").forEach(p -> problems.add(p.asText()));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("queues[1].ringtimeout: unknown key 'ringtimeout'; did you mean 'ringTimeout'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("queues[1].strategy: unknown strategy 'longest_idle'; did you mean 'longest-idle'?"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("skill level must be 1-10, was 11"));
    assertThat(problems).allSatisfy(p -> assertThat(p).contains("(as this change would leave it)"));
    // deleting a queue a line still feeds is a dangling reference
    Reply del = call("DELETE", "/api/queues/general", AdminFixture.ADMIN_TOKEN, null, "*");
    assertThat(del.status()).isEqualTo(422);
    assertThat(del.body().get("problems").get(0).asText()).contains("lines[0].queue: unknown queue 'general'");
    Reply exists = call("POST", "/api/agents", AdminFixture.ADMIN_TOKEN, "{\"id\": \"a1\", \"endpoint\": \"SIM/x\"}", "*");
    assertThat(exists.status()).isEqualTo(409);
    assertThat(Files.readString(file)).isEqualTo(AdminFixture.yaml());
    assertThat(engine.config().queue("policy").orElseThrow().strategy()).isEqualTo(Strategy.BEST_SKILL);
  }

  @Test
  void update_isWrittenBackKeepingComments_appliedToTheEngine_andAudited() throws Exception {
    String v0 = get("/api/queues/general").etag();
    String body = "{\"name\": \"General\", \"skills\": {\"general\": 2}, \"strategy\": \"fewest-calls\", \"wrapUp\": \"10s\","
        + " \"thresholds\": {\"answerTarget\": \"20s\"}}";
    Reply r = call("PUT", "/api/queues/general", AdminFixture.ADMIN_TOKEN, body, v0);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("strategy").asText()).isEqualTo("fewest-calls");
    assertThat(r.etag()).isNotEqualTo(v0);
    assertThat(engine.config().queue("general").orElseThrow().strategy()).isEqualTo(Strategy.FEWEST_CALLS);

    String text = Files.readString(file);
    assertThat(text).contains("# A small centre for the admin tests.", "# The main pool.", "# The second tier.",
        "- general   # anyone", "# First tier", "# end of file");
    assertThat(text).contains("    strategy: fewest-calls\n").doesNotContain("fair for a big team");
    assertThat(ConfigLoader.load(file).queue("general").orElseThrow().wrapUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(Files.readString(dir.resolve("acd.yaml.bak"))).isEqualTo(AdminFixture.yaml());

    Reply audit = get("/api/audit?limit=5");
    JsonNode entry = audit.body().get(0);
    assertThat(entry.get("who").asText()).isEqualTo("ops");
    assertThat(entry.get("via").asText()).isEqualTo("api");
    assertThat(entry.get("action").asText()).isEqualTo("update queues/general");
    assertThat(entry.get("summary").get(0).asText()).contains("strategy longest-idle -> fewest-calls")
        .contains("wrapUp 0s -> 10s");
    assertThat(entry.get("diff").asText()).contains("-").contains("+");
    assertThat(entry.get("diff").asText()).doesNotContain(AdminFixture.sha256(AdminFixture.ADMIN_TOKEN));
  }

  @Test
  void createAndDelete_ofEverySection() throws Exception {
    Reply skill = call("POST", "/api/skills", AdminFixture.ADMIN_TOKEN, "{\"id\": \"talent\"}", "*");
    assertThat(skill.status()).isEqualTo(201);
    Reply queue = call("POST", "/api/queues", AdminFixture.ADMIN_TOKEN,
        "{\"id\": \"talent\", \"skills\": {\"talent\": 2}, \"strategy\": \"round-robin\"}", skill.etag());
    assertThat(queue.status()).isEqualTo(201);
    Reply line = call("POST", "/api/lines", AdminFixture.ADMIN_TOKEN, "{\"id\": \"t-line\", \"queue\": \"talent\"}", "*");
    assertThat(line.status()).isEqualTo(201);
    Reply agent = call("POST", "/api/agents", AdminFixture.ADMIN_TOKEN,
        "{\"id\": \"a3\", \"name\": \"王 三\", \"endpoint\": \"SIM/a3\", \"skills\": {\"talent\": 4}}", "*");
    assertThat(agent.status()).isEqualTo(201);
    AcdConfig onDisk = ConfigLoader.load(file);
    assertThat(onDisk.skills()).containsExactly("general", "policy", "talent");
    assertThat(onDisk.agents().getLast().name()).isEqualTo("王 三");
    assertThat(engine.config().queue("talent")).isPresent();
    assertThat(Files.readString(file)).contains("  - {id: a3, name: \"王 三\", endpoint: SIM/a3, skills: {talent: 4}}");

    assertThat(call("DELETE", "/api/lines/t-line", AdminFixture.ADMIN_TOKEN, null, "*").status()).isEqualTo(200);
    assertThat(call("DELETE", "/api/queues/talent", AdminFixture.ADMIN_TOKEN, null, "*").status()).isEqualTo(200);
    assertThat(call("DELETE", "/api/agents/a3", AdminFixture.ADMIN_TOKEN, null, "*").status()).isEqualTo(200);
    assertThat(call("DELETE", "/api/skills/talent", AdminFixture.ADMIN_TOKEN, null, "*").status()).isEqualTo(200);
    assertThat(Files.readString(file)).isEqualTo(AdminFixture.yaml());
    assertThat(engine.config().queue("talent")).isEmpty();
    assertThat(get("/api/audit").body()).hasSize(8);
  }

  @Test
  void conflictingConcurrentUpdates_oneWinsTheOtherGets412() throws Exception {
    String v0 = get("/api/queues/general").etag();
    List<CompletableFuture<Reply>> racers = new ArrayList<>();
    for (String strategy : List.of("round-robin", "least-talk-time")) {
      racers.add(CompletableFuture.supplyAsync(() -> {
        try {
          return call("PUT", "/api/queues/general", AdminFixture.ADMIN_TOKEN, "{\"strategy\": \"" + strategy + "\"}", v0);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    List<Integer> statuses = racers.stream().map(CompletableFuture::join).map(Reply::status).sorted().toList();
    assertThat(statuses).containsExactly(200, 412);
    Reply loser = racers.stream().map(CompletableFuture::join).filter(r -> r.status() == 412).findFirst().orElseThrow();
    assertThat(loser.body().get("error").asText()).isEqualTo("version-mismatch");
    assertThat(loser.etag()).isEqualTo("\"" + admin.admin().version() + "\"");
    // without any version the change is refused too
    assertThat(call("PUT", "/api/queues/general", AdminFixture.ADMIN_TOKEN, "{}", null).status()).isEqualTo(428);
  }

  @Test
  void aFileChangedOnDisk_butNotYetLoaded_refusesApiWrites_untilReloaded() throws Exception {
    Files.writeString(file, AdminFixture.yaml().replace("strategy: best-skill", "strategy: round-robin"));
    Reply r = call("PUT", "/api/queues/general", AdminFixture.ADMIN_TOKEN, "{}", "*");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().get("error").asText()).isEqualTo("file-changed");
    Reply reload = call("POST", "/api/reload", AdminFixture.ADMIN_TOKEN, null, null);
    assertThat(reload.status()).isEqualTo(200);
    assertThat(reload.body().get("summary").get(0).asText()).isEqualTo("queues/policy: strategy best-skill -> round-robin");
    assertThat(engine.config().queue("policy").orElseThrow().strategy()).isEqualTo(Strategy.ROUND_ROBIN);
    assertThat(call("POST", "/api/reload", AdminFixture.ADMIN_TOKEN, null, null).body().get("changed").asBoolean()).isFalse();
  }

  @Test
  void aBrokenFile_isNotLoaded_andTheReloadSaysWhy() throws Exception {
    Files.writeString(file, AdminFixture.yaml().replace("strategy: best-skill", "strategy: bestskill"));
    Reply r = call("POST", "/api/reload", AdminFixture.ADMIN_TOKEN, null, null);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("problems").get(0).asText()).contains("queues[1].strategy: unknown strategy 'bestskill'");
    assertThat(engine.config().queue("policy").orElseThrow().strategy()).isEqualTo(Strategy.BEST_SKILL);
    JsonNode audit = get("/api/audit").body().get(0);
    assertThat(audit.get("applied").asBoolean()).isFalse();
    assertThat(audit.get("problems").get(0).asText()).contains("bestskill");
  }

  @Test
  void forcedAgentStates_goThroughTheEngine() throws Exception {
    loop.submit(new AgentLogin(1, AgentId.of("a1")));
    loop.submit(new AgentReady(2, AgentId.of("a1")));
    Reply notReady = call("POST", "/api/agents/a1/state", AdminFixture.ADMIN_TOKEN,
        "{\"state\": \"not-ready\", \"reason\": \"lunch\"}", null);
    assertThat(notReady.status()).isEqualTo(202);
    assertThat(notReady.body().get("stateBefore").asText()).isEqualTo("ready");
    Reply unknownReason = call("POST", "/api/agents/a1/state", AdminFixture.ADMIN_TOKEN,
        "{\"state\": \"not-ready\", \"reason\": \"nap\"}", null);
    assertThat(unknownReason.status()).isEqualTo(422);
    Reply logout = call("POST", "/api/agents/a1/state", AdminFixture.ADMIN_TOKEN, "{\"state\": \"logged-out\"}", null);
    assertThat(logout.status()).isEqualTo(202);
    JsonNode a1 = null;
    for (JsonNode a : get("/api/snapshot").body().get("agents")) {
      if (a.get("id").asText().equals("a1")) {
        a1 = a;
      }
    }
    assertThat(a1.get("state").asText()).isEqualTo("logged-out");
    Reply again = call("POST", "/api/agents/a1/state", AdminFixture.ADMIN_TOKEN, "{\"state\": \"logged-out\"}", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("message").asText()).contains("not logged in");
  }
}
