package io.github.jyoutube.cli;

/** {@code java -jar jyoutube-cli.jar ARGS}: runs one {@code jyoutube} command and exits. */
public final class Main {

  private Main() {}

  /**
   * Runs the command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = Cli.run(CliEnvironment.system(), args);
    System.exit(code);
  }
}
