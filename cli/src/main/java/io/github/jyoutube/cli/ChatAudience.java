package io.github.jyoutube.cli;

import io.github.jyoutube.emulator.EmulatedChat;
import io.github.jyoutube.emulator.EmulatedChat.Viewer;
import java.util.List;
import java.util.Random;

/**
 * Simulated viewers of an emulator's chat, for {@code chat watch --audience N}: about N messages a
 * second, with now and then a Super Chat, a Super Sticker, a new member or a milestone, so that a
 * newcomer sees a live chat scroll.
 */
final class ChatAudience {

  private static final List<Viewer> VIEWERS =
      List.of(
          new Viewer("UCmaya00emulator0viewer00", "Maya"),
          new Viewer("UCtheo00emulator0viewer00", "Theo"),
          new Viewer("UCpriya0emulator0viewer00", "Priya"),
          new Viewer("UCkenji0emulator0viewer00", "Kenji"),
          new Viewer("UClucia0emulator0viewer00", "Lucía"),
          new Viewer("UComar00emulator0viewer00", "Omar"));

  private static final List<String> LINES =
      List.of(
          "hello from Lisbon!",
          "first time here 👋",
          "what flour is that?",
          "the crust looks amazing",
          "how long does it proof?",
          "can you show the oven again?",
          "lol",
          "greetings from Osaka",
          "rye or wheat next time?",
          "this is so relaxing",
          "🍞🍞🍞",
          "I tried this recipe last week, it worked!");

  private final EmulatedChat chat;
  private final long pauseMillis;
  private final Random random = new Random();
  private volatile boolean running = true;
  private Thread thread;

  ChatAudience(EmulatedChat chat, int messagesPerSecond) {
    this.chat = chat;
    this.pauseMillis = Math.max(1, 1000 / messagesPerSecond);
  }

  void start() {
    thread = new Thread(this::run, "jyoutube-chat-audience");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void run() {
    int n = 0;
    try {
      while (running && !chat.ended()) {
        Thread.sleep(pauseMillis / 2 + random.nextInt((int) pauseMillis + 1));
        Viewer viewer = VIEWERS.get(random.nextInt(VIEWERS.size()));
        n++;
        if (n % 17 == 0) {
          chat.superChat(viewer, (1 + random.nextInt(20)) * 1_000_000L, "USD", "keep baking!");
        } else if (n % 29 == 0) {
          chat.newMember(viewer, "Bakers");
        } else if (n % 41 == 0) {
          chat.memberMilestone(viewer, "Bakers", 2 + random.nextInt(24), "still here!");
        } else if (n % 53 == 0) {
          chat.superSticker(viewer, 2_000_000, "USD", "bread-1", "A loaf that waves");
        } else {
          chat.post(viewer, LINES.get(random.nextInt(LINES.size())));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException ended) {
      // The chat ended while a viewer was writing.
    }
  }
}
