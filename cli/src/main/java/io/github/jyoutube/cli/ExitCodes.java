package io.github.jyoutube.cli;

/**
 * The exit codes of the {@code jyoutube} command, as {@code cli/README.md} documents them: 2 when
 * the command cannot run as given (to fix before trying again), 1 when it ran and failed.
 */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /**
   * The command ran and failed: the API or Google's OAuth endpoints refused, no answer came, a file
   * could not be written (or stopped being readable during the work), or {@code videos wait} ended
   * without success.
   */
  public static final int FAILURE = 1;

  /**
   * The command cannot run as given: a bad command line (an unknown option, a malformed or missing
   * value, options that exclude each other), a missing configuration (no OAuth client, not signed
   * in), or a file to read that is not there.
   */
  public static final int USAGE = 2;

  /** Interrupted: Ctrl-C (SIGINT, 128 + 2). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
