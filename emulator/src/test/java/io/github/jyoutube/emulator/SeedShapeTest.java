package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.Json;
import io.github.jyoutube.model.Caption;
import io.github.jyoutube.model.Channel;
import io.github.jyoutube.model.ChannelSection;
import io.github.jyoutube.model.Comment;
import io.github.jyoutube.model.CommentThread;
import io.github.jyoutube.model.I18nLanguage;
import io.github.jyoutube.model.I18nRegion;
import io.github.jyoutube.model.LiveBroadcast;
import io.github.jyoutube.model.LiveChatMessage;
import io.github.jyoutube.model.LiveChatModerator;
import io.github.jyoutube.model.LiveStream;
import io.github.jyoutube.model.Member;
import io.github.jyoutube.model.MembershipsLevel;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistItem;
import io.github.jyoutube.model.Subscription;
import io.github.jyoutube.model.SuperChatEvent;
import io.github.jyoutube.model.Video;
import io.github.jyoutube.model.VideoAbuseReportReason;
import io.github.jyoutube.model.VideoCategory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every seeded resource reads as the client's model and writes back the same JSON. */
class SeedShapeTest {

  @Test
  void everySeededResourceRoundTripsThroughTheClientsModels() {
    Store store = Store.inMemory();
    Seed.into(store);
    Map<String, Class<?>> models = new LinkedHashMap<>();
    models.put(Kinds.CAPTION, Caption.class);
    models.put(Kinds.CHANNEL, Channel.class);
    models.put(Kinds.CHANNEL_SECTION, ChannelSection.class);
    models.put(Kinds.COMMENT, Comment.class);
    models.put(Kinds.COMMENT_THREAD, CommentThread.class);
    models.put(Kinds.I18N_LANGUAGE, I18nLanguage.class);
    models.put(Kinds.I18N_REGION, I18nRegion.class);
    models.put(Kinds.LIVE_BROADCAST, LiveBroadcast.class);
    models.put(Kinds.LIVE_CHAT_MESSAGE, LiveChatMessage.class);
    models.put(Kinds.LIVE_CHAT_MODERATOR, LiveChatModerator.class);
    models.put(Kinds.LIVE_STREAM, LiveStream.class);
    models.put(Kinds.MEMBER, Member.class);
    models.put(Kinds.MEMBERSHIPS_LEVEL, MembershipsLevel.class);
    models.put(Kinds.PLAYLIST, Playlist.class);
    models.put(Kinds.PLAYLIST_ITEM, PlaylistItem.class);
    models.put(Kinds.SUBSCRIPTION, Subscription.class);
    models.put(Kinds.SUPER_CHAT_EVENT, SuperChatEvent.class);
    models.put(Kinds.VIDEO, Video.class);
    models.put(Kinds.VIDEO_ABUSE_REPORT_REASON, VideoAbuseReportReason.class);
    models.put(Kinds.VIDEO_CATEGORY, VideoCategory.class);
    Views views = new Views(store, Account.ALICE.channelId(), false);
    models.forEach(
        (kind, model) -> {
          assertThat(store.all(kind)).as(kind).isNotEmpty();
          for (ObjectNode stored : store.all(kind)) {
            ObjectNode node = kind.equals(Kinds.COMMENT_THREAD) ? views.thread(stored) : stored;
            if (kind.equals(Kinds.MEMBER)) {
              node = node.deepCopy();
              node.remove("id");
            }
            String json = Jsons.text(node);
            assertThatCode(() -> Json.parse(json, model)).as(kind).doesNotThrowAnyException();
            Object parsed = Json.parse(json, model);
            assertThat(Jsons.read(Json.write(parsed))).as(json).isEqualTo(Jsons.read(json));
            assertThat(node.path("kind").asText()).isEqualTo(kind);
          }
        });
    assertThat(
            store.all(Kinds.VIDEO).stream()
                .map(v -> v.path("id").asText().length())
                .collect(java.util.stream.Collectors.toSet()))
        .isEqualTo(Set.of(11));
  }

  @Test
  void theCatalogKnowsEveryMethodOnce() {
    assertThat(MethodCatalog.ALL).hasSize(83);
    assertThat(MethodCatalog.ALL.stream().map(MethodCatalog.Method::id).distinct()).hasSize(83);
    MethodCatalog.Method list = MethodCatalog.find("GET", "playlists");
    assertThat(list.id()).isEqualTo("youtube.playlists.list");
    assertThat(list.parts()).contains("snippet", "status", "contentDetails", "id");
    assertThat(list.params().get("maxResults").maximum()).isEqualTo(50L);
    assertThat(MethodCatalog.find("GET", "captions/abc").id())
        .isEqualTo("youtube.captions.download");
    assertThat(MethodCatalog.byId("youtube.search.list").bucket())
        .isEqualTo(io.github.jyoutube.QuotaBucket.SEARCH);
    assertThat(Api.decodePageTokenUnchecked(Api.pageToken(300, false))).isEqualTo(300);
  }
}
