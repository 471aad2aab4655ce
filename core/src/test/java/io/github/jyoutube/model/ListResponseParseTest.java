package io.github.jyoutube.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jyoutube.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses a body shaped like the real YouTube Data API v3 answer for every list response of the
 * model (and a few single responses), checks typed values, that undeclared properties land in
 * {@code additionalProperties()} at the right level, and that writing back loses nothing.
 *
 * <p>Fixtures are {@code list-responses/<SimpleName>.json} next to this class. Every fixture holds
 * at least one property the top-level record does not declare and one inside the first item, and,
 * where the items have enum-typed properties, at least one value the enum does not know.
 */
class ListResponseParseTest {

  private static final String MODEL_PACKAGE = "io.github.jyoutube.model";

  /** Typed checks per response; the discovery test asserts every list response has one. */
  private static final Map<Class<?>, Consumer<Object>> CHECKS = new LinkedHashMap<>();

  static {
    register(ActivityListResponse.class, ListResponseParseTest::activities);
    register(CaptionListResponse.class, ListResponseParseTest::captions);
    register(ChannelListResponse.class, ListResponseParseTest::channels);
    register(ChannelSectionListResponse.class, ListResponseParseTest::channelSections);
    register(CommentListResponse.class, ListResponseParseTest::comments);
    register(CommentThreadListResponse.class, ListResponseParseTest::commentThreads);
    register(I18nLanguageListResponse.class, ListResponseParseTest::i18nLanguages);
    register(I18nRegionListResponse.class, ListResponseParseTest::i18nRegions);
    register(LiveBroadcastListResponse.class, ListResponseParseTest::liveBroadcasts);
    register(LiveChatMessageListResponse.class, ListResponseParseTest::liveChatMessages);
    register(LiveChatModeratorListResponse.class, ListResponseParseTest::liveChatModerators);
    register(LiveStreamListResponse.class, ListResponseParseTest::liveStreams);
    register(MemberListResponse.class, ListResponseParseTest::members);
    register(MembershipsLevelListResponse.class, ListResponseParseTest::membershipsLevels);
    register(PlaylistImageListResponse.class, ListResponseParseTest::playlistImages);
    register(PlaylistItemListResponse.class, ListResponseParseTest::playlistItems);
    register(PlaylistListResponse.class, ListResponseParseTest::playlists);
    register(SearchListResponse.class, ListResponseParseTest::search);
    register(SubscriptionListResponse.class, ListResponseParseTest::subscriptions);
    register(SuperChatEventListResponse.class, ListResponseParseTest::superChatEvents);
    register(ThirdPartyLinkListResponse.class, ListResponseParseTest::thirdPartyLinks);
    register(
        VideoAbuseReportReasonListResponse.class, ListResponseParseTest::videoAbuseReportReasons);
    register(VideoCategoryListResponse.class, ListResponseParseTest::videoCategories);
    register(VideoListResponse.class, ListResponseParseTest::videos);
    // Single responses that are not named *ListResponse.
    register(VideoGetRatingResponse.class, ListResponseParseTest::videoRatings);
    register(ThumbnailSetResponse.class, ListResponseParseTest::thumbnailSet);
    register(BatchGetStatsResponse.class, ListResponseParseTest::batchStats);
    register(ChannelBannerResource.class, ListResponseParseTest::channelBanner);
  }

  private static <T> void register(Class<T> type, Consumer<T> check) {
    CHECKS.put(type, value -> check.accept(type.cast(value)));
  }

  static Stream<Named<Class<?>>> responses() {
    return CHECKS.keySet().stream().map(type -> Named.of(type.getSimpleName(), type));
  }

