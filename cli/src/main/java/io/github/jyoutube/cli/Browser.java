package io.github.jyoutube.cli;

import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL in the user's browser: {@code java.awt.Desktop} when the platform supports it, else
 * {@code xdg-open} (or {@code open} on macOS). Never throws: the caller prints the URL anyway. On
 * Linux and the BSDs a browser needs a display: without {@code DISPLAY} or {@code WAYLAND_DISPLAY}
 * (over SSH, in a container) it does not even try, so that the caller can say at once what to do.
 */
final class Browser {

  private Browser() {}

  /**
   * Tries to open {@code url}.
   *
   * @param url the address to show
   * @param env the environment, for the display
   * @return whether a browser was (probably) started
   */
  static boolean open(URI url, CliEnvironment env) {
    if (!hasDisplay(env)) {
      return false;
    }
    return openWithDesktop(url) || openWithCommand(url.toString());
  }

  /**
   * Whether a graphical browser could show up: always on macOS and Windows, else with a display.
   */
  static boolean hasDisplay(CliEnvironment env) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac") || os.contains("win")) {
      return true;
    }
    return env.variable("DISPLAY") != null || env.variable("WAYLAND_DISPLAY") != null;
  }

  private static boolean openWithDesktop(URI url) {
    try {
      if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()) {
        return false;
      }
      java.awt.Desktop desktop = java.awt.Desktop.getDesktop();
      if (!desktop.isSupported(java.awt.Desktop.Action.BROWSE)) {
        return false;
      }
      desktop.browse(url);
      return true;
    } catch (Exception | LinkageError e) {
      // Headless JREs have no AWT libraries; some desktops refuse. The command falls back.
      return false;
    }
  }

  private static boolean openWithCommand(String url) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String command = os.contains("mac") ? "open" : os.contains("win") ? null : "xdg-open";
    if (command == null || !onPath(command)) {
      return false;
    }
    try {
      Process process =
          new ProcessBuilder(command, url)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      // xdg-open returns at once when it found a browser; a non-zero exit means it found none.
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return process.exitValue() == 0;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
