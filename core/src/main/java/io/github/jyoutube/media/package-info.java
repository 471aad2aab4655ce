/**
 * Media uploads and downloads: {@link io.github.jyoutube.media.MediaContent} (a file, stream or
 * array with its type and length), {@link io.github.jyoutube.media.ResumableUpload} (Google's
 * resumable protocol as a state machine that survives dropped connections, server errors, partly
 * kept chunks and expired sessions) and {@link io.github.jyoutube.media.MediaLimits} (each method's
 * accepted types and size, checked before the first byte). Downloads are requests, {@link
 * io.github.jyoutube.resource.MediaDownloadRequest}, that stream the body to a file or stream.
 *
 * <h2>Use</h2>
 *
 * <p>Every media method of the API takes a {@code MediaContent}; its request is an {@link
 * io.github.jyoutube.resource.MediaRequest}:
 *
 * <pre>{@code
 * Video video = cli.videos().insert(metadata, MediaContent.of(Path.of("clip.mp4"))).execute();
 *
 * ResumableUpload<Video> upload = cli.videos().insert(metadata, media)
 *     .chunkSize(16 << 20)
 *     .progress((done, total, rate) -> System.out.printf("%d/%d%n", done, total))
 *     .upload();
 * URI session = upload.initiate();   // save it: another process can resume from it
 * upload.execute();                  // after a failure, execute() again resumes
 *
 * // in another process:
 * cli.resumeUpload(session, MediaContent.of(file), Video.class).execute();
 *
 * cli.captions().download(captionId).tfmt("srt").saveTo(Path.of("track.srt"));
 * }</pre>
 *
 * <p>Memory: a file is sent region by region from disk, an array without copying, and a stream
 * through a window of one chunk (plus one byte), so an upload of any size runs in a small heap.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.media;
