package io.github.jyoutube.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jyoutube.error.UnresolvedChannelException;
import io.github.jyoutube.error.UnresolvedChannelException.Reason;
import io.github.jyoutube.recipes.ChannelReference.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What users paste, read without a call. */
class ChannelReferenceTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "UC_x5XG1OV2P6uZZ5FSM9Ttw | CHANNEL_ID | UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "  UC_x5XG1OV2P6uZZ5FSM9Ttw  | CHANNEL_ID | UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw | CHANNEL_ID |"
            + " UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/videos?view=0 | CHANNEL_ID |"
            + " UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "<https://m.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw> | CHANNEL_ID |"
            + " UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "@GoogleDevelopers | HANDLE | @GoogleDevelopers",
        "https://www.youtube.com/@GoogleDevelopers | HANDLE | @GoogleDevelopers",
        "https://youtube.com/@GoogleDevelopers/videos?si=abc | HANDLE | @GoogleDevelopers",
        "www.youtube.com/@%E3%83%86%E3%82%B9%E3%83%88 | HANDLE | @テスト",
        "@テスト | HANDLE | @テスト",
        "https://www.youtube.com/user/GoogleDevelopers | USERNAME | GoogleDevelopers",
        "https://www.youtube.com/c/GoogleDevelopers/featured | CUSTOM_NAME | GoogleDevelopers",
        "https://www.youtube.com/GoogleDevelopers | CUSTOM_NAME | GoogleDevelopers",
        "GoogleDevelopers | CUSTOM_NAME | GoogleDevelopers",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s | VIDEO | dQw4w9WgXcQ",
        "https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ&list=PLx | VIDEO | dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=xyz | VIDEO | dQw4w9WgXcQ",
        "youtu.be/dQw4w9WgXcQ | VIDEO | dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ | VIDEO | dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ?feature=share | VIDEO | dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ | VIDEO | dQw4w9WgXcQ",
        "https://music.youtube.com/watch?v=dQw4w9WgXcQ | VIDEO | dQw4w9WgXcQ",
        "http://m.youtube.com/watch?v=dQw4w9WgXcQ | VIDEO | dQw4w9WgXcQ",
        "https://www.youtube.com/playlist?list=PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS | PLAYLIST |"
            + " PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS",
        "https://www.youtube.com/embed/videoseries?list=PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS |"
            + " PLAYLIST | PLBaidt0ilCManGDIKr8UVBFZwN_UvMKvS",
        "https://www.youtube.com/playlist?list=UU_x5XG1OV2P6uZZ5FSM9Ttw | UPLOADS_PLAYLIST |"
            + " UC_x5XG1OV2P6uZZ5FSM9Ttw",
        "https://www.youtube.com/playlist?list=UULF_x5XG1OV2P6uZZ5FSM9Ttw | UPLOADS_PLAYLIST |"
            + " UC_x5XG1OV2P6uZZ5FSM9Ttw",
      })
  void readsWhatUsersPaste(String input, Kind kind, String value) {
    assertThat(ChannelReference.parse(input)).isEqualTo(new ChannelReference(kind, value));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | UNRECOGNIZED | empty",
        "hello world | UNRECOGNIZED | not a channel id",
        "https://example.com/@someone | UNRECOGNIZED | not a YouTube URL",
        "https://www.youtube.com/ | UNRECOGNIZED | names no channel",
        "https://www.youtube.com/results?search_query=jazz | UNRECOGNIZED | names no channel",
        "https://www.youtube.com/feed/subscriptions | UNRECOGNIZED | names no channel",
        "https://www.youtube.com/channel/notanid | UNRECOGNIZED | /channel/",
        "https://www.youtube.com/watch?v=short | UNRECOGNIZED | not a video id",
        "https://www.youtube.com/watch?feature=share | UNRECOGNIZED | without v=",
        "https://youtu.be/ | UNRECOGNIZED | without a video id",
        "https://www.youtube.com/c/ | UNRECOGNIZED | not followed by a name",
        "https://www.youtube.com/@bad%ZZ | UNRECOGNIZED | not a valid URL",
        "@bad%ZZ | UNRECOGNIZED | percent-encoding",
        "https://www.youtube.com/playlist?list=LL | NO_LOOKUP | signed in",
        "https://www.youtube.com/watch?list=WL | NO_LOOKUP | signed in",
        "https://www.youtube.com/ with spaces | UNRECOGNIZED | not a valid URL",
      })
  void refusesWhatNamesNoChannelAndSaysWhy(String input, Reason reason, String why) {
    assertThatThrownBy(() -> ChannelReference.parse(input))
        .isInstanceOf(UnresolvedChannelException.class)
        .hasMessageContaining(why)
        .hasMessageContaining("'" + input.strip())
        .satisfies(e -> assertThat(((UnresolvedChannelException) e).reason()).isEqualTo(reason));
  }

  @org.junit.jupiter.api.Test
  void hostileInputIsRefusedQuicklyWithABoundedMessage() {
    String huge = "https://www.youtube.com/@" + "a".repeat(1_000_000);

    assertThatThrownBy(() -> ChannelReference.parse(huge))
        .isInstanceOf(UnresolvedChannelException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatThrownBy(() -> ChannelReference.parse(null))
        .isInstanceOf(UnresolvedChannelException.class);
  }
}
