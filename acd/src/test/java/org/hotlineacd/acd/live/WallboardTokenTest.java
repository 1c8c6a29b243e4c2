package org.hotlineacd.acd.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A wallboard with a configured read-only token: missing and wrong tokens get clear errors. */
class WallboardTokenTest {
  private static LiveHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = LiveHarness.start(List.of(LiveHarness.TOKEN));
    h.run(Duration.ofMinutes(1));
    h.publish();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void missingToken_is401_naming_theSetting() throws Exception {
    HttpResponse<String> r = h.get("/wallboard");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(r.body()).contains("token-required", "security.wallboardTokens");
  }

  @Test
  void wrongToken_is403_onThePageAndTheSocket() throws Exception {
    assertThat(h.get("/wallboard?token=not-the-right-token-at-all").statusCode()).isEqualTo(403);
    String[] ws = h.handshake("/ws/wallboard?token=nope");
    assertThat(ws[0]).contains(" 403 ");
    assertThat(ws[1]).contains("token-refused");
    assertThat(h.handshake("/ws/wallboard")[0]).contains(" 401 ");
  }

  @Test
  void rightToken_inTheQueryOrAsBearer_readsTheBoard() throws Exception {
    assertThat(h.get("/wallboard?token=" + LiveHarness.TOKEN).statusCode()).isEqualTo(200);
    assertThat(h.get("/wallboard", "Authorization", "Bearer " + LiveHarness.TOKEN).statusCode()).isEqualTo(200);
    LiveHarness.Board board = h.board("?token=" + LiveHarness.TOKEN);
    assertThat(board.frame(1)).contains("\"type\":\"board\"");
    board.socket.abort();
  }

  @Test
  void anAdminToken_readsTheBoardToo_andTheHashItselfIsNoToken() throws Exception {
    assertThat(h.get("/wallboard?token=" + LiveHarness.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    assertThat(h.get("/wallboard?token=" + LiveHarness.sha256(LiveHarness.TOKEN)).statusCode()).isEqualTo(403);
  }
}
