package org.hotlineacd.bridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The OpenAPI description served at /api/openapi.json describes exactly the routes the API serves. */
class OpenApiInSyncTest {
  private static JsonNode doc() throws Exception {
    try (InputStream in = AdminApiRoute.class.getResourceAsStream("openapi.json")) {
      return AdminApiRoute.JSON.readTree(in);
    }
  }

  private static List<String> served() {
    List<String> out = new ArrayList<>();
    for (AdminApiRoute.Endpoint e : new AdminApiRoute(null).endpointList()) {
      out.add(e.method().name().toLowerCase(Locale.ROOT) + " " + e.template());
    }
    return out;
  }

  @Test
  void everyServedRoute_isDescribed_andEveryDescribedRouteIsServed() throws Exception {
    List<String> described = new ArrayList<>();
    doc().get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
      if (!op.getKey().equals("parameters")) {
        described.add(op.getKey() + " " + p.getKey());
      }
    }));
    assertThat(described).containsExactlyInAnyOrderElementsOf(served());
  }

  @Test
  void everyOperation_hasASummaryAndResponses_andChangesNeedIfMatch() throws Exception {
    JsonNode paths = doc().get("paths");
    for (AdminApiRoute.Endpoint e : new AdminApiRoute(null).endpointList()) {
      JsonNode op = paths.get(e.template()).get(e.method().name().toLowerCase(Locale.ROOT));
      assertThat(op.get("summary").asText()).as(e.template()).isNotBlank();
      assertThat(op.get("responses").size()).as(e.template()).isPositive();
      boolean configChange = e.access() == AdminApiRoute.Access.WRITE && !e.template().endsWith("/state")
          && !e.template().equals("/api/reload");
      boolean hasIfMatch = op.has("parameters") && op.get("parameters").toString().contains("IfMatch");
      assertThat(hasIfMatch).as(e.method() + " " + e.template()).isEqualTo(configChange);
      assertThat(op.get("security") != null && op.get("security").isEmpty()).as(e.template())
          .isEqualTo(e.access() == AdminApiRoute.Access.PUBLIC);
    }
  }

  @Test
  void templates_matchPathsWithOneIdSegment() {
    assertThat(AdminApiRoute.match("/api/queues/{id}", "/api/queues/general")).contains("general");
    assertThat(AdminApiRoute.match("/api/queues/{id}", "/api/queues/a%20b")).contains("a b");
    assertThat(AdminApiRoute.match("/api/queues/{id}", "/api/queues/")).isEmpty();
    assertThat(AdminApiRoute.match("/api/agents/{id}/state", "/api/agents/a1/state")).contains("a1");
    assertThat(AdminApiRoute.match("/api/snapshot", "/api/snapshot/x")).isEmpty();
    assertThat(AdminApiRoute.ifMatch("W/\"abc\"")).isEqualTo("abc");
    assertThat(AdminApiRoute.ifMatch("*")).isEqualTo("*");
    assertThat(AdminApiRoute.ifMatch(" ")).isNull();
  }
}
