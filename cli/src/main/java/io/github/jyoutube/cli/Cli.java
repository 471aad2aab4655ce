package io.github.jyoutube.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the {@code jyoutube} command line: {@code Cli.commandLine(env).execute(args)} runs one
 * command and returns its exit code. Tests run it in-process with their own {@link CliEnvironment}.
 */
public final class Cli {

  private Cli() {}

  /**
   * The command line, writing to {@code env}'s streams.
   *
   * @param env the streams, environment variables, home directory and clock
   * @return a picocli command line; run it with {@link CommandLine#execute(String...)}
   */
  public static CommandLine commandLine(CliEnvironment env) {
    JYouTubeCommand root = new JYouTubeCommand(env);
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionStrategy(
        parseResult -> {
          try {
            return new CommandLine.RunLast().execute(parseResult);
          } finally {
            root.close();
          }
        });
    cmd.setExecutionExceptionHandler(
        (failure, commandLine, parseResult) ->
            Errors.report(failure, env.err(), root.debug(), env.clock(), root.account()));
    cmd.setParameterExceptionHandler(Cli::usageError);
    DashValues.install(cmd);
    return cmd;
  }

  /**
   * Runs {@code args} in {@code env}; returns the exit code.
   *
   * @param env the streams, environment variables, home directory and clock to run with
   * @param args the command line, without the program name
   * @return the exit code
   */
  public static int run(CliEnvironment env, String... args) {
    int code = commandLine(env).execute(args);
    env.out().flush();
    env.err().flush();
    return code;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    var err = cmd.getErr();
    err.println("jyoutube: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try `" + cmd.getCommandSpec().qualifiedName() + " --help`.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
