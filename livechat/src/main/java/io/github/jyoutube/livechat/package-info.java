/**
 * A YouTube live chat in real time. Start at {@link io.github.jyoutube.livechat.LiveChat}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.livechat;
