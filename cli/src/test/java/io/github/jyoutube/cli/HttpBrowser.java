package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does on the emulator's pages, done with {@code java.net.http}. */
final class HttpBrowser {

  private static final Pattern REQUEST =
      Pattern.compile("<input type=\"hidden\" name=\"request\" value=\"([^\"]+)\">");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Opens the consent page at {@code authorizeUrl}, picks account {@code account}, presses Allow or
   * Deny, and returns where the emulator redirects the browser.
   */
  String consent(String authorizeUrl, int account, boolean allow)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get(authorizeUrl);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"account-" + account + "\"", "id=\"allow\"");
    Matcher m = REQUEST.matcher(page.body());
    assertThat(m.find()).as("the consent form's request field").isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("request", m.group(1));
    form.put("account", String.valueOf(account));
    form.put("decision", allow ? "allow" : "deny");
    HttpResponse<String> answer =
        postForm(URI.create(authorizeUrl).resolve("/o/oauth2/v2/auth"), form);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElseThrow();
  }
}