  // ---------------------------------------------------------------------------------------------
  // Generic checks, run for every response.
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void parsesToTypedValues(Class<?> type) {
    Object parsed = Json.parse(fixture(type), type);

    assertThat(parsed).isInstanceOf(type);
    CHECKS.get(type).accept(parsed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void roundTripsLosslessly(Class<?> type) {
    String body = fixture(type);

    Object parsed = Json.parse(body, type);

    assertThat(Json.tree(Json.write(parsed))).isEqualTo(Json.tree(body));
    // And a second pass is stable.
    Object again = Json.parse(Json.write(parsed), type);
    assertThat(again).isEqualTo(parsed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void keepsUndeclaredPropertiesAtTopLevelAndInItems(Class<?> type)
      throws ReflectiveOperationException {
    Object parsed = Json.parse(fixture(type), type);

    assertThat(additionalProperties(parsed)).as("top-level additionalProperties").isNotEmpty();
    if (hasComponent(type, "items")) {
      List<?> items = (List<?>) type.getMethod("items").invoke(parsed);
      assertThat(items).isNotEmpty();
      assertThat(nestedUnknowns(items)).as("undeclared properties inside the items").isPositive();
    }
  }

  @Test
  void everyListResponseInTheModelPackageHasAFixtureAndChecks() throws Exception {
    List<String> listResponses = new ArrayList<>();
    for (String name : modelClassNames()) {
      if (name.endsWith("ListResponse")) {
        listResponses.add(name);
      }
    }

    // A sanity floor, so that a broken scan cannot pass vacuously.
    assertThat(listResponses).hasSizeGreaterThanOrEqualTo(24).contains("PlaylistListResponse");
    List<String> covered = CHECKS.keySet().stream().map(Class::getSimpleName).toList();
    assertThat(covered).containsAll(listResponses);
    for (String name : listResponses) {
      Class<?> type = Class.forName(MODEL_PACKAGE + "." + name);
      assertThat(type.isRecord()).as(name).isTrue();
      assertThat(ListResponseParseTest.class.getResource("list-responses/" + name + ".json"))
          .as("fixture for " + name)
          .isNotNull();
    }
  }

  @Test
  void everyFixtureFileBelongsToACheckedResponse() throws Exception {
    URL dir = ListResponseParseTest.class.getResource("list-responses");
    assertThat(dir).isNotNull();
    List<String> files;
    try (Stream<Path> paths = Files.list(Path.of(dir.toURI()))) {
      files = paths.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> expected =
        CHECKS.keySet().stream().map(t -> t.getSimpleName() + ".json").sorted().toList();
    assertThat(files).containsExactlyElementsOf(expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Typed checks, one per response.
  // ---------------------------------------------------------------------------------------------

  private static void activities(ActivityListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#activityListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAIQAA");
    assertThat(r.prevPageToken()).isEqualTo("CAEQAQ");
    assertThat(r.pageInfo().totalResults()).isEqualTo(20);
    assertThat(r.pageInfo().resultsPerPage()).isEqualTo(2);
    assertThat(r.additionalProperties()).containsOnlyKeys("responseVisitorInfo");
    assertThat(r.additionalProperties().get("responseVisitorInfo"))
        .isEqualTo(Map.of("experiments", List.of("ytAct2025")));

    Activity upload = r.items().get(0);
    assertThat(upload.snippet().type()).isSameAs(ActivitySnippet.Type.UPLOAD);
    assertThat(upload.snippet().publishedAt()).isEqualTo(utc(2024, 1, 2, 3, 4, 5));
    assertThat(upload.snippet().title()).isEqualTo("What's new in Chrome 121");
    assertThat(upload.snippet().thumbnails().defaultValue().width()).isEqualTo(120L);
    assertThat(upload.snippet().thumbnails().high().url())
        .isEqualTo("https://i.ytimg.com/vi/aBcDeFgHiJk/hqdefault.jpg");
    assertThat(upload.contentDetails().upload().videoId()).isEqualTo("aBcDeFgHiJk");

    // "like" was dropped from the discovery enum, but the API still sends such activities.
    Activity like = r.items().get(1);
    assertThat(like.snippet().type().isKnown()).isFalse();
    assertThat(like.snippet().type().value()).isEqualTo("like");
    assertThat(like.snippet().type()).isEqualTo(ActivitySnippet.Type.of("like"));
    assertThat(like.contentDetails().upload()).isNull();
    assertThat(like.contentDetails().additionalProperties())
        .containsOnlyKeys("like")
        .containsEntry(
            "like",
            Map.of("resourceId", Map.of("kind", "youtube#video", "videoId", "ZyXwVuTsRqP")));
  }

  private static void captions(CaptionListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#captionListResponse");
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("trackingParams", "CAAQu2kiEwiS"));
    assertThat(r.items()).hasSize(2);

    CaptionSnippet first = r.items().get(0).snippet();
    assertThat(first.videoId()).isEqualTo("M7FIvfx5J10");
    assertThat(first.trackKind()).isSameAs(CaptionSnippet.TrackKind.STANDARD);
    assertThat(first.audioTrackType()).isSameAs(CaptionSnippet.AudioTrackType.UNKNOWN);
    assertThat(first.status()).isSameAs(CaptionSnippet.Status.SERVING);
    assertThat(first.isCC()).isFalse();
    assertThat(first.lastUpdated())
        .isEqualTo(
            DateTime.of(OffsetDateTime.of(2023, 11, 20, 17, 45, 10, 391_000_000, ZoneOffset.UTC)));
    assertThat(first.additionalProperties()).isEmpty();

    CaptionSnippet second = r.items().get(1).snippet();
    assertThat(second.trackKind()).isSameAs(CaptionSnippet.TrackKind.ASR);
    assertThat(second.isAutoSynced()).isTrue();
    assertThat(second.name()).isEmpty();
    assertThat(second.audioTrackType().isKnown()).isFalse();
    assertThat(second.audioTrackType().value()).isEqualTo("dubbed");
    assertThat(second.additionalProperties())
        .containsExactly(
            Map.entry("autoTranslationSource", Map.of("language", "en", "model", "v2")));
  }

  private static void channels(ChannelListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#channelListResponse");
    assertThat(r.pageInfo().totalResults()).isEqualTo(1);
    assertThat(r.nextPageToken()).isNull();
    assertThat(r.additionalProperties()).containsExactly(Map.entry("quotaHint", 1));

    Channel channel = r.items().get(0);
    assertThat(channel.id()).isEqualTo("UC_x5XG1OV2P6uZZ5FSM9Ttw");
    assertThat(channel.snippet().customUrl()).isEqualTo("@googledevelopers");
    assertThat(channel.snippet().publishedAt()).isEqualTo(utc(2007, 8, 23, 0, 34, 43));
    assertThat(channel.snippet().thumbnails().defaultValue().height()).isEqualTo(88L);
    assertThat(channel.snippet().localized().title()).isEqualTo("Google for Developers");
    assertThat(channel.contentDetails().relatedPlaylists().uploads())
        .isEqualTo("UU_x5XG1OV2P6uZZ5FSM9Ttw");
    assertThat(channel.contentDetails().relatedPlaylists().likes()).isEmpty();
    assertThat(channel.contentDetails().relatedPlaylists().favorites()).isNull();

    ChannelStatistics stats = channel.statistics();
    assertThat(stats.viewCount()).isEqualTo(new BigInteger("259512843"));
    assertThat(stats.subscriberCount()).isEqualTo(BigInteger.valueOf(2_410_000));
    assertThat(stats.videoCount()).isEqualTo(BigInteger.valueOf(6347));
    assertThat(stats.hiddenSubscriberCount()).isFalse();
    assertThat(stats.commentCount()).isNull();

    ChannelBrandingSettings branding = channel.brandingSettings();
    assertThat(branding.channel().keywords()).isEqualTo("\"google developers\" android firebase");
    assertThat(branding.channel().unsubscribedTrailer()).isEqualTo("p0JGg1TtH4w");
    assertThat(branding.image().bannerExternalUrl())
        .isEqualTo("https://yt3.googleusercontent.com/banner=w1060");
    assertThat(branding.hints().get(0).property()).isEqualTo("channel.modules.show_comments.bool");

    assertThat(channel.status().privacyStatus()).isSameAs(ChannelStatus.PrivacyStatus.PUBLIC);
    assertThat(channel.status().isLinked()).isTrue();
    assertThat(channel.status().longUploadsStatus().isKnown()).isFalse();
    assertThat(channel.status().longUploadsStatus().value()).isEqualTo("longUploadsPendingReview");
    assertThat(channel.topicDetails().topicCategories())
        .containsExactly("https://en.wikipedia.org/wiki/Technology");
    assertThat(channel.localizations()).containsOnlyKeys("en");
    assertThat(channel.contentOwnerDetails()).isNotNull();
    assertThat(channel.contentOwnerDetails().contentOwner()).isNull();
    assertThat(channel.additionalProperties()).containsExactly(Map.entry("creatorTier", "gold"));
  }

  private static void channelSections(ChannelSectionListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#channelSectionListResponse");
    assertThat(r.etag()).isEqualTo("xq7bYc6u3eQ2vH9xW0-Rt8vEnG4");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("layoutVersion", 2));

    ChannelSection playlist = r.items().get(0);
    assertThat(playlist.snippet().type()).isSameAs(ChannelSectionSnippet.Type.SINGLE_PLAYLIST);
    assertThat(playlist.snippet().position()).isEqualTo(0L);
    assertThat(playlist.snippet().title()).isEqualTo("Android");
    assertThat(playlist.contentDetails().playlists())
        .containsExactly("PLOU2XLYxmsIJGErt5rrCqaSGTMyyqNt2H");

    ChannelSectionSnippet shorts = r.items().get(1).snippet();
    assertThat(shorts.type().isKnown()).isFalse();
    assertThat(shorts.type().value()).isEqualTo("recentShorts");
    assertThat(shorts.style()).isNull();
    assertThat(shorts.additionalProperties()).containsExactly(Map.entry("layout", "grid"));
  }

  private static void comments(CommentListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#commentListResponse");
    assertThat(r.nextPageToken()).isEqualTo("R0FJeVZnbzBZM0Y1");
    assertThat(r.pageInfo().resultsPerPage()).isEqualTo(20);
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("moderationSummary", Map.of("heldForReview", 0)));

    CommentSnippet first = r.items().get(0).snippet();
    assertThat(first.textDisplay()).isEqualTo("Great talk <b>thanks</b>!");
    assertThat(first.authorChannelId().value()).isEqualTo("UCb8mVbP2rL4w1yQ3KdK0_Jw");
    assertThat(first.viewerRating()).isSameAs(CommentSnippet.ViewerRating.NONE);
    assertThat(first.moderationStatus()).isSameAs(CommentSnippet.ModerationStatus.PUBLISHED);
    assertThat(first.likeCount()).isEqualTo(12L);
    assertThat(first.updatedAt()).isEqualTo(utc(2024, 2, 3, 10, 15, 0));
    assertThat(first.additionalProperties()).containsExactly(Map.entry("pinned", false));

    CommentSnippet second = r.items().get(1).snippet();
    assertThat(second.moderationStatus()).isSameAs(CommentSnippet.ModerationStatus.LIKELY_SPAM);
    assertThat(second.viewerRating().isKnown()).isFalse();
    assertThat(second.viewerRating().value()).isEqualTo("neutral");
  }

  private static void commentThreads(CommentThreadListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#commentThreadListResponse");
    assertThat(r.nextPageToken()).startsWith("Z2V0X25ld2VzdF9maXJzdC0t");
    assertThat(r.pageInfo().totalResults()).isEqualTo(2);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("sortOrder", "time"));

    CommentThread thread = r.items().get(0);
    assertThat(thread.snippet().totalReplyCount()).isEqualTo(2L);
    assertThat(thread.snippet().canReply()).isTrue();
    assertThat(thread.snippet().additionalProperties())
        .containsExactly(Map.entry("isPinnedByCreator", true));
    CommentSnippet top = thread.snippet().topLevelComment().snippet();
    assertThat(top.textDisplay())
        .isEqualTo(
            "First! <a href=\"https://www.youtube.com/watch?v=M7FIvfx5J10&amp;t=83\">1:23</a>");
    assertThat(top.viewerRating()).isSameAs(CommentSnippet.ViewerRating.LIKE);
    assertThat(top.likeCount()).isEqualTo(340L);
    assertThat(top.moderationStatus()).isNull();

    Comment reply = thread.replies().comments().get(0);
    assertThat(reply.snippet().parentId()).isEqualTo(thread.id());
    assertThat(reply.snippet().viewerRating().isKnown()).isFalse();
    assertThat(reply.snippet().viewerRating().value()).isEqualTo("dislikeAndReport");
  }

  private static void i18nLanguages(I18nLanguageListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#i18nLanguageListResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("hl", "en_US"));
    assertThat(r.items()).extracting(I18nLanguage::id).containsExactly("af", "zh-Hant");
    assertThat(r.items().get(0).snippet().name()).isEqualTo("Afrikaans");
    I18nLanguageSnippet chinese = r.items().get(1).snippet();
    assertThat(chinese.hl()).isEqualTo("zh-Hant");
    assertThat(chinese.additionalProperties()).containsExactly(Map.entry("nativeName", "中文（繁體）"));
  }

  private static void i18nRegions(I18nRegionListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#i18nRegionListResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("hl", "de_DE"));
    assertThat(r.items().get(0).snippet().gl()).isEqualTo("DE");
    assertThat(r.items().get(0).snippet().name()).isEqualTo("Deutschland");
    I18nRegionSnippet ivoryCoast = r.items().get(1).snippet();
    assertThat(ivoryCoast.name()).isEqualTo("Côte d’Ivoire");
    assertThat(ivoryCoast.additionalProperties()).containsExactly(Map.entry("flagEmoji", "🇨🇮"));
  }

  private static void liveBroadcasts(LiveBroadcastListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#liveBroadcastListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAEQAA");
    assertThat(r.pageInfo().totalResults()).isEqualTo(3);
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("servedBy", "liveBroadcasts-frontend"));

    LiveBroadcast broadcast = r.items().get(0);
    assertThat(broadcast.snippet().scheduledStartTime()).isEqualTo(utc(2024, 3, 1, 18, 0, 0));
    assertThat(broadcast.snippet().actualStartTime()).isEqualTo(utc(2024, 3, 1, 18, 2, 31));
    assertThat(broadcast.snippet().liveChatId()).startsWith("KicKGFVDYjht");
    assertThat(broadcast.snippet().thumbnails().maxres().width()).isEqualTo(1280L);
    assertThat(broadcast.status().lifeCycleStatus())
        .isSameAs(LiveBroadcastStatus.LifeCycleStatus.LIVE);
    assertThat(broadcast.status().recordingStatus())
        .isSameAs(LiveBroadcastStatus.RecordingStatus.RECORDING);
    assertThat(broadcast.status().privacyStatus())
        .isSameAs(LiveBroadcastStatus.PrivacyStatus.PUBLIC);

    LiveBroadcastContentDetails details = broadcast.contentDetails();
    assertThat(details.boundStreamLastUpdateTimeMs()).isEqualTo(utc(2024, 3, 1, 18, 1, 59));
    assertThat(details.monitorStream().broadcastStreamDelayMs()).isEqualTo(0L);
    assertThat(details.monitorStream().embedHtml()).startsWith("<iframe width=\"425\"");
    assertThat(details.closedCaptionsType())
        .isSameAs(LiveBroadcastContentDetails.ClosedCaptionsType.CLOSED_CAPTIONS_DISABLED);
    assertThat(details.latencyPreference())
        .isSameAs(LiveBroadcastContentDetails.LatencyPreference.NORMAL);
    assertThat(details.projection()).isSameAs(LiveBroadcastContentDetails.Projection.RECTANGULAR);
    assertThat(details.stereoLayout().isKnown()).isFalse();
    assertThat(details.stereoLayout().value()).isEqualTo("sideBySide");

    assertThat(broadcast.statistics().concurrentViewers()).isEqualTo(BigInteger.valueOf(152));
    LiveBroadcastMonetizationDetails money = broadcast.monetizationDetails();
    assertThat(money.cuepointSchedule().scheduleStrategy())
        .isSameAs(CuepointSchedule.ScheduleStrategy.CONCURRENT);
    assertThat(money.cuepointSchedule().repeatIntervalSecs()).isEqualTo(600);
    assertThat(money.additionalProperties()).containsExactly(Map.entry("midrollFrequency", "auto"));
  }

  private static void liveChatMessages(LiveChatMessageListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#liveChatMessageListResponse");
    assertThat(r.pollingIntervalMillis()).isEqualTo(5086L);
    assertThat(r.nextPageToken()).isEqualTo("GOrs0ti6i4QDILLRqeK9i4QD");
    assertThat(r.offlineAt()).isEqualTo(utc(2024, 3, 1, 20, 0, 0));
    assertThat(r.pageInfo().totalResults()).isEqualTo(3);
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("chatMode", Map.of("slowModeSeconds", 30)));

    LiveChatMessage poll = r.activePollItem();
    assertThat(poll.snippet().type()).isSameAs(LiveChatMessageSnippet.Type.POLL_EVENT);
    assertThat(poll.snippet().pollDetails().status()).isSameAs(LiveChatPollDetails.Status.ACTIVE);
    assertThat(poll.snippet().pollDetails().metadata().questionText()).isEqualTo("Tabs or spaces?");
    assertThat(poll.snippet().pollDetails().metadata().options())
        .extracting(LiveChatPollDetailsPollMetadataPollOption::tally)
        .containsExactly(12L, 31L);
    assertThat(poll.authorDetails().isChatOwner()).isTrue();

    LiveChatMessage text = r.items().get(0);
    assertThat(text.snippet().type()).isSameAs(LiveChatMessageSnippet.Type.TEXT_MESSAGE_EVENT);
    assertThat(text.snippet().textMessageDetails().messageText())
        .isEqualTo("hello from Berlin :wave:");
    assertThat(text.snippet().publishedAt())
        .isEqualTo(
            DateTime.of(OffsetDateTime.of(2024, 3, 1, 18, 31, 7, 527_000_000, ZoneOffset.UTC)));
    assertThat(text.snippet().hasDisplayContent()).isTrue();
    assertThat(text.authorDetails().displayName()).isEqualTo("Bob");
    assertThat(text.authorDetails().isChatSponsor()).isTrue();
    assertThat(text.authorDetails().additionalProperties())
        .containsExactly(Map.entry("badgeUrl", "https://yt3.ggpht.com/badge=s32"));

    LiveChatMessage superChat = r.items().get(1);
    assertThat(superChat.snippet().type()).isSameAs(LiveChatMessageSnippet.Type.SUPER_CHAT_EVENT);
    assertThat(superChat.snippet().superChatDetails().amountMicros())
        .isEqualTo(BigInteger.valueOf(5_000_000));
    assertThat(superChat.snippet().superChatDetails().tier()).isEqualTo(2L);
    assertThat(superChat.authorDetails().isVerified()).isTrue();

    LiveChatMessageSnippet modeChange = r.items().get(2).snippet();
    assertThat(modeChange.type().isKnown()).isFalse();
    assertThat(modeChange.type().value()).isEqualTo("chatModeChangedEvent");
    assertThat(modeChange.additionalProperties())
        .containsExactly(
            Map.entry(
                "chatModeChangedDetails", Map.of("slowModeSeconds", 30, "subscribersOnly", false)));
  }

  private static void liveChatModerators(LiveChatModeratorListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#liveChatModeratorListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAoQAA");
    assertThat(r.prevPageToken()).isEqualTo("CAUQAQ");
    assertThat(r.pageInfo().totalResults()).isEqualTo(11);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("moderatorLimit", 50));

    LiveChatModeratorSnippet snippet = r.items().get(0).snippet();
    assertThat(snippet.liveChatId()).startsWith("KicKGFVDYjht");
    assertThat(snippet.moderatorDetails().displayName()).isEqualTo("Carol");
    assertThat(snippet.moderatorDetails().channelId()).isEqualTo("UCz9xY8wV7uT6sR5qP4oN3mL");
    assertThat(snippet.moderatorDetails().additionalProperties())
        .containsExactly(Map.entry("handle", "@carol"));
    assertThat(snippet.additionalProperties())
        .containsExactly(Map.entry("addedAt", "2024-03-01T18:40:00Z"));
  }

