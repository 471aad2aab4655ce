package io.github.jyoutube.recipes;

import java.time.Duration;

/**
 * One read of a resource being waited on, as a wait's listener sees it.
 *
 * @param poll the read's number, from 1
 * @param value the resource as read, or {@code null} if it was not found
 * @param state its state, such as {@code uploaded, processing 40%}
 * @param quotaUnits the units the wait's reads have cost so far
 * @param elapsed the time since the wait began
 * @param nextDelay how long the wait sleeps before the next read; zero when this was the last
 * @param <T> the resource
 */
public record WaitPoll<T>(
    int poll, T value, String state, long quotaUnits, Duration elapsed, Duration nextDelay) {}
