package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * A broadcast's transitions, as YouTube makes them: a transition to {@code testing} or {@code live}
 * shows {@code testStarting} or {@code liveStarting} while the stream starts, and arrives after the
 * emulator's {@code broadcastTransitionTime} on its clock (at once when that is zero). A transition
 * on its way is kept in the store, so that it also arrives after a restart; each request first lets
 * those that are due arrive.
 */
final class Broadcasts {

  /** The prefix of the id of a transition on its way, in {@link Kinds#META}. */
  private static final String PENDING = "transition:";

  private Broadcasts() {}

  /**
   * Moves {@code broadcast} (a copy the caller stores) towards {@code status}: there at once, or
   * through its starting state when transitions take time.
   */
  static void transition(Backend backend, ObjectNode broadcast, String status) {
    String id = broadcast.path("id").asText();
    String now = str(broadcast, "status.lifeCycleStatus");
    String starting = starting(status);
    Duration delay = backend.transitionTime;
    ObjectNode pending = backend.store.get(Kinds.META, PENDING + id);
    if (starting != null
        && starting.equals(now)
        && pending != null
        && status.equals(pending.path("to").asText())) {
      // Already on its way there.
      return;
    }
    if (pending != null) {
      backend.store.remove(Kinds.META, PENDING + id);
    }
    Instant at = backend.clock.instant();
    if (starting == null || delay.isZero() || status.equals(now)) {
      arrive(broadcast, status, at);
      return;
    }
    Jsons.obj(broadcast, "status").put("lifeCycleStatus", starting);
    backend.store.put(
        Kinds.META,
        of(
            "id",
            PENDING + id,
            "broadcastId",
            id,
            "to",
            status,
            "dueMillis",
            at.plus(delay).toEpochMilli()));
    backend.transitionsPending = true;
  }

  /** Lets the transitions that are due arrive. Called with the backend's lock held. */
  static void settle(Backend backend) {
    if (!backend.transitionsPending) {
      return;
    }
    long now = backend.clock.millis();
    boolean waiting = false;
    for (ObjectNode pending :
        backend.store.find(Kinds.META, n -> n.path("id").asText().startsWith(PENDING))) {
      long due = pending.path("dueMillis").asLong();
      if (due > now) {
        waiting = true;
        continue;
      }
      backend.store.remove(Kinds.META, pending.path("id").asText());
      String to = pending.path("to").asText();
      ObjectNode stored = backend.store.get(Kinds.LIVE_BROADCAST, str(pending, "broadcastId"));
      if (stored != null && starting(to).equals(str(stored, "status.lifeCycleStatus"))) {
        ObjectNode copy = stored.deepCopy();
        arrive(copy, to, Instant.ofEpochMilli(due));
        backend.store.put(Kinds.LIVE_BROADCAST, copy);
      }
    }
    backend.transitionsPending = waiting;
  }

  /** The state shown on the way to {@code status}, or {@code null} if there is none. */
  private static String starting(String status) {
    return switch (status) {
      case "testing" -> "testStarting";
      case "live" -> "liveStarting";
      default -> null;
    };
  }

  private static void arrive(ObjectNode broadcast, String status, Instant at) {
    Jsons.obj(broadcast, "status").put("lifeCycleStatus", status);
    if (status.equals("live")) {
      Jsons.obj(broadcast, "snippet").put("actualStartTime", Jsons.time(at));
    } else if (status.equals("complete")) {
      Jsons.obj(broadcast, "snippet").put("actualEndTime", Jsons.time(at));
    }
  }
}
