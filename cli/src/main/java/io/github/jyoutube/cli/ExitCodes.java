package io.github.jyoutube.cli;

/** The exit codes of the {@code jyoutube} command. */
public final class ExitCodes {

  /** Success. */
  public static final int OK = 0;

  /** The API, Google's OAuth endpoints, the network or the file system refused or failed. */
  public static final int FAILURE = 1;

  /** A bad command line or a missing configuration, such as no OAuth client. */
  public static final int USAGE = 2;

  /** Interrupted (Ctrl-C while waiting). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
