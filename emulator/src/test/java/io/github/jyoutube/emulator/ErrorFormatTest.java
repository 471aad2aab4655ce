package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Errors come in Google's JSON format, with Google's codes, reasons, domains and locations. */
@ExtendWith(YouTubeEmulatorExtension.class)
class ErrorFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The error body Google sends, for comparison. */
  private static JsonNode google(
      int code,
      String status,
      String message,
      String reason,
      String domain,
      String location,
      String locationType) {
    String entry =
        "{\"message\":"
            + quote(message)
            + ",\"domain\":"
            + quote(domain)
            + ",\"reason\":"
            + quote(reason)
            + (location == null
                ? ""
                : ",\"location\":" + quote(location) + ",\"locationType\":" + quote(locationType))
            + "}";
    return read(
        "{\"error\":{\"code\":"
            + code
            + ",\"message\":"
            + quote(message)
            + ",\"errors\":["
            + entry
            + "],\"status\":"
            + quote(status)
            + "}}");
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMissingRequiredParameterIsRequired(YouTubeEmulator emulator) {
    Raw.Response answer =
        new Raw(emulator.baseUri())
            .as(emulator.accessToken(Account.ALICE))
            .get("youtube/v3/playlists?mine=true");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(answer.json())
        .isEqualTo(
            google(
                400,
                "INVALID_ARGUMENT",
                "Required parameter: part",
                "required",
                "global",
                "part",
                "parameter"));
  }

  @Test
  void anUnknownPartIsUnknownPart(YouTubeEmulator emulator) {
    Raw.Response answer =
        new Raw(emulator.baseUri())
            .as(emulator.accessToken(Account.ALICE))
            .get("youtube/v3/playlists?part=snippet,statistics&mine=true");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json())
        .isEqualTo(
            google(
                400,
                "INVALID_ARGUMENT",
                "'statistics'",
                "unknownPart",
                "youtube.part",
                "part",
                "parameter"));
  }

  @Test
  void conflictingFiltersAreIncompatibleParameters(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE));
    JsonNode both = raw.get("youtube/v3/playlists?part=id&mine=true&id=PLx").json();
    assertThat(both.at("/error/code").asInt()).isEqualTo(400);
    assertThat(both.at("/error/errors/0/reason").asText()).isEqualTo("incompatibleParameters");
    assertThat(both.at("/error/errors/0/domain").asText()).isEqualTo("youtube.parameter");
    assertThat(both.at("/error/message").asText()).contains("id", "mine");

    JsonNode none = raw.get("youtube/v3/playlists?part=id").json();
    assertThat(none.at("/error/errors/0/reason").asText()).isEqualTo("missingRequiredParameter");
    assertThat(none.at("/error/message").asText())
        .isEqualTo("No filter selected. Expected one of: channelId, id, mine");
  }

  @Test
  void outOfBoundsValuesAndBadPageTokensAreRejected(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE));
    Raw.Response tooMany = raw.get("youtube/v3/playlists?part=id&mine=true&maxResults=51");
    assertThat(tooMany.json())
        .isEqualTo(
            google(
                400,
                "INVALID_ARGUMENT",
                "Invalid value '51'. Values must be within the range: [0, 50]",
                "invalidParameter",
                "global",
                "maxResults",
                "parameter"));
    JsonNode notANumber = raw.get("youtube/v3/playlists?part=id&mine=true&maxResults=ten").json();
    assertThat(notANumber.at("/error/errors/0/reason").asText()).isEqualTo("invalidParameter");
    JsonNode badToken = raw.get("youtube/v3/playlists?part=id&mine=true&pageToken=nonsense").json();
    assertThat(badToken.at("/error/errors/0/reason").asText()).isEqualTo("invalidPageToken");
    assertThat(badToken.at("/error/errors/0/location").asText()).isEqualTo("pageToken");
  }

  @Test
  void noTokenIsUnauthorizedWithWwwAuthenticate(YouTubeEmulator emulator) {
    Raw.Response answer =
        new Raw(emulator.baseUri()).get("youtube/v3/playlists?part=snippet&mine=true");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=");
    JsonNode error = answer.json().path("error");
    assertThat(error.path("code").asInt()).isEqualTo(401);
    assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(error.path("message").asText())
        .startsWith("Request is missing required authentication credential.");
    assertThat(error.at("/errors/0/domain").asText()).isEqualTo("global");
    assertThat(error.at("/errors/0/reason").asText()).isEqualTo("required");
    assertThat(error.at("/errors/0/location").asText()).isEqualTo("Authorization");
    assertThat(error.at("/errors/0/locationType").asText()).isEqualTo("header");

    Raw.Response invalid =
        new Raw(emulator.baseUri()).as("ya29.forged").get("youtube/v3/playlists?part=id&mine=true");
    assertThat(invalid.status()).isEqualTo(401);
    assertThat(invalid.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(invalid.json().at("/error/errors/0/reason").asText()).isEqualTo("authError");
    assertThat(invalid.json().at("/error/errors/0/message").asText())
        .isEqualTo("Invalid Credentials");
  }

  @Test
  void anApiKeyReadsPublicDataButNotMine(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri());
    Raw.Response ok =
        raw.get(
            "youtube/v3/playlists?part=id&channelId=" + Account.ALICE.channelId() + "&key=AIzaX");
    assertThat(ok.status()).isEqualTo(200);
    // Private and unlisted playlists are not listed for others.
    assertThat(ok.json().at("/pageInfo/totalResults").asInt()).isEqualTo(5);

    Raw.Response mine = raw.get("youtube/v3/playlists?part=id&mine=true&key=AIzaX");
    assertThat(mine.status()).isEqualTo(401);
    assertThat(mine.json().at("/error/errors/0/reason").asText())
        .isEqualTo("authorizationRequired");
    assertThat(mine.json().at("/error/errors/0/location").asText()).isEqualTo("mine");

    Raw.Response write =
        raw.json(
            "POST",
            "youtube/v3/playlists?part=snippet&key=AIzaX",
            "{\"snippet\":{\"title\":\"t\"}}");
    assertThat(write.status()).isEqualTo(401);
  }

  @Test
  void anApiKeyInTheXGoogApiKeyHeaderCountsAsTheKeyParameter(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri());
    Raw.Response ok =
        raw.get(
            "youtube/v3/playlists?part=id&channelId=" + Account.ALICE.channelId(),
            "X-Goog-Api-Key",
            "AIzaX");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().at("/pageInfo/totalResults").asInt()).isEqualTo(5);
    Raw.Response mine =
        raw.get("youtube/v3/playlists?part=id&mine=true", "X-Goog-Api-Key", "AIzaX");
    assertThat(mine.status()).isEqualTo(401);

    // The client sends its key in that header.
    YouTubeClient cli =
        YouTubeClient.builder().apiKey("AIzaX").endpoints(emulator.endpoints()).build();
    assertThat(cli.playlists().list().channelId(Account.ALICE.channelId()).execute().items())
        .hasSize(5);
  }

  @Test
  void aTokenWithoutTheMethodsScopeIsInsufficientPermissions(YouTubeEmulator emulator) {
    String readOnly = emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_READONLY);
    Raw.Response answer =
        new Raw(emulator.baseUri())
            .as(readOnly)
            .json("POST", "youtube/v3/playlists?part=snippet", "{\"snippet\":{\"title\":\"t\"}}");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("WWW-Authenticate")).contains("insufficient_scope");
    JsonNode error = answer.json().path("error");
    assertThat(error.path("message").asText())
        .isEqualTo("Request had insufficient authentication scopes.");
    assertThat(error.path("status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.at("/errors/0/reason").asText()).isEqualTo("insufficientPermissions");
    assertThat(error.at("/errors/0/domain").asText()).isEqualTo("global");

    YouTubeClient cli =
        YouTubeClient.builder().accessToken(readOnly).endpoints(emulator.endpoints()).build();
    assertThat(cli.playlists().list().mine(true).execute().items()).isNotEmpty();
    Playlist body =
        Playlist.builder().snippet(PlaylistSnippet.builder().title("Nope").build()).build();
    assertThatThrownBy(() -> cli.playlists().insert(body).execute())
        .isInstanceOfSatisfying(
            ForbiddenException.class,
            e -> assertThat(e.reason()).isEqualTo("insufficientPermissions"));

    String uploadOnly = emulator.accessToken(Account.ALICE, Scopes.YOUTUBE_UPLOAD);
    Raw.Response read =
        new Raw(emulator.baseUri()).as(uploadOnly).get("youtube/v3/playlists?part=id&mine=true");
    assertThat(read.status()).isEqualTo(403);
  }

  @Test
  void anUnknownResourceOnWriteIsNotFound(YouTubeEmulator emulator) {
    Raw raw = new Raw(emulator.baseUri()).as(emulator.accessToken(Account.ALICE));
    Raw.Response answer =
        raw.json(
            "PUT",
            "youtube/v3/playlists?part=snippet",
            "{\"id\":\"PLmissing\",\"snippet\":{\"title\":\"t\"}}");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().at("/error/errors/0/reason").asText()).isEqualTo("playlistNotFound");
    assertThat(answer.json().at("/error/status").asText()).isEqualTo("NOT_FOUND");

    Raw.Response delete = raw.send("DELETE", "youtube/v3/videos?id=nosuchvideo", null, null);
    assertThat(delete.status()).isEqualTo(404);
    assertThat(delete.json().at("/error/errors/0/reason").asText()).isEqualTo("videoNotFound");

    // Bob's playlist is his: Alice may not change it.
    String bobs =
        new Raw(emulator.baseUri())
            .as(emulator.accessToken(Account.BOB))
            .get("youtube/v3/playlists?part=id&mine=true")
            .json()
            .at("/items/0/id")
            .asText();
    Raw.Response forbidden =
        raw.json(
            "PUT",
            "youtube/v3/playlists?part=snippet",
            "{\"id\":\"" + bobs + "\",\"snippet\":{\"title\":\"mine now\"}}");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().at("/error/errors/0/reason").asText())
        .isEqualTo("playlistForbidden");
  }

  @Test
  void theDailyQuotaEndsInQuotaExceeded() {
    try (YouTubeEmulator small = YouTubeEmulator.builder().dailyQuota(120).start()) {
      Raw raw = new Raw(small.baseUri()).as(small.accessToken(Account.ALICE));
      // Two writes at 50 units, then reads at 1 unit until the pool is dry.
      for (int i = 0; i < 2; i++) {
        assertThat(
                raw.json(
                        "POST",
                        "youtube/v3/playlists?part=snippet",
                        "{\"snippet\":{\"title\":\"p" + i + "\"}}")
                    .status())
            .isEqualTo(200);
      }
      assertThat(small.quotaUsed(QuotaBucket.DEFAULT)).isEqualTo(100);
      Raw.Response write =
          raw.json("POST", "youtube/v3/playlists?part=snippet", "{\"snippet\":{\"title\":\"p\"}}");
      assertThat(write.status()).isEqualTo(403);
      assertThat(write.json())
          .isEqualTo(
              google(
                  403,
                  "PERMISSION_DENIED",
                  "The request cannot be completed because you have exceeded your <a"
                      + " href=\"/youtube/v3/getting-started#quota\">quota</a>.",
                  "quotaExceeded",
                  "youtube.quota",
                  null,
                  null));
      for (int i = 0; i < 20; i++) {
        assertThat(raw.get("youtube/v3/playlists?part=id&mine=true").status()).isEqualTo(200);
      }
      assertThat(raw.get("youtube/v3/playlists?part=id&mine=true").status()).isEqualTo(403);
      // search.list draws on its own bucket.
      assertThat(raw.get("youtube/v3/search?part=id&q=bread").status()).isEqualTo(200);
      assertThat(small.quotaUsed(QuotaBucket.SEARCH)).isEqualTo(1);

      YouTubeClient cli =
          YouTubeClient.builder()
              .accessToken(small.accessToken(Account.ALICE))
              .endpoints(small.endpoints())
              .build();
      assertThatThrownBy(() -> cli.playlists().list().mine(true).execute())
          .isInstanceOfSatisfying(
              QuotaExceededException.class, e -> assertThat(e.reason()).isEqualTo("quotaExceeded"));

      small.resetQuota();
      assertThat(cli.playlists().list().mine(true).execute().items()).isNotEmpty();
    }
  }
}
