/**
 * jyoutube: a client of the YouTube Data API v3. Start at {@link io.github.jyoutube.YouTubeClient}.
 *
 * <p>Every package is exported except {@code io.github.jyoutube.http}, the client's HTTP layer,
 * whose types are internal and may change in any release.
 */
module io.github.jyoutube {
  // Transitive: the API speaks their types. io.github.jyoutube.model.ModelJson reads and writes
  // with Jackson's JsonParser and JsonGenerator; YouTubeClient.Builder takes a JDK HttpClient.
  requires transitive com.fasterxml.jackson.core;
  requires transitive java.net.http;
  // QuotaLedger.jdbc takes a javax.sql.DataSource; the ledger keeps its rows with plain JDBC.
  requires transitive java.sql;
  // The push notification feed is Atom XML, read with the JDK's DOM parser.
  requires java.xml;
  // The push notification receiver is a JDK HttpServer.
  requires jdk.httpserver;

  exports io.github.jyoutube;
  exports io.github.jyoutube.auth;
  exports io.github.jyoutube.error;
  exports io.github.jyoutube.media;
  exports io.github.jyoutube.model;
  exports io.github.jyoutube.paging;
  exports io.github.jyoutube.push;
  exports io.github.jyoutube.recipes;
  exports io.github.jyoutube.resource;
}
