package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jyoutube.auth.Scopes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google's legacy user info, {@code oauth2/v1/userinfo}, {@code oauth2/v2/userinfo} and {@code
 * userinfo/v2/me}, as python-youtube's {@code Api.get_profile} and Google's oauth2 v2 clients call
 * them: the token as {@code access_token=} or a bearer header, the fields by scope, Google's 401s.
 */
class LegacyUserInfoTest {

  @RegisterExtension
  static final YouTubeEmulatorExtension EMULATOR = new YouTubeEmulatorExtension();

  private static final String EMAIL = "https://www.googleapis.com/auth/userinfo.email";
  private static final List<String> PATHS =
      List.of("oauth2/v1/userinfo", "oauth2/v2/userinfo", "userinfo/v2/me");

  private static Raw raw() {
    return new Raw(EMULATOR.emulator().baseUri());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void pythonYoutubeGetProfileWithTheTokenInTheQuery() {
    String token =
        EMULATOR.emulator().accessToken(Account.ALICE, Scopes.YOUTUBE, Scopes.USERINFO_PROFILE);
    Raw.Response answer = raw().get("oauth2/v1/userinfo?access_token=" + token);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode profile = answer.json();
    assertThat(names(profile))
        .containsExactly("id", "name", "given_name", "family_name", "picture", "locale");
    assertThat(profile.path("id").asText()).isEqualTo(Account.ALICE.sub());
    assertThat(profile.path("name").asText()).isEqualTo("Alice Example");
    assertThat(profile.path("given_name").asText()).isEqualTo("Alice");
    assertThat(profile.path("family_name").asText()).isEqualTo("Example");
    assertThat(profile.path("picture").asText()).isEqualTo(Account.ALICE.picture());
    assertThat(profile.path("locale").asText()).isEqualTo("en");
  }

  @Test
  void everyPathTakesABearerHeaderAndAddsTheEmailWithItsScope() {
    String token = EMULATOR.emulator().accessToken(Account.BOB, Scopes.USERINFO_PROFILE, EMAIL);
    for (String path : PATHS) {
      Raw.Response answer = raw().as(token).get(path);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
      JsonNode profile = answer.json();
      assertThat(names(profile))
          .as(path)
          .containsExactly(
              "id",
              "email",
              "verified_email",
              "name",
              "given_name",
              "family_name",
              "picture",
              "locale");
      assertThat(profile.path("email").asText()).isEqualTo("bob@example.com");
      assertThat(profile.path("verified_email").asBoolean()).isTrue();
      assertThat(profile.path("locale").asText()).isEqualTo("en-GB");
    }
  }

  @Test
  void theEmailScopeAloneGivesTheEmailAndThePicture() {
    String token = EMULATOR.emulator().accessToken(Account.ALICE, EMAIL);
    JsonNode profile = raw().get("oauth2/v2/userinfo?access_token=" + token).json();
    assertThat(names(profile)).containsExactly("id", "email", "verified_email", "picture");
  }

  @Test
  void aMissingOrBadTokenIsGoogles401() {
    for (String path : PATHS) {
      Raw.Response missing = raw().get(path);
      assertThat(missing.status()).as(path).isEqualTo(401);
      assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(missing.json().at("/error/code").asInt()).isEqualTo(401);
      assertThat(missing.json().at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
      assertThat(missing.json().at("/error/errors/0/reason").asText()).isEqualTo("required");
      assertThat(missing.json().at("/error/message").asText())
          .startsWith("Request is missing required authentication credential.");

      Raw.Response bad = raw().get(path + "?access_token=ya29.not-a-token");
      assertThat(bad.status()).as(path).isEqualTo(401);
      assertThat(bad.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
      assertThat(bad.json().at("/error/errors/0/reason").asText()).isEqualTo("authError");
      assertThat(bad.json().at("/error/errors/0/message").asText())
          .isEqualTo("Invalid Credentials");
    }
  }

  @Test
  void theOpenIdEndpointKeepsItsOwnShape() {
    String token = EMULATOR.emulator().accessToken(Account.ALICE, Scopes.USERINFO_PROFILE);
    JsonNode claims = raw().as(token).get("v1/userinfo").json();
    assertThat(claims.path("sub").asText()).isEqualTo(Account.ALICE.sub());
    assertThat(claims.has("id")).isFalse();
  }
}
