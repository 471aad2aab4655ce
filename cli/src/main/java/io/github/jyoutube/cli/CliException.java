package io.github.jyoutube.cli;

/**
 * A failure the CLI reports as one line, with an optional hint and its exit code: a missing
 * configuration, a login that timed out, a file that cannot be read.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String hint;

  CliException(int exitCode, String message, String hint) {
    super(message);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  CliException(int exitCode, String message, String hint, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /** A failure of the operation (exit code 1). */
  static CliException failure(String message, String hint) {
    return new CliException(ExitCodes.FAILURE, message, hint);
  }

  /** A problem with the command line or the configuration (exit code 2). */
  static CliException usage(String message, String hint) {
    return new CliException(ExitCodes.USAGE, message, hint);
  }

  int exitCode() {
    return exitCode;
  }

  /** What to do about it, or {@code null}. */
  String hint() {
    return hint;
  }
}
