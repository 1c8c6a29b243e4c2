package org.hotlineacd.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's own origin is allowed beside the configured list, derived from bind and port, never from Host. */
class OriginPolicyTest {
  private static HttpRequest from(String origin, String host) {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws/agent");
    if (origin != null) {
      r.headers().set("Origin", origin);
    }
    if (host != null) {
      r.headers().set("Host", host);
    }
    return r;
  }

  @Test
  void loopbackBind_allowsItsPortUnderEveryLoopbackName_andTheConfiguredList() {
    OriginPolicy p = new OriginPolicy(List.of("http://127.0.0.1:8080", "http://localhost:8080"), false, "127.0.0.1");
    p.bound(9090);
    assertThat(p.allows(from("http://127.0.0.1:9090", null))).isTrue();
    assertThat(p.allows(from("http://localhost:9090/", null))).isTrue();
    assertThat(p.allows(from("http://[::1]:9090", null))).isTrue();
    assertThat(p.allows(from("http://localhost:8080", null))).as("the configured list still counts").isTrue();
    assertThat(p.allows(from("http://localhost:9091", null))).isFalse();
    assertThat(p.allows(from("https://localhost:9090", null))).as("another scheme is another origin").isFalse();
    assertThat(p.allows(from("http://evil.example:9090", "evil.example:9090"))).as("Host is not trusted").isFalse();
    assertThat(p.allows(from(null, null))).as("programs send no Origin").isTrue();
  }

  @Test
  void namedOrWildcardBind_tlsAndDefaultPorts() {
    OriginPolicy named = new OriginPolicy(List.of("https://acd.example.org"), true, "acd.internal");
    named.bound(443);
    assertThat(named.own()).containsExactlyInAnyOrder("https://acd.internal:443", "https://acd.internal");
    assertThat(named.allows(from("https://localhost:443", null))).as("not bound to loopback").isFalse();

    OriginPolicy wildcard = new OriginPolicy(List.of("http://desk.example"), false, "0.0.0.0");
    wildcard.bound(8081);
    assertThat(wildcard.own()).isEmpty();
    assertThat(wildcard.allows(from("http://0.0.0.0:8081", null))).isFalse();
    assertThat(wildcard.allows(from("http://desk.example", null))).isTrue();
  }
}
