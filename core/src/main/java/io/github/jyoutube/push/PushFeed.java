package io.github.jyoutube.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A push notification's Atom feed, read: its topic and its events.
 *
 * <p>{@link #parse} uses the JDK's own XML parser, hardened: a document with a {@code DOCTYPE} is
 * refused outright (so no entity, internal or external, is ever declared or expanded: no "billion
 * laughs", no XXE), external general and parameter entities and external DTDs are off, secure
 * processing is on, XInclude is off, and nothing is ever fetched.
 *
 * @param topic the feed's {@code link rel="self"} (the topic URL), or {@code null} when it has none
 *     (deletion feeds often have none)
 * @param events the entries, in document order
 */
public record PushFeed(String topic, List<PushEvent> events) {

  /**
   * How long after {@code published} an entry's {@code updated} may be for the entry to count as a
   * publication rather than an update: 15 minutes.
   */
  public static final Duration DEFAULT_NEW_VIDEO_WINDOW = Duration.ofMinutes(15);

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String YT = "http://www.youtube.com/xml/schemas/2015";
  static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

  /**
   * Checks and copies the parts.
   *
   * @param topic the value for the {@code topic} record component
   * @param events the value for the {@code events} record component
   */
  public PushFeed {
    events = List.copyOf(events);
  }

  /**
   * Reads a notification body with the {@link #DEFAULT_NEW_VIDEO_WINDOW default window}.
   *
   * @param xml the notification body
   * @return the feed's events
   * @throws IllegalArgumentException if it is not an Atom feed of YouTube videos, or has a DTD
   */
  public static PushFeed parse(byte[] xml) {
    return parse(xml, DEFAULT_NEW_VIDEO_WINDOW);
  }

  /**
   * Reads a notification body.
   *
   * @param xml the body, as received
   * @param newVideoWindow how long after {@code published} an {@code updated} date still makes a
   *     publication
   * @return the feed
   * @throws IllegalArgumentException if it is not an Atom feed of YouTube videos, or has a DTD
   */
  public static PushFeed parse(byte[] xml, Duration newVideoWindow) {
    Objects.requireNonNull(xml, "xml == null");
    Objects.requireNonNull(newVideoWindow, "newVideoWindow == null");
    Element feed = read(xml).getDocumentElement();
    if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
      throw new IllegalArgumentException(
          "not an Atom feed: the root element is "
              + (feed.getNamespaceURI() == null ? "" : "{" + feed.getNamespaceURI() + "}")
              + feed.getLocalName());
    }
    String topic = null;
    List<PushEvent> events = new ArrayList<>();
    for (Node node = feed.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (!(node instanceof Element element)) {
        continue;
      }
      String ns = element.getNamespaceURI();
      String name = element.getLocalName();
      if (ATOM.equals(ns) && name.equals("link") && "self".equals(element.getAttribute("rel"))) {
        topic = emptyToNull(element.getAttribute("href"));
      } else if (ATOM.equals(ns) && name.equals("entry")) {
        events.add(entry(element, newVideoWindow));
      } else if (TOMBSTONES.equals(ns) && name.equals("deleted-entry")) {
        events.add(deleted(element));
      }
    }
    return new PushFeed(topic, events);
  }

  private static PushEvent entry(Element entry, Duration window) {
    String videoId = text(entry, YT, "videoId");
    if (videoId == null) {
      videoId = videoIdOf(text(entry, ATOM, "id"));
    }
    if (videoId == null) {
      throw new IllegalArgumentException("an entry has no yt:videoId");
    }
    String channelId = text(entry, YT, "channelId");
    Element author = child(entry, ATOM, "author");
    if (channelId == null && author != null) {
      channelId = channelIdOfUri(text(author, ATOM, "uri"));
    }
    String title = text(entry, ATOM, "title");
    URI link = null;
    for (Node node = entry.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && "link".equals(e.getLocalName())
          && (e.getAttribute("rel").isEmpty() || "alternate".equals(e.getAttribute("rel")))) {
        link = uri(e.getAttribute("href"));
        break;
      }
    }
    String channelTitle = author == null ? null : text(author, ATOM, "name");
    OffsetDateTime published = time(text(entry, ATOM, "published"));
    OffsetDateTime updated = time(text(entry, ATOM, "updated"));
    boolean isNew =
        published == null || updated == null || !updated.isAfter(published.plus(window));
    return isNew
        ? new PushEvent.VideoPublished(
            videoId, channelId, title, link, channelTitle, published, updated)
        : new PushEvent.VideoUpdated(
            videoId, channelId, title, link, channelTitle, published, updated);
  }

  private static PushEvent deleted(Element entry) {
    String ref = emptyToNull(entry.getAttribute("ref"));
    String videoId = videoIdOf(ref);
    if (videoId == null) {
      throw new IllegalArgumentException("a deleted entry has no ref of the form yt:video:ID");
    }
    Element link = child(entry, ATOM, "link");
    Element by = child(entry, TOMBSTONES, "by");
    String channelId = by == null ? null : channelIdOfUri(text(by, ATOM, "uri"));
    return new PushEvent.VideoDeleted(
        videoId,
        channelId,
        ref,
        link == null ? null : uri(link.getAttribute("href")),
        time(emptyToNull(entry.getAttribute("when"))));
  }

  /** Parses with the hardened parser. */
  private static Document read(byte[] xml) {
    DocumentBuilder builder = newBuilder();
    try {
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new IllegalArgumentException(
          "refused: not a well-formed, DTD-free XML document: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("refused: " + e.getMessage(), e);
    }
  }

  static DocumentBuilder newBuilder() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      builder.setErrorHandler(QUIET);
      return builder;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      // Fail closed: never parse with a parser that could not be hardened.
      throw new IllegalStateException("the JDK's XML parser cannot be hardened: " + e, e);
    }
  }

  /** Fails on errors instead of printing them to standard error. */
  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static Element child(Element parent, String ns, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String ns, String name) {
    Element child = child(parent, ns, name);
    return child == null ? null : emptyToNull(child.getTextContent().strip());
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** {@code ID} of {@code yt:video:ID}. */
  private static String videoIdOf(String ref) {
    if (ref == null || !ref.startsWith("yt:video:")) {
      return null;
    }
    String id = ref.substring("yt:video:".length());
    return id.isEmpty() ? null : id;
  }

  /** {@code ID} of {@code https://www.youtube.com/channel/ID}. */
  private static String channelIdOfUri(String uri) {
    if (uri == null) {
      return null;
    }
    int at = uri.lastIndexOf("/channel/");
    if (at < 0) {
      return null;
    }
    String id = uri.substring(at + "/channel/".length());
    return id.matches("[A-Za-z0-9_-]+") ? id : null;
  }

  private static URI uri(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static OffsetDateTime time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
