package io.github.jyoutube.http;

import java.net.URI;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context for an HTTP client that only ever speaks plain HTTP, as one whose endpoints are all
 * a local emulator's: it refuses every TLS connection.
 *
 * <p>Why: the JDK's client loads the default TLS context when it is built, whether or not it will
 * use it: security providers, the trust store, cipher suites; about 300 ms of a program's start
 * (docs/PERFORMANCE.md). A client given this context skips that. It is never given to a client that
 * may reach an {@code https} endpoint; if one is reached anyway, the connection fails with an
 * exception saying so, it is never made without verification.
 */
public final class PlainHttp {

  private PlainHttp() {}

  /**
   * Whether every one of {@code uris} is plain {@code http}.
   *
   * @param uris the URLs
   * @return whether they are all plain {@code http}
   */
  public static boolean only(URI... uris) {
    for (URI uri : uris) {
      if (uri == null || !"http".equalsIgnoreCase(uri.getScheme())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A context whose every TLS operation fails.
   *
   * @return a context that refuses TLS
   */
  public static SSLContext context() {
    return new RefusingContext();
  }

  /**
   * Parameters to give with {@link #context()}, so that the client does not ask it for any.
   *
   * @return the SSL parameters
   */
  public static SSLParameters parameters() {
    return new SSLParameters();
  }

  private static final class RefusingContext extends SSLContext {
    RefusingContext() {
      super(new RefusingSpi(), null, "TLS");
    }
  }

  private static final class RefusingSpi extends SSLContextSpi {

    private static IllegalStateException refused() {
      return new IllegalStateException(
          "this client was built for plain-http endpoints only and does not speak TLS");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {}

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
