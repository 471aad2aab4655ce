package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.auth.Scopes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every method of the discovery document answers: never a 500, JSON unless it has no body. */
@ExtendWith(YouTubeEmulatorExtension.class)
class EveryMethodTest {

  @Test
  void everyMethodAnswersInItsShape(YouTubeEmulator emulator) {
    Raw raw =
        new Raw(emulator.baseUri())
            .as(
                emulator.accessToken(
                    Account.ALICE,
                    Scopes.YOUTUBE,
                    Scopes.YOUTUBE_FORCE_SSL,
                    Scopes.YOUTUBE_CHANNEL_MEMBERSHIPS_CREATOR));
    List<String> problems = new ArrayList<>();
    for (MethodCatalog.Method method : MethodCatalog.ALL) {
      StringBuilder query = new StringBuilder();
      for (String name : method.required()) {
        String value =
            switch (name) {
              case "part" -> method.parts().contains("snippet") ? "snippet" : "id";
              case "id" -> "aliceLive01";
              case "rating" -> "like";
              case "moderationStatus", "broadcastStatus" ->
                  method.params().get(name).values().get(1);
              case "liveChatId" -> "nosuchchat";
              case "type" -> "channelToStoreLink";
              default -> "x";
            };
        query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(value);
      }
      String path = "youtube/v3/" + method.path().replace("{id}", "x") + query;
      Raw.Response answer =
          method.httpMethod().equals("GET") || method.httpMethod().equals("DELETE")
              ? raw.send(method.httpMethod(), path, null, null)
              : raw.json(method.httpMethod(), path, "{\"snippet\":{\"title\":\"t\"}}");
      boolean json =
          answer.bytes().length == 0
              || String.valueOf(answer.header("Content-Type")).startsWith("application/json")
              || method.id().equals("youtube.captions.download");
      if (answer.status() >= 500 || !json) {
        problems.add(method.id() + " -> " + answer.status() + " " + answer.body());
      }
      if (answer.status() == 200 && !method.kind().isEmpty()) {
        String kind = answer.json().path("kind").asText();
        if (!kind.equals(method.kind())) {
          problems.add(method.id() + " -> kind " + kind + ", expected " + method.kind());
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
