package io.github.jyoutube.cli;

import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.ClientSecrets;
import io.github.jyoutube.auth.DeviceAuthorization;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.ApiException;
import io.github.jyoutube.error.OAuthException;
import io.github.jyoutube.error.YouTubeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jyoutube auth}: sign in and out, and look at the stored token. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Sign in to YouTube, and manage the stored tokens.",
      "",
      "Each account has its own token: the default one, and one per --account NAME.",
      ""
    },
    subcommands = {
      AuthCommand.Login.class,
      AuthCommand.ListAccounts.class,
      AuthCommand.Status.class,
      AuthCommand.Refresh.class,
      AuthCommand.Revoke.class,
      AuthCommand.Logout.class
    })
final class AuthCommand extends GroupCommand {

  /** {@code auth login}. */
  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description = {
        "Sign in and store the token.",
        "",
        "By default it opens the browser on Google's consent page and receives the answer on"
            + " http://127.0.0.1:PORT/ (the loopback flow). --no-browser prints the address"
            + " instead; --manual lets you paste the redirect address; --device shows a code to"
            + " enter on another device. With --emulator the embedded emulator approves at once.",
        "",
        "--account NAME keeps this sign-in apart from the others (see `auth list`).",
        ""
      })
  static final class Login extends BaseCommand {

    @Option(names = "--no-browser", description = "Print the sign-in address, do not open it.")
    boolean noBrowser;

    @Option(
        names = "--manual",
        description =
            "Print the address, then read the address the browser was redirected to from"
                + " standard input.")
    boolean manual;

    @Option(names = "--device", description = "The device flow: enter a code on another device.")
    boolean device;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "300",
        description = "How long to wait for the browser or the device (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
        names = "--scope",
        paramLabel = "SCOPE",
        split = ",",
        description =
            "A scope to ask for besides the defaults (youtube, userinfo.profile), such as"
                + " youtube.force-ssl for captions or youtube.upload (repeatable).")
    List<String> scopes;

    @Option(
        names = "--only-scope",
        paramLabel = "SCOPE",
        split = ",",
        description =
            "Ask for these scopes in place of the defaults, such as youtube.readonly"
                + " (repeatable; --scope adds to them).")
    List<String> onlyScopes;

    @Override
    int run() throws Exception {
      if (manual && device) {
        throw CliException.usage("--manual and --device exclude each other", null);
      }
      if (timeoutSeconds <= 0) {
        throw CliException.usage("--timeout must be positive", null);
      }
      Session session = session();
      List<String> wanted = ScopeNames.wanted(onlyScopes, scopes);
      AccessToken token;
      if (session.embedded()) {
        // No one is at a browser: the embedded emulator approves its consent page at once.
        token = session.signInToEmulator(wanted);
        err().println("The embedded emulator approved the sign-in at once.");
        err().flush();
      } else {
        ClientSecrets client = session.requireCredentials();
        if (device) {
          token = device(session, client, wanted);
        } else if (manual) {
          token = manual(session.client(), wanted, session.loginHint());
        } else {
          token = loopback(session.client(), wanted, session.loginHint());
        }
      }
      reportSignedIn(token);
      return ExitCodes.OK;
    }

    private AccessToken loopback(YouTubeClient cli, List<String> wanted, String loginHint)
        throws InterruptedException {
      PrintWriter err = err();
      try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
        AuthorizationUrl auth =
            cli.getAuthorizeUrl(
                AuthorizationOptions.builder()
                    .redirectUri(receiver.redirectUri())
                    .scopes(wanted)
                    .prompt("select_account consent")
                    .loginHint(loginHint)
                    .build());
        receiver.expectState(auth.state());
        boolean opened = false;
        if (noBrowser) {
          err.println("Open this address in a browser on this machine to sign in:");
        } else if (Browser.open(auth.uri(), root().env())) {
          opened = true;
          err.println("Opened the browser to sign in. If it did not open, visit:");
        } else {
          err.println(
              "No browser could be opened here"
                  + (Browser.hasDisplay(root().env())
                      ? ""
                      : " (no DISPLAY: over SSH or in a container?)")
                  + ". Open this address in a browser on this machine to sign in:");
        }
        err.println();
        err.println("  " + auth.uri());
        err.println();
        err.println(
            "jyoutube is waiting up to "
                + timeoutSeconds
                + " s for the browser's redirect to "
                + receiver.redirectUri()
                + " (Ctrl-C cancels).");
        if (!opened) {
          err.println(
              "No browser on this machine? Press Ctrl-C and run `"
                  + command("auth login --device")
                  + "` to enter a code on another device, or `"
                  + command("auth login --manual")
                  + "` to paste the address the browser ends up at.");
        }
        err.flush();
        String redirect;
        try {
          redirect = receiver.awaitRedirect(Duration.ofSeconds(timeoutSeconds));
        } catch (TimeoutException e) {
          throw CliException.failure(
              "timed out after " + timeoutSeconds + " s waiting for the sign-in",
              "run `jyoutube auth login` again (--timeout sets the wait), or try --manual or"
                  + " --device");
        }
        try {
          AccessToken token = cli.generateAccessToken(redirect);
          receiver.finish(true, "You are signed in to jyoutube. You can close this window.");
          return token;
        } catch (YouTubeException | IllegalArgumentException e) {
          receiver.finish(false, Errors.line(Errors.describe(e, Clock.systemUTC())));
          throw e;
        }
      }
    }

    private AccessToken manual(YouTubeClient cli, List<String> wanted, String loginHint)
        throws IOException {
      AuthorizationUrl auth =
          cli.getAuthorizeUrl(
              AuthorizationOptions.builder()
                  .scopes(wanted)
                  .prompt("select_account consent")
                  .loginHint(loginHint)
                  .build());
      PrintWriter err = err();
      err.println("1. Open this address in a browser, choose the account and allow access:");
      err.println();
      err.println("  " + auth.uri());
      err.println();
      err.println(
          "2. The browser then goes to an address that fails to load (such as"
              + " https://localhost/?state=...&code=...): that is expected.");
      err.println("3. Paste that whole address here and press Enter:");
      err.flush();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(root().env().in(), StandardCharsets.UTF_8));
      String line = reader.readLine();
      while (line != null && line.isBlank()) {
        line = reader.readLine();
      }
      if (line == null) {
        throw CliException.failure(
            "no redirect address on standard input", "paste the address from the browser");
      }
      return cli.generateAccessToken(line.strip());
    }

    /**
     * The device flow, through the library's OAuth client and transport (its size limits, timeouts
     * and typed errors): {@code --timeout} bounds the whole of it, the first request included.
     */
    private AccessToken device(Session session, ClientSecrets client, List<String> wanted) {
      Clock clock = Clock.systemUTC();
      Instant deadline = clock.instant().plusSeconds(timeoutSeconds);
      YouTubeClient cli =
          YouTubeClient.builder()
              .endpoints(session.endpoints())
              .clientId(client.clientId())
              .clientSecret(client.clientSecret())
              .tokenStore(session.tokenStore())
              .userAgent("jyoutube-cli/" + YouTubeClient.VERSION)
              .requestTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 60)))
              .maxRetries(0)
              .clock(clock)
              .build();
      DeviceAuthorization auth = cli.startDeviceAuthorization(wanted);
      Duration wait =
          Duration.between(
              clock.instant(), auth.expiresAt().isBefore(deadline) ? auth.expiresAt() : deadline);
      long waitSeconds = Math.max(0, (wait.toMillis() + 999) / 1000);
      PrintWriter err = err();
      err.println("On a device with a browser, go to:");
      err.println();
      err.println("  " + auth.verificationUrl());
      err.println();
      err.println("and enter the code:  " + auth.userCode());
      err.println();
      err.println(
          "Waiting for approval (checking every "
              + auth.interval().toSeconds()
              + " s, up to "
              + waitSeconds
              + " s; Ctrl-C cancels)...");
      err.flush();
      try {
        return cli.awaitDeviceAuthorization(auth, deadline);
      } catch (OAuthException e) {
        if (!"authorization_pending".equals(e.error())) {
          throw e;
        }
        throw CliException.failure(
            "timed out after " + timeoutSeconds + " s waiting for approval on the other device",
            "run `jyoutube auth login --device` again (--timeout sets the wait)");
      }
    }

    private void reportSignedIn(AccessToken token) {
      Session session = session();
      Identity who = Identity.of(session.client());
      String label = who.describe();
      if (!session.embedded()) {
        session.config().saveLabel(session.account(), label);
      }
      Clock clock = root().env().clock();
      if (json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("signedIn", true);
        result.put("account", session.account());
        result.put("name", who.name());
        result.put("email", who.email());
        result.put("sub", who.sub());
        result.put("channelId", who.channelId());
        result.put("channelTitle", who.channelTitle());
        result.put("channelHandle", who.channelHandle());
        result.put("scopes", token.scope());
        result.put("expiresAt", token.expiresAt());
        result.put("refreshable", token.isRefreshable());
        result.put("tokenStore", session.tokenStoreName());
        printJson(result);
        return;
      }
      PrintWriter out = out();
      out.println(
          Terminal.printable(
              "Signed in"
                  + (session.namedAccount() ? " to account " + session.account() : "")
                  + " as "
                  + (label == null ? "an account that the token's scopes do not name" : label)
                  + "."));
      String scopes = ScopeNames.shortList(token.scope());
      if (scopes != null) {
        out.println("Scopes: " + scopes);
      }
      out.println(
          "Token saved to "
              + session.tokenStoreName()
              + (token.expiresAt() == null
                  ? ""
                  : "; it expires " + Times.relative(token.expiresAt(), clock))
              + (token.isRefreshable() ? " and refreshes itself." : "."));
      out.flush();
    }
  }

  /** {@code auth list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the signed-in accounts: who each is, its scopes and when its access token expires"
            + " (tokens are never shown).",
        "",
        "Reads the token files only; nothing is sent.",
        ""
      })
  static final class ListAccounts extends BaseCommand {
    @Override
    int run() {
      Session session = session();
      if (session.embedded()) {
        out().println("The embedded emulator keeps its sign-in in memory: no accounts are stored.");
        out().flush();
        return ExitCodes.OK;
      }
      Config config = session.config();
      Map<String, String> labels = config.labels();
      Clock clock = root().env().clock();
      List<Map<String, Object>> accounts = new ArrayList<>();
      Table table = new Table("ACCOUNT", "WHO", "SCOPES", "EXPIRES", "REFRESH");
      for (String account : config.accounts()) {
        Path file = config.tokenFile(account);
        String label = labels.get(account);
        AccessToken token = null;
        String problem = null;
        try {
          token = TokenStore.file(file).load().orElse(null);
        } catch (RuntimeException e) {
          problem = "unreadable token file";
        }
        if (token == null && problem == null) {
          continue; // removed meanwhile
        }
        String marker = account.equals(session.account()) ? "* " : "";
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("account", account);
        entry.put("label", label);
        entry.put("current", account.equals(session.account()));
        entry.put("tokenFile", file.toString());
        if (token != null) {
          entry.put("scopes", token.scope());
          entry.put("expiresAt", token.expiresAt());
          entry.put("refreshable", token.isRefreshable());
          table.row(
              marker + account,
              label,
              ScopeNames.shortList(token.scope()),
              token.expiresAt() == null ? "unknown" : Times.describe(token.expiresAt(), clock),
              token.isRefreshable() ? "yes" : "no");
        } else {
          entry.put("problem", problem);
          table.row(marker + account, label, problem, null, null);
        }
        accounts.add(entry);
      }
      if (json()) {
        printJson(Map.of("accounts", accounts, "configDir", config.dir().toString()));
        return ExitCodes.OK;
      }
      if (accounts.isEmpty()) {
        out()
            .println("No accounts signed in. Run `jyoutube auth login` (--account NAME for more).");
        out().flush();
        return ExitCodes.OK;
      }
      table.print(out(), "");
      out().println();
      out()
          .println(
              "* is the account this command used; --account NAME picks another. Tokens in "
                  + config.dir()
                  + ".");
      out().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code auth status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Show who is signed in (person and channel), the scopes and the expiry (tokens"
              + " redacted).")
  static final class Status extends BaseCommand {
    @Override
    int run() {
      Session session = session();
      Optional<AccessToken> stored =
          session.embedded() ? session.signedIn().accessToken() : session.tokenStore().load();
      if (stored.isEmpty()) {
        if (json()) {
          printJson(
              Map.of(
                  "signedIn",
                  false,
                  "account",
                  session.account(),
                  "tokenStore",
                  session.tokenStoreName()));
        } else {
          out()
              .println(
                  (session.namedAccount()
                          ? "Account " + session.account() + " is not signed in."
                          : "Not signed in.")
                      + " Run `"
                      + command("auth login")
                      + "`.");
          out().flush();
        }
        return ExitCodes.USAGE;
      }
      YouTubeClient cli = session.client();
      UserInfo info = null;
      String problem = null;
      try {
        info = cli.userInfo();
      } catch (ApiException e) {
        problem = Errors.line(Errors.describe(e, root().env().clock()));
      } catch (OAuthException e) {
        problem = Errors.line(Errors.describe(e, root().env().clock()));
      }
      Identity who =
          problem == null
              ? Identity.of(info, cli)
              : new Identity(null, null, null, null, null, null);
      AccessToken token = cli.accessToken().orElse(stored.get());
      Clock clock = root().env().clock();
      Optional<ClientSecrets> client = session.credentials();
      if (json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("signedIn", problem == null);
        result.put("account", session.account());
        if (info != null) {
          result.put("name", info.name());
          result.put("sub", info.sub());
          result.put("email", info.email());
        }
        result.put("channelId", who.channelId());
        result.put("channelTitle", who.channelTitle());
        result.put("channelHandle", who.channelHandle());
        result.put("scopes", token.scope());
        result.put("expiresAt", token.expiresAt());
        result.put("refreshable", token.isRefreshable());
        result.put("clientId", client.map(ClientSecrets::clientId).orElse(null));
        result.put("tokenStore", session.tokenStoreName());
        if (problem != null) {
          result.put("problem", problem);
        }
        printJson(result);
        return problem == null ? ExitCodes.OK : ExitCodes.FAILURE;
      }
      Table lines = new Table("", "");
      if (info != null) {
        lines.row(
            "Signed in as",
            (info.name() == null ? "(no name)" : info.name())
                + (info.email() == null ? "" : " <" + info.email() + ">")
                + " (sub "
                + info.sub()
                + ")");
      } else {
        lines.row("Signed in as", "unknown: " + problem);
      }
      if (problem == null) {
        lines.row(
            "Channel",
            who.channel() == null
                ? "none seen (the token has no YouTube read scope, or the account no channel)"
                : who.channel().substring("channel ".length())
                    + (who.channelId() == null ? "" : " (" + who.channelId() + ")"));
      }
      lines.row("Account", session.account());
      lines.row("Scopes", ScopeNames.shortList(token.scope()));
      lines.row(
          "Expires",
          token.expiresAt() == null ? "unknown" : Times.describe(token.expiresAt(), clock));
      lines.row(
          "Refresh token",
          token.isRefreshable()
              ? "(redacted); the access token refreshes itself"
              : "none: sign in again when the access token expires");
      lines.row("Access token", redacted(token.accessToken()));
      lines.row("OAuth client", client.map(ClientSecrets::clientId).orElse("none configured"));
      lines.row("Token store", session.tokenStoreName());
      if (session.local()) {
        lines.row("Endpoint", session.endpoints().api());
      }
      PrintWriter out = out();
      for (String line : lines.lines().subList(1, lines.size() + 1)) {
        out.println(line);
      }
      out.flush();
      return problem == null ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String redacted(String token) {
      return token.length() >= 20 ? token.substring(0, 4) + "…(redacted)" : "(redacted)";
    }
  }

  /** {@code auth refresh}. */
  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = "Get a new access token with the stored refresh token.")
  static final class Refresh extends BaseCommand {
    @Override
    int run() {
      Session session = session();
      YouTubeClient cli = session.signedIn();
      AccessToken current = cli.accessToken().orElseThrow();
      if (!current.isRefreshable()) {
        throw CliException.failure(
            "the stored token has no refresh token", "run `jyoutube auth login` to sign in again");
      }
      session.requireCredentials();
      AccessToken fresh = cli.refreshAccessToken();
      if (json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("refreshed", true);
        result.put("expiresAt", fresh.expiresAt());
        result.put("scopes", fresh.scope());
        printJson(result);
      } else {
        out()
            .println(
                "Token refreshed; it expires "
                    + (fresh.expiresAt() == null
                        ? "at an unknown time"
                        : Times.describe(fresh.expiresAt(), root().env().clock()))
                    + ".");
        out().flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code auth revoke}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke the token at Google (all tokens of this sign-in) and remove it here.")
  static final class Revoke extends BaseCommand {
    @Override
    int run() {
      Session session = session();
      YouTubeClient cli = session.signedIn();
      session.requireCredentials();
      AccessToken token = cli.accessToken().orElseThrow();
      String note;
      try {
        cli.revokeAccessToken(token);
        note = "Revoked the token at the server";
      } catch (OAuthException e) {
        if (!"invalid_token".equals(e.error())) {
          throw e;
        }
        note = "The server no longer knew the token (expired or revoked already)";
      }
      session.forgetToken();
      out().println(note + " and removed it from " + session.tokenStoreName() + ".");
      out().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code auth logout}. */
  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description = {
        "Sign out: revoke the token at Google when possible, and delete it here.",
        "",
        "A token the server cannot revoke (the network is down, no OAuth client is configured)"
            + " is deleted all the same, with a note. --account NAME signs that account out.",
        ""
      })
  static final class Logout extends BaseCommand {

    @Option(
        names = "--no-revoke",
        description = "Only delete the token here; it stays valid at the server until it expires.")
    boolean noRevoke;

    @Override
    int run() {
      Session session = session();
      TokenStore store = session.tokenStore();
      AccessToken token = null;
      boolean unreadable = false;
      try {
        token = store.load().orElse(null);
      } catch (RuntimeException e) {
        unreadable = true; // an unreadable token file is removed all the same
      }
      PrintWriter out = out();
      if (token == null && !unreadable) {
        session.forgetToken();
        out.println(
            (session.namedAccount()
                    ? "Account " + session.account() + " is not signed in"
                    : "Not signed in")
                + "; nothing to remove.");
        out.flush();
        return ExitCodes.OK;
      }
      String revoked = noRevoke ? "not revoked (--no-revoke)" : revoke(session, token);
      session.forgetToken();
      out.println(
          "Signed out"
              + (session.namedAccount() ? " of account " + session.account() : "")
              + ": removed the token from "
              + session.tokenStoreName()
              + ".");
      out.println(Terminal.printable("At the server: " + revoked + "."));
      out.flush();
      return ExitCodes.OK;
    }

    /** Revokes {@code token} if it can; says what happened. */
    private String revoke(Session session, AccessToken token) {
      if (token == null) {
        return "not revoked (the token file was unreadable)";
      }
      if (session.credentials().isEmpty()) {
        return "not revoked (no OAuth client configured); the token stays valid until it expires";
      }
      try {
        session.client().revokeAccessToken(token);
        return "revoked";
      } catch (YouTubeException e) {
        if (e instanceof OAuthException oauth && "invalid_token".equals(oauth.error())) {
          return "already expired or revoked";
        }
        return "could not revoke ("
            + Errors.line(Errors.describe(e, root().env().clock())).replaceFirst("^jyoutube: ", "")
            + "); the token stays valid until it expires";
      }
    }
  }
}
