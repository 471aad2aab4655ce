package io.github.jyoutube.livechat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last messages delivered, to drop one that comes again (after a resume or a change of
 * transport): the events themselves, compared whole (they are records), so that a message that
 * changes under its id (a tombstone, a gift's combo, a poll's tallies) is delivered again. Holds at
 * most {@code capacity} events, the oldest forgotten first.
 */
final class SeenMessages {

  private final Map<ChatEvent, Boolean> keys;

  SeenMessages(int capacity) {
    this.keys =
        new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ChatEvent, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Records {@code event}; false if it was delivered already. */
  synchronized boolean firstTime(ChatEvent event) {
    // The event itself, not its id and hash code: two contents may share a hash code.
    return keys.put(event, Boolean.TRUE) == null;
  }

  synchronized int size() {
    return keys.size();
  }
}
