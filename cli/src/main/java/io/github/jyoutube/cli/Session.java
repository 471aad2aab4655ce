package io.github.jyoutube.cli;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.AuthorizationOptions;
import io.github.jyoutube.auth.AuthorizationUrl;
import io.github.jyoutube.auth.ClientSecrets;
import io.github.jyoutube.auth.Scopes;
import io.github.jyoutube.auth.TokenStore;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one run of the command works with, resolved from the global options: the configuration
 * directory, the endpoints (Google, {@code --endpoint}, or an embedded emulator with {@code
 * --emulator}), the OAuth client, the token store and the {@link YouTubeClient}. Built lazily;
 * {@link #close()} stops the embedded emulator.
 */
final class Session implements AutoCloseable {

  static final String ENV_CLIENT_ID = "JYOUTUBE_CLIENT_ID";
  static final String ENV_CLIENT_SECRET = "JYOUTUBE_CLIENT_SECRET";

  private final GlobalOptions options;
  private final CliEnvironment env;
  private final String account;
  private Config config;
  private YouTubeEmulator embedded;
  private TokenStore store;
  private YouTubeClient client;
  private Optional<ClientSecrets> credentials;

  Session(GlobalOptions options, CliEnvironment env) {
    this.options = options;
    this.env = env;
    if (options.emulator() && options.endpoint() != null) {
      throw CliException.usage(
          "--emulator and --endpoint exclude each other",
          "--emulator starts an emulator inside the command; --endpoint URL uses a running one");
    }
    this.account = Accounts.check(options.account());
  }

  CliEnvironment env() {
    return env;
  }

  /** The account whose token this run uses: {@code --account}, else {@link Accounts#DEFAULT}. */
  String account() {
    return account;
  }

  /** Whether {@code --account} names an account other than the default one. */
  boolean namedAccount() {
    return !Accounts.DEFAULT.equals(account);
  }

  Config config() {
    if (config == null) {
      config = Config.resolve(options.configDir(), env);
    }
    return config;
  }

  /** Whether the command runs against an emulator it started itself. */
  boolean embedded() {
    return options.emulator();
  }

  /** Whether the endpoints are not Google's. */
  boolean local() {
    return options.emulator() || options.endpoint() != null;
  }

  /** The embedded emulator, started on first use. */
  YouTubeEmulator emulator() {
    if (!options.emulator()) {
      throw new IllegalStateException("no embedded emulator without --emulator");
    }
    if (embedded == null) {
      embedded = YouTubeEmulator.builder().port(0).autoApprove(true).build().start();
    }
    return embedded;
  }

  Endpoints endpoints() {
    if (options.emulator()) {
      return emulator().endpoints();
    }
    if (options.grpcEndpoint() != null && options.endpoint() == null) {
      throw CliException.usage(
          "--grpc-endpoint goes with --endpoint",
          "jyoutube --endpoint http://127.0.0.1:8080/ --grpc-endpoint http://127.0.0.1:8081 ...");
    }
    if (options.endpoint() != null) {
      Endpoints endpoints;
      try {
        endpoints = Endpoints.at(URI.create(options.endpoint()));
      } catch (IllegalArgumentException e) {
        throw CliException.usage(
            "bad --endpoint: " + e.getMessage(),
            "give the emulator's base URL, such as http://127.0.0.1:8080/");
      }
      if (options.grpcEndpoint() == null) {
        return endpoints;
      }
      try {
        return endpoints.withGrpc(URI.create(options.grpcEndpoint()));
      } catch (IllegalArgumentException e) {
        throw CliException.usage(
            "bad --grpc-endpoint: " + e.getMessage(),
            "give the emulator's gRPC address, such as http://127.0.0.1:8081");
      }
    }
    return Endpoints.google();
  }

  /** Deletes the account's token here and, outside the embedded emulator, its label. */
  void forgetToken() {
    tokenStore().clear();
    if (!embedded()) {
      config().saveLabel(account(), null);
    }
  }

  /**
   * Where the account's token lives: its file in the config directory ({@code token.json} for the
   * default account), or memory with {@code --emulator}.
   */
  TokenStore tokenStore() {
    if (store == null) {
      store =
          options.emulator() ? TokenStore.inMemory() : TokenStore.file(config().tokenFile(account));
    }
    return store;
  }

  /** A description of the token store for messages. */
  String tokenStoreName() {
    return options.emulator()
        ? "memory (embedded emulator)"
        : config().tokenFile(account).toString();
  }

  /**
   * The OAuth client: {@code --client-secrets}, else {@code --client-id} and {@code
   * --client-secret}, else the environment, else the one remembered in the config directory. One
   * given on the command line or in the environment is remembered. Against an emulator ({@code
   * --emulator}, or {@code --endpoint} with no client given) it is the emulator's seeded client.
   */
  Optional<ClientSecrets> credentials() {
    if (credentials == null) {
      credentials = resolveCredentials();
    }
    return credentials;
  }

  ClientSecrets requireCredentials() {
    return credentials()
        .orElseThrow(
            () ->
                CliException.usage(
                    "no OAuth client configured",
                    "pass --client-secrets client_secret.json (a Desktop app client from the Google"
                        + " Cloud console), or --client-id and --client-secret, or set "
                        + ENV_CLIENT_ID
                        + " and "
                        + ENV_CLIENT_SECRET));
  }

  private Optional<ClientSecrets> resolveCredentials() {
    if (options.emulator()) {
      return Optional.of(seededClient());
    }
    ClientSecrets given = given();
    if (options.endpoint() != null) {
      // A local server: its own client, never remembered in place of the one for Google.
      return Optional.of(given != null ? given : seededClient());
    }
    if (given != null) {
      config().saveClient(given);
      return Optional.of(given);
    }
    return config().savedClient();
  }

  private ClientSecrets given() {
    if (options.clientSecrets() != null) {
      Path file = options.clientSecrets();
      if (!Files.isRegularFile(file)) {
        throw CliException.usage("--client-secrets: no such file: " + file, null);
      }
      try {
        return ClientSecrets.read(file);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw CliException.usage(
            "--client-secrets: " + e.getMessage(),
            "download the JSON of a Desktop app OAuth client from the Google Cloud console");
      }
    }
    String id = options.clientId();
    String secret = options.clientSecret();
    if (id != null || secret != null) {
      if (id == null || secret == null) {
        throw CliException.usage(
            "--client-id and --client-secret go together", "pass both, or --client-secrets FILE");
      }
      return new ClientSecrets(id, secret, List.of());
    }
    id = env.variable(ENV_CLIENT_ID);
    secret = env.variable(ENV_CLIENT_SECRET);
    if (id != null || secret != null) {
      if (id == null || secret == null) {
        throw CliException.usage(
            ENV_CLIENT_ID + " and " + ENV_CLIENT_SECRET + " go together", "set both");
      }
      return new ClientSecrets(id, secret, List.of());
    }
    return null;
  }

  private static ClientSecrets seededClient() {
    return new ClientSecrets(YouTubeEmulator.CLIENT_ID, YouTubeEmulator.CLIENT_SECRET, List.of());
  }

  /**
   * The client, with the OAuth client if there is one and the stored token if there is one.
   *
   * @throws CliException if there is neither
   */
  YouTubeClient client() {
    if (client == null) {
      YouTubeClient.Builder builder =
          YouTubeClient.builder()
              .endpoints(endpoints())
              .tokenStore(tokenStore())
              .userAgent("jyoutube-cli/" + YouTubeClient.VERSION);
      if (namedAccount()) {
        builder.accountLabel(account);
      }
      Optional<ClientSecrets> secrets = credentials();
      secrets.ifPresent(
          s -> {
            builder.clientId(s.clientId()).clientSecret(s.clientSecret());
            if (!s.redirectUris().isEmpty()) {
              builder.redirectUri(s.redirectUris().get(0));
            }
          });
      if (secrets.isEmpty() && tokenStore().load().isEmpty()) {
        throw notSignedIn();
      }
      client = builder.build();
    }
    return client;
  }

  /**
   * The client, signed in: with {@code --emulator} it signs itself in at once; otherwise the token
   * must be stored already.
   *
   * @throws CliException if there is no token
   */
  YouTubeClient signedIn() {
    YouTubeClient cli = client();
    if (cli.accessToken().isEmpty()) {
      if (!options.emulator()) {
        throw notSignedIn();
      }
      // Every scope a command here may need, so that each one can be tried.
      signInToEmulator(List.of(Scopes.YOUTUBE, Scopes.YOUTUBE_FORCE_SSL, Scopes.USERINFO_PROFILE));
    }
    return cli;
  }

  /**
   * Signs in to the embedded emulator, which approves on its consent page at once: as the first
   * seeded account, or as the one whose email address {@code --account} is.
   */
  AccessToken signInToEmulator(List<String> scopes) {
    YouTubeClient cli = client();
    AuthorizationUrl auth =
        cli.getAuthorizeUrl(
            AuthorizationOptions.builder()
                .redirectUri("https://localhost/")
                .scopes(scopes)
                .loginHint(loginHint())
                .build());
    return cli.generateAccessToken(new EmulatorConsent().autoApproved(auth.uri().toString()));
  }

  /** The account name as a hint for Google's account chooser, when it looks like an address. */
  String loginHint() {
    return namedAccount() && account.contains("@") ? account : null;
  }

  /**
   * No token: the setup is incomplete, as without an OAuth client (exit code 2). The hint's command
   * gets {@code --account NAME} where every hint does, in {@link Errors#forAccount}.
   */
  private CliException notSignedIn() {
    return CliException.usage(
        namedAccount() ? "account " + account + " is not signed in" : "not signed in",
        credentials().isPresent() || options.endpoint() != null
            ? "run `jyoutube auth login`"
            : "run `jyoutube auth login --client-secrets client_secret.json` (or with --client-id"
                + " and --client-secret)");
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }

  @Override
  public String toString() {
    return "Session[" + (options.emulator() ? "embedded emulator" : endpoints().api()) + "]";
  }
}
