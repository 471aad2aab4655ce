package io.github.jyoutube.cli;

import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL in the user's browser: {@code java.awt.Desktop} when the platform supports it, else
 * {@code xdg-open} (or {@code open} on macOS). Never throws: the caller prints the URL anyway.
 */
final class Browser {

  private Browser() {}

  /**
   * Tries to open {@code url}.
   *
   * @return whether a browser was (probably) started
   */
  static boolean open(URI url) {
    return openWithDesktop(url) || openWithCommand(url.toString());
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
