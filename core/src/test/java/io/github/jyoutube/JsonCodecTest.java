package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.model.ChannelStatistics;
import io.github.jyoutube.model.PlaylistListResponse;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoListResponse;
import io.github.jyoutube.model.VideoPlayer;
import io.github.jyoutube.model.VideoStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming codec behind {@link Json}: what it accepts, what it refuses (always with a {@link
 * DecodeException} naming the property), and that what it reads it writes back unchanged.
 */
class JsonCodecTest {

  @Test
  void aPropertyOfTheWrongShapeIsNamedInTheError() {
    assertThatThrownBy(() -> Json.parse("{\"id\":\"v\",\"snippet\":\"text\"}", Video.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("Video.snippet: expected an object but found a string");
    assertThatThrownBy(
            () ->
                Json.parse(
                    "{\"items\":[{\"status\":{\"embeddable\":[1]}}]}", VideoListResponse.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("VideoStatus.embeddable: expected a boolean but found an array");
    assertThatThrownBy(() -> Json.parse("{\"items\":{}}", VideoListResponse.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("VideoListResponse.items: expected an array but found an object");
  }

  @Test
  void numbersOutOfRangeAreRefusedNotWrapped() {
    assertThatThrownBy(
            () ->
                Json.parse(
                    "{\"pageInfo\":{\"totalResults\":99999999999}}", VideoListResponse.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("PageInfo.totalResults: 99999999999 is not an int32");
    assertThatThrownBy(
            () ->
                Json.parse(
                    "{\"pageInfo\":{\"totalResults\":\"99999999999\"}}", VideoListResponse.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("is not an int32");
    assertThatThrownBy(() -> Json.parse("{\"embedWidth\":\"1e3\"}", VideoPlayer.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("VideoPlayer.embedWidth: \"1e3\" is not an integer");
    assertThatThrownBy(
            () -> Json.parse("{\"embedWidth\":\"92233720368547758070\"}", VideoPlayer.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("is not an int64");
  }

  @Test
  void int64AndUint64AreReadFromStringsOrNumbersAndWrittenAsStrings() {
    VideoPlayer player =
        Json.parse("{\"embedWidth\":\"640\",\"embedHeight\":360}", VideoPlayer.class);
    assertThat(player.embedWidth()).isEqualTo(640L);
    assertThat(player.embedHeight()).isEqualTo(360L);
    assertThat(Json.write(player)).isEqualTo("{\"embedHeight\":\"360\",\"embedWidth\":\"640\"}");

    ChannelStatistics stats =
        Json.parse("{\"viewCount\":\"18446744073709551615\"}", ChannelStatistics.class);
    assertThat(stats.viewCount()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(Json.write(stats)).isEqualTo("{\"viewCount\":\"18446744073709551615\"}");
  }

  @Test
  void unknownPropertiesKeepTheirValuesAndOrder() {
    // Known properties are written first, in the record's order; unknown ones follow, as read.
    String json =
        "{\"kind\":\"youtube#video\",\"status\":{\"privacyStatus\":\"hidden\",\"later\":true},"
            + "\"newThing\":{\"int\":1,\"long\":5000000000,"
            + "\"big\":123456789012345678901234567890,\"double\":1.5,\"flag\":false,"
            + "\"none\":null,\"list\":[null,\"a\",[]]}}";
    Video video = Json.parse(json, Video.class);

    assertThat(Json.write(video)).isEqualTo(json);
    @SuppressWarnings("unchecked")
    Map<String, Object> newThing =
        (Map<String, Object>) video.additionalProperties().get("newThing");
    assertThat(newThing.get("int")).isEqualTo(1);
    assertThat(newThing.get("long")).isEqualTo(5_000_000_000L);
    assertThat(newThing.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(newThing.get("list")).isEqualTo(Arrays.asList(null, "a", List.of()));
    assertThat(video.status().privacyStatus().isKnown()).isFalse();
    assertThat(video.status().privacyStatus().value()).isEqualTo("hidden");
    assertThat(video.status().additionalProperties()).containsEntry("later", true);
  }

  @Test
  void badDocumentsAreDecodeExceptions() {
    for (String bad :
        List.of("", "   ", "null", "[]", "{\"kind\":", "{}{}", "{} x", "{\"a\":tru}", "\"text\"")) {
      assertThatThrownBy(() -> Json.parse(bad, PlaylistListResponse.class))
          .as(bad)
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() {
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThatThrownBy(() -> Json.parse(deep, Video.class)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> Json.tree(deep)).isInstanceOf(DecodeException.class);
  }

  @Test
  void aTypeWithoutAJsonFormIsAnIllegalArgumentNamingIt() {
    assertThatThrownBy(() -> Json.write(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> Json.parse("{}", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String is not a model type");
  }

  @Test
  void accessTokensRoundTripAndAreValidated() {
    AccessToken token =
        new AccessToken(
            "ya29.x",
            3599L,
            "Bearer",
            "1//r",
            "scope",
            null,
            Instant.parse("2026-01-02T03:04:05Z"));
    String json = Json.write(token);
    assertThat(json)
        .isEqualTo(
            "{\"access_token\":\"ya29.x\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                + "\"refresh_token\":\"1//r\",\"scope\":\"scope\","
                + "\"expires_at\":\"2026-01-02T03:04:05Z\"}");
    assertThat(Json.parse(json, AccessToken.class)).isEqualTo(token);
    assertThat(
            Json.parse("{\"access_token\":\"a\",\"expires_in\":\"60\"}", AccessToken.class)
                .expiresIn())
        .isEqualTo(60L);
    assertThatThrownBy(() -> Json.parse("{\"expires_in\":60}", AccessToken.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("access_token is missing");
    assertThatThrownBy(
            () -> Json.parse("{\"access_token\":\"a\",\"expires_at\":\"soon\"}", AccessToken.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("expires_at");
  }

  @Test
  void userInfoKeepsWhatItDoesNotKnow() {
    String json =
        "{\"sub\":\"1\",\"name\":\"Alice\",\"email_verified\":true,\"hd\":\"example.com\"}";
    UserInfo info = Json.parse(json, UserInfo.class);
    assertThat(info.emailVerified()).isTrue();
    assertThat(info.additionalProperties()).containsExactly(Map.entry("hd", "example.com"));
    assertThat(Json.write(info)).isEqualTo(json);
  }

  @Test
  void treesAreEqualWhenTheJsonHoldsTheSameValues() {
    assertThat(Json.tree("{\"a\":[1,2.5,\"x\",null],\"b\":{}}"))
        .isEqualTo(Json.tree(" { \"a\" : [ 1 , 2.5 , \"x\" , null ] , \"b\" : { } } "));
    assertThat(Json.tree("null")).isNull();
    assertThat(Json.writeBytes(Json.tree("{\"a\":\"é\"}")))
        .isEqualTo("{\"a\":\"é\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void builtRecordsWriteOnlyWhatWasSet() {
    Video video =
        Video.builder()
            .id("v1")
            .status(VideoStatus.builder().privacyStatus(VideoStatus.PrivacyStatus.PRIVATE).build())
            .additionalProperty("extra", List.of(1, "two"))
            .build();
    assertThat(Json.write(video))
        .isEqualTo(
            "{\"id\":\"v1\",\"status\":{\"privacyStatus\":\"private\"},\"extra\":[1,\"two\"]}");
  }
}
