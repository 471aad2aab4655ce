package io.github.jyoutube.cli;

import io.github.jyoutube.YouTubeClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code jyoutube}: the top command, holding the global options and the session. */
@Command(
    name = "jyoutube",
    mixinStandardHelpOptions = true,
    versionProvider = JYouTubeCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "A command-line client for the YouTube Data API v3.",
      "",
      "Sign in once with `jyoutube auth login --client-secrets client_secret.json`, then list,"
          + " create and upload. Try it offline first: `jyoutube demo`, or add --emulator to any"
          + " command.",
      ""
    },
    subcommands = {
      AuthCommand.class,
      ChannelsCommand.class,
      PlaylistsCommand.class,
      PlaylistItemsCommand.class,
      VideosCommand.class,
      SearchCommand.class,
      CommentsCommand.class,
      CaptionsCommand.class,
      NotificationsCommand.class,
      ChatCommand.class,
      DemoCommand.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 the API or the network failed, 2 bad usage or configuration."
    })
final class JYouTubeCommand implements Callable<Integer>, GlobalOptions, AutoCloseable {

  @Spec CommandSpec spec;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Config dir; default $XDG_CONFIG_HOME or ~/.config.")
  Path configDir;

  @Option(
      names = "--client-secrets",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The OAuth client's JSON file from the Google Cloud console.")
  Path clientSecrets;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      scope = ScopeType.INHERIT,
      description = "The OAuth client ID (or $JYOUTUBE_CLIENT_ID).")
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      scope = ScopeType.INHERIT,
      description = "The OAuth client secret (or $JYOUTUBE_CLIENT_SECRET).")
  String clientSecret;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "Use the jyoutube emulator running at URL.")
  String endpoint;

  @Option(
      names = "--grpc-endpoint",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "With --endpoint: the emulator's live chat gRPC address (printed at its start, such as"
              + " http://127.0.0.1:8081); without it, chats are polled.")
  String grpcEndpoint;

  @Option(
      names = "--emulator",
      scope = ScopeType.INHERIT,
      description = "Use an emulator started inside the command, signed in.")
  boolean emulator;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "Use the sign-in of account NAME (see `auth list`); default: the default one.")
  String account;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description = "table (default), or json: the API's JSON, for scripts.")
  OutputFormat output = OutputFormat.TABLE;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean debug;

  private final CliEnvironment env;
  private Session session;

  JYouTubeCommand(CliEnvironment env) {
    this.env = env;
  }

  CliEnvironment env() {
    return env;
  }

  /** The session of this run, created on first use. */
  Session session() {
    if (session == null) {
      session = new Session(this, env);
    }
    return session;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(env.err());
    return ExitCodes.USAGE;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  @Override
  public Path configDir() {
    return configDir;
  }

  @Override
  public Path clientSecrets() {
    return clientSecrets;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public String clientSecret() {
    return clientSecret;
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public String grpcEndpoint() {
    return grpcEndpoint;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public boolean emulator() {
    return emulator;
  }

  @Override
  public boolean debug() {
    return debug;
  }

  @Override
  public OutputFormat output() {
    return output == null ? OutputFormat.TABLE : output;
  }

  /** The library's version. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "jyoutube " + YouTubeClient.VERSION + " (Java " + Runtime.version().feature() + ")"
      };
    }
  }
}
