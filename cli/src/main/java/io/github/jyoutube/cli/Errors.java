package io.github.jyoutube.cli;

import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.AuthorizationDeniedException;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.error.ForbiddenException;
import io.github.jyoutube.error.InvalidStateException;
import io.github.jyoutube.error.MediaException;
import io.github.jyoutube.error.NotFoundException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.error.RateLimitedException;
import io.github.jyoutube.error.ReauthorizationRequiredException;
import io.github.jyoutube.error.TransportException;
import io.github.jyoutube.error.UnauthorizedException;
import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.error.WaitException;
import io.github.jyoutube.error.YouTubeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure into one clear line on standard error, {@code jyoutube: <what> (<status>
 * <reason>). Hint: <what to do>.}, and an exit code. The stack trace is printed only with {@code
 * --debug}.
 */
final class Errors {

  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  private static final Pattern SCOPE = Pattern.compile("scope=\"([^\"]*)\"");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

  private Errors() {}

  /** The line, hint and exit code of one failure. */
  record Report(int exitCode, String message, String hint) {}

  /**
   * Prints the report of {@code failure} and returns its exit code; the commands a hint suggests
   * carry {@code --account NAME} when {@code account} names one.
   */
  static int report(
      Throwable failure, PrintWriter err, boolean debug, Clock clock, String account) {
    Report report = forAccount(describe(failure, clock), account);
    err.println(line(report));
    if (debug) {
      // Messages in a stack trace quote servers too.
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      for (String line : trace.toString().split("\\R")) {
        // Tabs indent the frames; keep them.
        StringJoiner safe = new StringJoiner("\t");
        for (String part : line.split("\t", -1)) {
          safe.add(Terminal.printable(part));
        }
        err.println(safe);
      }
    } else if (report.exitCode() == ExitCodes.FAILURE && isBug(failure)) {
      err.println("(run with --debug for the stack trace)");
    }
    err.flush();
    return report.exitCode();
  }

  /** {@code report} with {@code jyoutube --account NAME auth …} in its hint for a named account. */
  static Report forAccount(Report report, String account) {
    if (account == null || report.hint() == null) {
      return report;
    }
    String name;
    try {
      name = Accounts.check(account);
    } catch (CliException e) {
      return report;
    }
    if (name.equals(Accounts.DEFAULT)) {
      return report;
    }
    return new Report(
        report.exitCode(),
        report.message(),
        report.hint().replace("`jyoutube auth ", "`jyoutube --account " + name + " auth "));
  }

  /**
   * The one line of a report; control characters in it (the message often quotes a server) show as
   * visible stand-ins.
   */
  static String line(Report report) {
    String message = stripPeriod(report.message());
    if (report.hint() == null) {
      return Terminal.printable("jyoutube: " + message);
    }
    return Terminal.printable(
        "jyoutube: " + message + ". Hint: " + stripPeriod(report.hint()) + ".");
  }

