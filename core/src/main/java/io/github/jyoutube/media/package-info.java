/**
 * Media uploads and downloads: {@link io.github.jyoutube.media.MediaContent} (a file, stream or
 * array with its type and length), {@link io.github.jyoutube.media.ResumableUpload} (Google's
 * resumable protocol as a state machine that survives dropped connections, server errors, partly
 * kept chunks and expired sessions), {@link io.github.jyoutube.media.MediaLimits} (each method's
 * accepted types and size, checked before the first byte) and {@link
 * io.github.jyoutube.media.MediaDownload} (a body streamed to a file or stream).
 *
 * <h2>How the resources use it</h2>
 *
 * <p>A media method's request hands its context, parameters, metadata and media to {@code
 * io.github.jyoutube.resource.MediaSupport}, which builds the session-opening request at the upload
 * base ({@code …/upload/youtube/v3/<path>?uploadType=resumable&part=…}) and returns the upload:
 *
 * <pre>{@code
 * // in VideosResource.InsertRequest (same package as MediaSupport):
 * public ResumableUpload<Video> upload() {
 *   return MediaSupport.upload(context(), INSERT, query(), video, media,
 *       MediaLimits.VIDEOS_INSERT, options, Video.class);
 * }
 * public Video execute() { return upload().execute(); }
 *
 * // captions.download:
 * MediaSupport.download(context(), DOWNLOAD, query()).saveTo(Path.of("track.srt"));
 * }</pre>
 *
 * <p>Callers see:
 *
 * <pre>{@code
 * Video video = cli.videos().insert(metadata, MediaContent.of(Path.of("clip.mp4"))).execute();
 *
 * ResumableUpload<Video> upload = cli.videos().insert(metadata, media)
 *     .options(UploadOptions.defaults().withChunkSize(16 << 20)
 *         .withProgress((done, total, rate) -> System.out.printf("%d/%d%n", done, total)))
 *     .upload();
 * URI session = upload.initiate();   // save it: another process can resume from it
 * upload.execute();                  // after a failure, execute() again resumes
 *
 * // in another process:
 * ResumableUpload.resume(context, session, MediaContent.of(file), UploadOptions.defaults(),
 *     Video.class).execute();
 * }</pre>
 *
 * <p>Memory: a file is sent region by region from disk, an array without copying, and a stream
 * through a window of one chunk (plus one byte), so an upload of any size runs in a small heap.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package io.github.jyoutube.media;