  private static void liveStreams(LiveStreamListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#liveStreamListResponse");
    assertThat(r.pageInfo().resultsPerPage()).isEqualTo(5);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("ingestRegion", "eu-west"));

    LiveStream stream = r.items().get(0);
    assertThat(stream.snippet().isDefaultStream()).isFalse();
    assertThat(stream.snippet().publishedAt()).isEqualTo(utc(2024, 3, 1, 12, 0, 0));
    assertThat(stream.cdn().ingestionType()).isSameAs(CdnSettings.IngestionType.RTMP);
    assertThat(stream.cdn().frameRate()).isSameAs(CdnSettings.FrameRate.VARIABLE);
    assertThat(stream.cdn().resolution().isKnown()).isFalse();
    assertThat(stream.cdn().resolution().value()).isEqualTo("4320p");
    assertThat(stream.cdn().ingestionInfo().streamName()).isEqualTo("abcd-efgh-ijkl-mnop-qrst");
    assertThat(stream.cdn().ingestionInfo().rtmpsIngestionAddress())
        .isEqualTo("rtmps://a.rtmps.youtube.com/live2");
    assertThat(stream.status().streamStatus()).isSameAs(LiveStreamStatus.StreamStatus.ACTIVE);
    LiveStreamHealthStatus health = stream.status().healthStatus();
    assertThat(health.status()).isSameAs(LiveStreamHealthStatus.Status.GOOD);
    assertThat(health.lastUpdateTimeSeconds()).isEqualTo(BigInteger.valueOf(1_709_316_151L));
    assertThat(health.configurationIssues().get(0).type())
        .isSameAs(LiveStreamConfigurationIssue.Type.AUDIO_BITRATE_LOW);
    assertThat(health.configurationIssues().get(0).severity())
        .isSameAs(LiveStreamConfigurationIssue.Severity.INFO);
    assertThat(stream.contentDetails().isReusable()).isTrue();
    assertThat(stream.contentDetails().additionalProperties())
        .containsExactly(Map.entry("streamLatencyMs", 2400));
  }

  private static void members(MemberListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#memberListResponse");
    assertThat(r.nextPageToken()).isEqualTo("Cg0Ijb_F2ZmtgwMQARgB");
    assertThat(r.pageInfo().totalResults()).isEqualTo(87);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("membersSince", "2019-06-01"));

    MemberSnippet snippet = r.items().get(0).snippet();
    assertThat(snippet.creatorChannelId()).isEqualTo("UCb8mVbP2rL4w1yQ3KdK0_Jw");
    assertThat(snippet.memberDetails().displayName()).isEqualTo("Bob");
    MembershipsDetails details = snippet.membershipsDetails();
    assertThat(details.highestAccessibleLevelDisplayName()).isEqualTo("Gold");
    assertThat(details.accessibleLevels()).hasSize(2);
    assertThat(details.membershipsDuration().memberTotalDurationMonths()).isEqualTo(10);
    // memberSince is a plain string in the discovery document, not a date-time.
    assertThat(details.membershipsDuration().memberSince()).isEqualTo("2023-05-01T00:00:00Z");
    assertThat(details.membershipsDurationAtLevels())
        .extracting(MembershipsDurationAtLevel::memberTotalDurationMonths)
        .containsExactly(10, 3);
    assertThat(details.additionalProperties()).containsOnlyKeys("giftedBy");
    assertThat(details.additionalProperties().get("giftedBy")).isNull();
  }

  private static void membershipsLevels(MembershipsLevelListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#membershipsLevelListResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("currency", "USD"));
    assertThat(r.items())
        .extracting(MembershipsLevel::id)
        .containsExactly("Z2VlbnJlLWxldmVsLTE", "Z2VlbnJlLWxldmVsLTI");
    LevelDetails silver = r.items().get(0).snippet().levelDetails();
    assertThat(silver.displayName()).isEqualTo("Silver");
    assertThat(silver.additionalProperties())
        .containsExactly(Map.entry("priceDisplayString", "$1.99"));
    assertThat(r.items().get(1).snippet().levelDetails().displayName()).isEqualTo("Gold");
  }

  private static void playlistImages(PlaylistImageListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#playlistImageListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAEQAA");
    assertThat(r.prevPageToken()).isEqualTo("CAAQAQ");
    assertThat(r.pageInfo().totalResults()).isEqualTo(2);
    // This schema declares no etag, although the API sends one.
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("etag", "bV5cX8zA1sD4fG7hJ0kL3qW6eRt"));

    PlaylistImage hero = r.items().get(0);
    assertThat(hero.snippet().type()).isSameAs(PlaylistImageSnippet.Type.HERO);
    assertThat(hero.snippet().width()).isEqualTo(2048);
    assertThat(hero.snippet().height()).isEqualTo(1152);
    assertThat(hero.additionalProperties())
        .containsExactly(Map.entry("etag", "cW6vB9nM2lK5jH8gF1dS4aP7oIu"));
    PlaylistImageSnippet square = r.items().get(1).snippet();
    assertThat(square.type().isKnown()).isFalse();
    assertThat(square.type().value()).isEqualTo("square");
  }

  private static void playlistItems(PlaylistItemListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#playlistItemListResponse");
    assertThat(r.nextPageToken()).isEqualTo("EAAaBlBUOkNBVQ");
    assertThat(r.prevPageToken()).isEqualTo("EAEaBlBUOkNBQQ");
    assertThat(r.pageInfo().totalResults()).isEqualTo(7);
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("playlistEtag", "UOj0sBpoZJ8qz6ZPmX3yYmrCrhw"));

    PlaylistItem first = r.items().get(0);
    assertThat(first.snippet().position()).isEqualTo(0L);
    assertThat(first.snippet().resourceId().kind()).isEqualTo("youtube#video");
    assertThat(first.snippet().resourceId().videoId()).isEqualTo("kqtD5dpn9C8");
    assertThat(first.snippet().videoOwnerChannelTitle()).isEqualTo("Programming with Mosh");
    assertThat(first.snippet().thumbnails().standard().width()).isEqualTo(640L);
    assertThat(first.contentDetails().videoPublishedAt()).isEqualTo(utc(2020, 9, 17, 13, 0, 12));
    assertThat(first.contentDetails().note()).isEqualTo("watch first");
    assertThat(first.status().privacyStatus()).isSameAs(PlaylistItemStatus.PrivacyStatus.PUBLIC);

    PlaylistItem second = r.items().get(1);
    assertThat(second.snippet().thumbnails().defaultValue()).isNull();
    assertThat(second.contentDetails().startAt()).isEqualTo("PT1M");
    assertThat(second.status().privacyStatus().isKnown()).isFalse();
    assertThat(second.status().privacyStatus().value()).isEqualTo("privacyStatusUnspecified");
    assertThat(second.additionalProperties())
        .containsExactly(Map.entry("addedBy", Map.of("channelId", "UCa-vrCLQHviTOVnEKDOdetQ")));
  }

  private static void playlists(PlaylistListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#playlistListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAIQAA");
    assertThat(r.pageInfo().totalResults()).isEqualTo(12);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("collaborative", false));

    Playlist first = r.items().get(0);
    assertThat(first.snippet().title()).isEqualTo("Python tutorials");
    assertThat(first.snippet().publishedAt()).isEqualTo(utc(2019, 2, 18, 9, 14, 25));
    assertThat(first.snippet().thumbnails().defaultValue().url())
        .isEqualTo("https://i.ytimg.com/vi/kqtD5dpn9C8/default.jpg");
    assertThat(first.status().privacyStatus()).isSameAs(PlaylistStatus.PrivacyStatus.PUBLIC);
    assertThat(first.status().podcastStatus()).isSameAs(PlaylistStatus.PodcastStatus.ENABLED);
    assertThat(first.contentDetails().itemCount()).isEqualTo(7L);
    assertThat(first.player().embedHtml()).startsWith("<iframe width=\"640\"");
    assertThat(first.localizations()).containsOnlyKeys("en", "fr");
    assertThat(first.localizations().get("fr").title()).isEqualTo("Tutoriels Python");

    Playlist second = r.items().get(1);
    assertThat(second.status().privacyStatus()).isSameAs(PlaylistStatus.PrivacyStatus.PRIVATE);
    assertThat(second.status().podcastStatus().isKnown()).isFalse();
    assertThat(second.status().podcastStatus().value()).isEqualTo("pendingReview");
    assertThat(second.contentDetails().additionalProperties())
        .containsExactly(Map.entry("totalDuration", "PT41M7S"));
  }

  private static void search(SearchListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#searchListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAUQAA");
    assertThat(r.regionCode()).isEqualTo("DE");
    assertThat(r.pageInfo().totalResults()).isEqualTo(1_000_000);
    assertThat(r.additionalProperties()).containsOnlyKeys("queryCorrection");

    SearchResult video = r.items().get(0);
    assertThat(video.id().kind()).isEqualTo("youtube#video");
    assertThat(video.id().videoId()).isEqualTo("M7FIvfx5J10");
    assertThat(video.id().channelId()).isNull();
    assertThat(video.snippet().title()).isEqualTo("Java 21 records &amp; pattern matching");
    assertThat(video.snippet().liveBroadcastContent())
        .isSameAs(SearchResultSnippet.LiveBroadcastContent.NONE);
    assertThat(video.snippet().publishedAt()).isEqualTo(utc(2023, 9, 19, 16, 0, 10));
    // publishTime is sent by search.list but missing from the discovery document.
    assertThat(video.snippet().additionalProperties())
        .containsExactly(Map.entry("publishTime", "2023-09-19T16:00:10Z"));

    SearchResult channel = r.items().get(1);
    assertThat(channel.id().kind()).isEqualTo("youtube#channel");
    assertThat(channel.id().channelId()).isEqualTo("UCmRtPmgnQ04CMUpSUqPfhxQ");
    assertThat(channel.snippet().thumbnails().defaultValue().width()).isNull();
    assertThat(channel.snippet().liveBroadcastContent().isKnown()).isFalse();
    assertThat(channel.snippet().liveBroadcastContent().value()).isEqualTo("premiere");
  }

  private static void subscriptions(SubscriptionListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#subscriptionListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAUQAA");
    assertThat(r.pageInfo().totalResults()).isEqualTo(148);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("sortOrder", "relevance"));

    Subscription first = r.items().get(0);
    assertThat(first.snippet().title()).isEqualTo("Google for Developers");
    assertThat(first.snippet().publishedAt())
        .isEqualTo(
            DateTime.of(OffsetDateTime.of(2021, 4, 7, 8, 15, 3, 163_000_000, ZoneOffset.UTC)));
    assertThat(first.snippet().resourceId().channelId()).isEqualTo("UC_x5XG1OV2P6uZZ5FSM9Ttw");
    assertThat(first.contentDetails().totalItemCount()).isEqualTo(6347L);
    assertThat(first.contentDetails().activityType())
        .isSameAs(SubscriptionContentDetails.ActivityType.ALL);
    assertThat(first.subscriberSnippet().title()).isEqualTo("Jane Codes");
    assertThat(first.additionalProperties())
        .containsExactly(Map.entry("notificationLevel", "personalized"));

    SubscriptionContentDetails second = r.items().get(1).contentDetails();
    assertThat(second.newItemCount()).isEqualTo(0L);
    assertThat(second.activityType().isKnown()).isFalse();
    assertThat(second.activityType().value()).isEqualTo("shorts");
  }

  private static void superChatEvents(SuperChatEventListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#superChatEventListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAIQAA");
    assertThat(r.pageInfo().totalResults()).isEqualTo(42);
    assertThat(r.additionalProperties())
        .containsExactly(
            Map.entry(
                "currencyTotals", List.of(Map.of("currency", "USD", "amountMicros", "105000000"))));

    SuperChatEventSnippet chat = r.items().get(0).snippet();
    assertThat(chat.amountMicros()).isEqualTo(BigInteger.valueOf(5_000_000));
    assertThat(chat.currency()).isEqualTo("USD");
    assertThat(chat.displayString()).isEqualTo("$5.00");
    assertThat(chat.messageType()).isEqualTo(2L);
    assertThat(chat.createdAt()).isEqualTo(utc(2024, 3, 1, 18, 32, 0));
    assertThat(chat.supporterDetails().displayName()).isEqualTo("Carol");
    assertThat(chat.isSuperStickerEvent()).isFalse();

    SuperChatEventSnippet sticker = r.items().get(1).snippet();
    assertThat(sticker.amountMicros()).isEqualTo(new BigInteger("100000000"));
    assertThat(sticker.superStickerMetadata().altText()).isEqualTo("Dancing cat");
    assertThat(sticker.commentText()).isNull();
    assertThat(sticker.additionalProperties()).containsExactly(Map.entry("stickerAnimated", true));
  }

  private static void thirdPartyLinks(ThirdPartyLinkListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#thirdPartyLinkListResponse");
    // This schema declares no pageInfo.
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("pageInfo", Map.of("totalResults", 2, "resultsPerPage", 2)));

    ThirdPartyLink store = r.items().get(0);
    assertThat(store.linkingToken()).isEqualTo("eyJzdG9yZSI6InNob3AuZXhhbXBsZSJ9");
    assertThat(store.snippet().type()).isSameAs(ThirdPartyLinkSnippet.Type.CHANNEL_TO_STORE_LINK);
    ChannelToStoreLinkDetails details = store.snippet().channelToStoreLink();
    assertThat(details.storeName()).isEqualTo("Jane's Merch");
    assertThat(details.merchantId()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(details.billingDetails().billingStatus())
        .isSameAs(ChannelToStoreLinkDetailsBillingDetails.BillingStatus.BILLING_STATUS_ACTIVE);
    assertThat(details.merchantAffiliateProgramDetails().status())
        .isSameAs(
            ChannelToStoreLinkDetailsMerchantAffiliateProgramDetails.Status
                .MERCHANT_AFFILIATE_PROGRAM_STATUS_ELIGIBLE);
    assertThat(store.status().linkStatus()).isSameAs(ThirdPartyLinkStatus.LinkStatus.LINKED);

    ThirdPartyLink affiliate = r.items().get(1);
    assertThat(affiliate.snippet().type())
        .isSameAs(ThirdPartyLinkSnippet.Type.CHANNEL_TO_AFFILIATE_PROGRAM_LINK);
    ChannelToAffiliateProgramLinkDetails program =
        affiliate.snippet().channelToAffiliateProgramLink();
    assertThat(program.merchantId()).isEqualTo(BigInteger.valueOf(1_234_567_890L));
    assertThat(program.programStatus())
        .isSameAs(ChannelToAffiliateProgramLinkDetails.ProgramStatus.ACTIVE);
    assertThat(program.statusUpdateTime()).isEqualTo(utc(2024, 2, 29, 23, 59, 59));
    assertThat(program.additionalProperties()).containsExactly(Map.entry("commissionRate", 0.1));
    assertThat(affiliate.status().linkStatus().isKnown()).isFalse();
    assertThat(affiliate.status().linkStatus().value()).isEqualTo("revoked");
  }

  private static void videoAbuseReportReasons(VideoAbuseReportReasonListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#videoAbuseReportReasonListResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("hl", "en_US"));
    VideoAbuseReportReason sexual = r.items().get(0);
    assertThat(sexual.id()).isEqualTo("S");
    assertThat(sexual.snippet().label()).isEqualTo("Sexual content");
    assertThat(sexual.snippet().secondaryReasons())
        .extracting(VideoAbuseReportSecondaryReason::id)
        .containsExactly("32", "33");
    assertThat(sexual.snippet().secondaryReasons().get(1).additionalProperties())
        .containsExactly(Map.entry("requiresTimestamp", true));
    assertThat(r.items().get(1).snippet().secondaryReasons().get(0).label())
        .isEqualTo("Animal abuse");
  }

  private static void videoCategories(VideoCategoryListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#videoCategoryListResponse");
    assertThat(r.pageInfo()).isNull();
    assertThat(r.additionalProperties()).containsExactly(Map.entry("regionCode", "US"));
    VideoCategory film = r.items().get(0);
    assertThat(film.id()).isEqualTo("1");
    assertThat(film.snippet().title()).isEqualTo("Film & Animation");
    assertThat(film.snippet().assignable()).isTrue();
    VideoCategory shorts = r.items().get(1);
    assertThat(shorts.snippet().assignable()).isFalse();
    assertThat(shorts.snippet().additionalProperties())
        .containsExactly(Map.entry("shortsEligible", false));
  }

  private static void videos(VideoListResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#videoListResponse");
    assertThat(r.nextPageToken()).isEqualTo("CAEQAA");
    assertThat(r.prevPageToken()).isEqualTo("CAAQAQ");
    assertThat(r.pageInfo().totalResults()).isEqualTo(200);
    assertThat(r.additionalProperties()).containsExactly(Map.entry("regionCode", "US"));

    Video video = r.items().get(0);
    assertThat(video.id()).isEqualTo("dQw4w9WgXcQ");
    VideoSnippet snippet = video.snippet();
    assertThat(snippet.title()).startsWith("Rick Astley - Never Gonna Give You Up");
    assertThat(snippet.description()).contains("“Never Gonna Give You Up”").contains("\n\n#");
    assertThat(snippet.publishedAt()).isEqualTo(utc(2009, 10, 25, 6, 57, 33));
    assertThat(snippet.thumbnails().defaultValue().url())
        .isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg");
    assertThat(snippet.thumbnails().maxres().height()).isEqualTo(720L);
    assertThat(snippet.tags()).hasSize(4).contains("rickroll");
    assertThat(snippet.categoryId()).isEqualTo("10");
    assertThat(snippet.liveBroadcastContent()).isSameAs(VideoSnippet.LiveBroadcastContent.NONE);
    assertThat(snippet.defaultAudioLanguage()).isEqualTo("en");
    assertThat(snippet.additionalProperties())
        .containsExactly(Map.entry("hashtags", List.of("#RickAstley", "#NeverGonnaGiveYouUp")));

    VideoContentDetails details = video.contentDetails();
    assertThat(details.duration()).isEqualTo("PT3M33S");
    assertThat(details.definition()).isSameAs(VideoContentDetails.Definition.HD);
    assertThat(details.caption()).isSameAs(VideoContentDetails.Caption.FALSE);
    assertThat(details.licensedContent()).isTrue();
    assertThat(details.contentRating()).isNotNull();
    assertThat(details.contentRating().ytRating()).isNull();
    assertThat(details.regionRestriction().blocked()).containsExactly("CU", "KP");
    assertThat(details.projection().isKnown()).isFalse();
    assertThat(details.projection().value()).isEqualTo("vr180");

    assertThat(video.status().uploadStatus()).isSameAs(VideoStatus.UploadStatus.PROCESSED);
    assertThat(video.status().privacyStatus()).isSameAs(VideoStatus.PrivacyStatus.PUBLIC);
    assertThat(video.status().license()).isSameAs(VideoStatus.License.YOUTUBE);
    assertThat(video.status().containsSyntheticMedia()).isFalse();
    assertThat(video.statistics().viewCount()).isEqualTo(new BigInteger("1574219612"));
    assertThat(video.statistics().favoriteCount()).isEqualTo(BigInteger.ZERO);
    assertThat(video.statistics().dislikeCount()).isNull();
    assertThat(video.player().embedHtml()).startsWith("<iframe width=\"480\"");
    assertThat(video.topicDetails().topicCategories()).hasSize(2);
    assertThat(video.recordingDetails().recordingDate()).isNull();
    assertThat(video.paidProductPlacementDetails().hasPaidProductPlacement()).isFalse();
    assertThat(video.additionalProperties())
        .containsExactly(Map.entry("shortsDetails", Map.of("isShort", false, "remixable", true)));

    Video live = r.items().get(1);
    assertThat(live.snippet().liveBroadcastContent())
        .isSameAs(VideoSnippet.LiveBroadcastContent.LIVE);
    assertThat(live.contentDetails().duration()).isEqualTo("P0D");
    assertThat(live.contentDetails().caption()).isSameAs(VideoContentDetails.Caption.TRUE);
    assertThat(live.contentDetails().definition()).isSameAs(VideoContentDetails.Definition.SD);
    assertThat(live.contentDetails().contentRating().ytRating())
        .isSameAs(ContentRating.YtRating.YT_AGE_RESTRICTED);
    assertThat(live.status().privacyStatus()).isSameAs(VideoStatus.PrivacyStatus.UNLISTED);
    assertThat(live.status().license()).isSameAs(VideoStatus.License.CREATIVE_COMMON);
    // One more than Long.MAX_VALUE * 2 + 1: only BigInteger holds it.
    assertThat(live.statistics().viewCount())
        .isEqualTo(BigInteger.ONE.shiftLeft(64))
        .isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
    assertThat(live.statistics().commentCount()).isNull();
    assertThat(live.liveStreamingDetails().concurrentViewers()).isEqualTo(BigInteger.valueOf(152));
    assertThat(live.liveStreamingDetails().actualStartTime()).isEqualTo(utc(2024, 3, 1, 18, 2, 31));
    assertThat(live.liveStreamingDetails().actualEndTime()).isNull();
  }

  private static void videoRatings(VideoGetRatingResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#videoGetRatingResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("requestId", "3f2a9c"));
    assertThat(r.items().get(0).videoId()).isEqualTo("dQw4w9WgXcQ");
    assertThat(r.items().get(0).rating()).isSameAs(VideoRating.Rating.LIKE);
    VideoRating unknown = r.items().get(1);
    assertThat(unknown.rating().isKnown()).isFalse();
    assertThat(unknown.rating().value()).isEqualTo("unspecified");
    assertThat(unknown.additionalProperties())
        .containsExactly(Map.entry("ratedAt", "2024-03-01T18:00:00Z"));
  }

  private static void thumbnailSet(ThumbnailSetResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#thumbnailSetResponse");
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("processingStatus", "succeeded"));
    ThumbnailDetails thumbnails = r.items().get(0);
    assertThat(thumbnails.defaultValue().url()).contains("/default.jpg?sqp=");
    assertThat(thumbnails.maxres().width()).isEqualTo(1280L);
    assertThat(thumbnails.standard().height()).isEqualTo(480L);
    assertThat(thumbnails.additionalProperties()).containsOnlyKeys("oar");
  }

  private static void batchStats(BatchGetStatsResponse r) {
    assertThat(r.kind()).isEqualTo("youtube#batchGetStatsResponse");
    assertThat(r.additionalProperties()).containsExactly(Map.entry("nextPageToken", "CAEQAA"));
    VideoStat stat = r.items().get(0);
    assertThat(stat.id()).isEqualTo("dQw4w9WgXcQ");
    assertThat(stat.snippet().publishTime()).isEqualTo(utc(2009, 10, 25, 6, 57, 33));
    assertThat(stat.contentDetails().duration()).isEqualTo("PT3M33S");
    assertThat(stat.statistics().viewCount()).isEqualTo(1_574_219_612L);
    assertThat(stat.statistics().additionalProperties())
        .containsExactly(Map.entry("shareCount", "99000"));
  }

  private static void channelBanner(ChannelBannerResource r) {
    assertThat(r.kind()).isEqualTo("youtube#channelBannerResource");
    assertThat(r.url()).isEqualTo("https://yt3.googleusercontent.com/AIdro_banner_upload_id");
    assertThat(r.additionalProperties())
        .containsExactly(Map.entry("expiresAt", "2024-03-02T00:00:00Z"));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers.
  // ---------------------------------------------------------------------------------------------

  private static DateTime utc(int year, int month, int day, int hour, int minute, int second) {
    return DateTime.of(
        OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC));
  }

  private static String fixture(Class<?> type) {
    String name = "list-responses/" + type.getSimpleName() + ".json";
    try (InputStream in = ListResponseParseTest.class.getResourceAsStream(name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasComponent(Class<?> type, String name) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additionalProperties(Object record) {
    try {
      return (Map<String, Object>)
          record.getClass().getMethod("additionalProperties").invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(record.getClass() + " has no additionalProperties()", e);
    }
  }

  /** Counts undeclared properties anywhere inside {@code value}, a record of the model. */
  private static int nestedUnknowns(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().mapToInt(ListResponseParseTest::nestedUnknowns).sum();
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().mapToInt(ListResponseParseTest::nestedUnknowns).sum();
    }
    if (value == null || !value.getClass().isRecord() || value instanceof DateTime) {
      return 0;
    }
    int count = additionalProperties(value).size();
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      if (!component.getName().equals("additionalProperties")) {
        try {
          count += nestedUnknowns(component.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    return count;
  }

  /** Simple names of the top-level classes of the model package, from the test classpath. */
  private static List<String> modelClassNames() throws IOException, URISyntaxException {
    String dir = MODEL_PACKAGE.replace('.', '/');
    URL location = PlaylistListResponse.class.getProtectionDomain().getCodeSource().getLocation();
    TreeSet<String> names = new TreeSet<>();
    Path root = Path.of(location.toURI());
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.list(root.resolve(dir))) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$"))
            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String n = e.nextElement().getName();
          if (n.startsWith(dir + "/")
              && n.endsWith(".class")
              && n.indexOf('/', dir.length() + 1) < 0
              && !n.contains("$")) {
            names.add(n.substring(dir.length() + 1, n.length() - ".class".length()));
          }
        }
      }
    }
    return new ArrayList<>(names);
  }
}
