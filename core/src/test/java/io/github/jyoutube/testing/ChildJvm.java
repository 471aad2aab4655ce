package io.github.jyoutube.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM that runs a test's {@code main} class on the test class path. */
public final class ChildJvm {

  private ChildJvm() {}

  /** {@return the class path of the running tests (surefire's, else the JVM's)} */
  public static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * {@code java OPTIONS -cp CLASSPATH MAIN ARGS}, with this JVM's {@code java}.
   *
   * @param options the JVM's options, such as {@code -Xmx64m}
   * @param main the class to run
   * @param args its arguments
   * @return the command, for a {@link ProcessBuilder}
   */
  public static List<String> command(List<String> options, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(classPath());
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }
}
