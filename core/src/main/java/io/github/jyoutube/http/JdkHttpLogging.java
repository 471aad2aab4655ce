package io.github.jyoutube.http;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns when the JDK's HTTP client is told to log what it sends.
 *
 * <p>With the system property {@value #PROPERTY} set (to {@code headers}, {@code content}, {@code
 * frames} or {@code all}), {@link java.net.http.HttpClient} prints request headers and bodies at
 * INFO through {@link System.Logger}: the {@code Authorization} header with the access token, the
 * {@code X-Goog-Api-Key} header, the OAuth forms with the refresh token and client secret. The
 * library cannot stop it, so it says so once, at WARNING, when a client is built.
 */
public final class JdkHttpLogging {

  /** The JDK's switch for its HTTP client's logging. */
  public static final String PROPERTY = "jdk.httpclient.HttpClient.log";

  private static final System.Logger LOG = System.getLogger("io.github.jyoutube.http");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private JdkHttpLogging() {}

  /**
   * Logs the warning at {@link Level#WARNING} if {@value #PROPERTY} is set, once per JVM: a program
   * that builds many clients gets one warning.
   */
  public static void warnIfEnabled() {
    String value;
    try {
      value = System.getProperty(PROPERTY);
    } catch (SecurityException e) {
      return;
    }
    if (value == null || value.isBlank() || !WARNED.compareAndSet(false, true)) {
      return;
    }
    LOG.log(
        Level.WARNING,
        "The system property "
            + PROPERTY
            + " is set (\""
            + value.strip()
            + "\"): the JDK's HTTP client then logs at INFO what it sends. At headers (or all) it"
            + " prints the Authorization header (access tokens) and the X-Goog-Api-Key header, at"
            + " content the OAuth request and answer bodies (refresh tokens, the client secret)."
            + " jyoutube cannot hide them: do not set it where logs are kept or shared.");
  }
}