  private static String stripPeriod(String text) {
    String stripped = text == null ? "" : text.strip();
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  static Report describe(Throwable failure, Clock clock) {
    if (failure instanceof CliException e) {
      return new Report(e.exitCode(), e.getMessage(), e.hint());
    }
    if (failure instanceof ApiException e) {
      return api(e, clock);
    }
    if (failure instanceof OAuthException e) {
      return oauth(e);
    }
    if (failure instanceof TransportException e) {
      return new Report(
          ExitCodes.FAILURE,
          "no answer from the server: " + e.getMessage(),
          "check the network connection (and --endpoint, if you gave one), then try again");
    }
    if (failure instanceof DecodeException e) {
      return new Report(
          ExitCodes.FAILURE,
          "the server's answer could not be read: " + e.getMessage(),
          "is --endpoint a YouTube Data API (or emulator) base URL?");
    }
    if (failure instanceof MediaException e) {
      return new Report(ExitCodes.FAILURE, e.getMessage(), null);
    }
    if (failure instanceof UnresolvedChannelException e) {
      return new Report(
          e.reason() == UnresolvedChannelException.Reason.UNRECOGNIZED
              ? ExitCodes.USAGE
              : ExitCodes.FAILURE,
          e.getMessage(),
          e.reason() == UnresolvedChannelException.Reason.NOT_FOUND
              ? null
              : "give a channel id (UC…), a handle (@name), or a channel, video or playlist URL");
    }
    if (failure instanceof WaitException e) {
      return new Report(
          ExitCodes.FAILURE,
          e.getMessage(),
          e.outcome() == WaitException.Outcome.TIMED_OUT
              ? "wait longer with --timeout SECONDS"
              : null);
    }
    if (failure instanceof YouTubeException e) {
      return new Report(ExitCodes.FAILURE, e.getMessage(), null);
    }
    if (failure instanceof UncheckedIOException e) {
      return new Report(ExitCodes.FAILURE, e.getMessage() + ": " + e.getCause().getMessage(), null);
    }
    if (failure instanceof IllegalArgumentException e) {
      return new Report(ExitCodes.USAGE, e.getMessage(), null);
    }
    if (failure instanceof IllegalStateException e && e.getMessage() != null) {
      // The library's way to say that the client cannot do this as configured.
      return new Report(ExitCodes.FAILURE, e.getMessage(), null);
    }
    if (failure instanceof InterruptedException) {
      return new Report(ExitCodes.INTERRUPTED, "interrupted", null);
    }
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    return new Report(
        ExitCodes.FAILURE, "unexpected " + failure.getClass().getSimpleName() + message, null);
  }

  private static Report api(ApiException e, Clock clock) {
    String reason = e.reason();
    String text = clean(e.errorMessage());
    String line =
        (text == null || text.isEmpty() ? "the API refused the request" : stripPeriod(text))
            + " ("
            + e.statusCode()
            + (reason == null ? "" : " " + reason)
            + ")";
    String hint = null;
    if (e instanceof QuotaExceededException) {
      hint =
          "the daily quota resets at midnight Pacific Time, "
              + untilPacificMidnight(clock)
              + " (or ask Google for more quota in the Cloud console)";
    } else if (e instanceof RateLimitedException) {
      hint = "too many requests at once: wait a little and try again";
    } else if (e instanceof UnauthorizedException) {
      hint = "the token was refused or has expired: run `jyoutube auth login`";
    } else if (e instanceof ForbiddenException && "insufficientPermissions".equals(reason)) {
      hint = insufficientScope(e);
    } else if (e instanceof ForbiddenException && "forbidden".equals(reason)) {
      hint = "the signed-in account may not do this: check the channel with `jyoutube auth status`";
    } else if (e instanceof NotFoundException) {
      hint = "check the ID; private items are visible to their owner only";
    }
    return new Report(ExitCodes.FAILURE, line, hint);
  }

  private static String insufficientScope(ApiException e) {
    // The scopes the method accepts, from the discovery document (the library puts them on the
    // exception), else those Google's WWW-Authenticate header names.
    List<String> scopes = new ArrayList<>();
    String method = null;
    String granted = null;
    if (e instanceof ForbiddenException forbidden && !forbidden.acceptedScopes().isEmpty()) {
      scopes.addAll(forbidden.acceptedScopes());
      method = forbidden.method();
      if (!forbidden.grantedScopes().isEmpty()) {
        granted = ScopeNames.shortList(String.join(" ", forbidden.grantedScopes()));
      }
    } else {
      for (String header : e.headers().getOrDefault("www-authenticate", List.of())) {
        Matcher m = SCOPE.matcher(header);
        if (m.find()) {
          for (String scope : m.group(1).trim().split("\\s+")) {
            if (!scope.isEmpty()) {
              scopes.add(scope);
            }
          }
        }
      }
    }
    if (scopes.isEmpty()) {
      return "the token lacks the scope this call needs: sign in again with it, e.g."
          + " `jyoutube auth login --scope youtube.force-ssl`";
    }
    Set<String> shortNames = new LinkedHashSet<>();
    for (String scope : scopes) {
      shortNames.add(shortScope(scope));
    }
    return (method == null ? "this call" : method)
        + (shortNames.size() == 1 ? " needs the scope " : " needs one of the scopes ")
        + String.join(", ", shortNames)
        + (granted == null ? "" : "; the token has " + granted)
        + ": sign in again with `jyoutube auth login --scope "
        + shortNames.iterator().next()
        + "`";
  }

  /** {@code youtube.upload} for {@code https://www.googleapis.com/auth/youtube.upload}. */
  static String shortScope(String scope) {
    return scope.startsWith(SCOPE_PREFIX) ? scope.substring(SCOPE_PREFIX.length()) : scope;
  }

  private static Report oauth(OAuthException e) {
    if (e instanceof InvalidStateException) {
      return new Report(
          ExitCodes.FAILURE,
          "the sign-in response does not belong to this login: " + e.getMessage(),
          "start again with `jyoutube auth login`, and paste the address of that login's redirect");
    }
    if (e instanceof AuthorizationDeniedException) {
      return new Report(
          ExitCodes.FAILURE,
          "access was denied on the consent page (access_denied)",
          "run `jyoutube auth login` again and click Allow");
    }
    if (e instanceof ReauthorizationRequiredException) {
      String status = e.statusCode() > 0 ? e.statusCode() + " " : "";
      return new Report(
          ExitCodes.FAILURE,
          "the sign-in is no longer valid ("
              + status
              + e.error()
              + ")"
              + (e.errorDescription() == null ? "" : ": " + e.errorDescription()),
          switch (e.error()) {
            case "invalid_grant" ->
                "the sign-in has expired or was revoked: run `jyoutube auth login`";
            case "invalid_token" ->
                "the token was refused or has expired: run `jyoutube auth login`";
            default -> "run `jyoutube auth login` to sign in again";
          });
    }
    String description = e.errorDescription() == null ? "" : ": " + e.errorDescription();
    String line = "Google's OAuth endpoint refused (" + e.error() + ")" + description;
    String hint =
        switch (e.error()) {
          case "invalid_grant" ->
              "the sign-in has expired or was revoked: run `jyoutube auth login`";
          case "invalid_client", "unauthorized_client" ->
              "check the OAuth client: --client-secrets FILE, or --client-id and --client-secret";
          case "expired_token" -> "the code expired: run `jyoutube auth login --device` again";
          case "redirect_uri_mismatch" ->
              "register the redirect URI for this client, or use a Desktop app client";
          default -> null;
        };
    return new Report(ExitCodes.FAILURE, line, hint);
  }

  /** {@code in 7 h 12 min} until the next midnight in Pacific Time. */
  static String untilPacificMidnight(Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
    ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(PACIFIC);
    Duration left = Duration.between(now, midnight);
    long hours = left.toHours();
    long minutes = left.toMinutesPart();
    return hours > 0 ? "in " + hours + " h " + minutes + " min" : "in " + minutes + " min";
  }

  /** The text of an API message: HTML tags removed, entities decoded, spaces collapsed. */
  static String clean(String message) {
    if (message == null) {
      return null;
    }
    String text = TAG.matcher(message).replaceAll("");
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return text.replaceAll("\\s+", " ").strip();
  }

  private static boolean isBug(Throwable failure) {
    return !(failure instanceof YouTubeException
        || failure instanceof CliException
        || failure instanceof UncheckedIOException
        || failure instanceof IllegalStateException
        || failure instanceof IllegalArgumentException);
  }
}
