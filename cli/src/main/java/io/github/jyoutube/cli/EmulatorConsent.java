package io.github.jyoutube.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goes through the jyoutube emulator's consent page with {@code java.net.http}, as a browser would:
 * fetches the page, picks an account, submits the form with Allow (or Deny) and reads the redirect.
 * Used by {@code jyoutube demo} and by {@code --emulator}'s automatic sign-in.
 */
final class EmulatorConsent {

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
  private static final Pattern FORM =
      Pattern.compile("<form id=\"consent\" method=\"post\" action=\"([^\"]*)\">");
  private static final Pattern ACCOUNT =
      Pattern.compile("<label for=\"account-(\\d+)\"><input[^>]*>\\s*([^<]*)</label>");
  private static final Pattern APP = Pattern.compile("<strong id=\"app\">([^<]*)</strong>");
  private static final Pattern SCOPE = Pattern.compile("<li id=\"scope-\\d+\"[^>]*>([^<]*)</li>");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** What the consent page showed, and where it sent the browser. */
  record Result(
      String app, List<String> accounts, List<String> scopes, String chosen, String redirect) {}

  /**
   * Opens the consent page of {@code authorizeUrl}, chooses account {@code account} and clicks
   * Allow ({@code allow}) or Deny.
   *
   * @return what the page showed and the redirect URL
   * @throws IllegalStateException if the page is not the emulator's consent page
   */
  Result consent(String authorizeUrl, int account, boolean allow) {
    HttpResponse<String> page = get(authorizeUrl);
    if (page.statusCode() != 200) {
      throw new IllegalStateException(
          "the consent page answered " + page.statusCode() + ": " + snippet(page.body()));
    }
    String html = page.body();
    Matcher form = FORM.matcher(html);
    if (!form.find()) {
      throw new IllegalStateException("no consent form on the page: " + snippet(html));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(html);
    while (hidden.find()) {
      fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
    }
    List<String> accounts = new ArrayList<>();
    Matcher labels = ACCOUNT.matcher(html);
    while (labels.find()) {
      accounts.add(unescape(labels.group(2)).strip());
    }
    if (account < 0 || account >= accounts.size()) {
      throw new IllegalStateException(
          "the consent page offers " + accounts.size() + " accounts, not #" + account);
    }
    List<String> scopes = new ArrayList<>();
    Matcher scope = SCOPE.matcher(html);
    while (scope.find()) {
      scopes.add(unescape(scope.group(1)));
    }
    Matcher app = APP.matcher(html);
    String appName = app.find() ? unescape(app.group(1)) : "?";
    fields.put("account", String.valueOf(account));
    fields.put("decision", allow ? "allow" : "deny");
    URI action = URI.create(authorizeUrl).resolve(unescape(form.group(1)));
    HttpResponse<String> answer = post(action, fields);
    String location = answer.headers().firstValue("Location").orElse(null);
    if (answer.statusCode() != 302 || location == null) {
      throw new IllegalStateException(
          "submitting the consent form answered "
              + answer.statusCode()
              + ": "
              + snippet(answer.body()));
    }
    return new Result(appName, accounts, scopes, accounts.get(account), location);
  }

  /**
   * Follows {@code authorizeUrl} on an emulator that approves at once, and returns the redirect.
   *
   * @throws IllegalStateException if it did not redirect
   */
  String autoApproved(String authorizeUrl) {
    HttpResponse<String> answer = get(authorizeUrl);
    String location = answer.headers().firstValue("Location").orElse(null);
    if (answer.statusCode() != 302 || location == null) {
      throw new IllegalStateException(
          "the emulator did not approve at once (" + answer.statusCode() + ")");
    }
    return location;
  }

  private HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
  }

  private HttpResponse<String> post(URI uri, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the emulator did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String snippet(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
