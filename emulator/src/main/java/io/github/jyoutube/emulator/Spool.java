package io.github.jyoutube.emulator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes that may not fit in memory: an upload, kept in memory up to {@link #IN_MEMORY} bytes and in
 * a file of {@link MediaFiles} beyond. Whoever ends up with a spool either {@link #take}s its file
 * or {@link #discard}s it.
 */
final class Spool {

  /** The most bytes kept in memory; larger spools are files. */
  static final int IN_MEMORY = 64 * 1024;

  /** Writing a spool's file failed (the disk is full, say): the request cannot be served. */
  static final class StorageException extends IOException {
    private static final long serialVersionUID = 1L;

    StorageException(IOException cause) {
      super("cannot store the upload: " + cause.getMessage(), cause);
    }
  }

  private final byte[] bytes;
  private final Path file;
  private final long size;
  private boolean taken;

  private Spool(byte[] bytes, Path file, long size) {
    this.bytes = bytes;
    this.file = file;
    this.size = size;
  }

  static Spool of(byte[] bytes) {
    return new Spool(bytes, null, bytes.length);
  }

  static Spool ofFile(Path file, long size) {
    return new Spool(null, file, size);
  }

  long size() {
    return size;
  }

  boolean inMemory() {
    return bytes != null;
  }

  /** Every byte, read from the file if need be: for text media and small spools. */
  byte[] bytes() {
    if (bytes != null) {
      return bytes;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InputStream open() throws IOException {
    return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
  }

  /** Hands the file (of a spool not in memory) to the caller; {@link #discard} keeps it then. */
  Path take() {
    taken = true;
    return file;
  }

  /** Deletes the file, unless it was taken. */
  void discard() {
    if (file != null && !taken) {
      MediaFiles.deleteQuietly(file);
    }
  }

  /** Appends {@code count} bytes from {@code offset} to {@code out}. */
  void appendTo(FileChannel out, long offset, long count) throws IOException {
    if (bytes != null) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, (int) offset, (int) count);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      return;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long done = 0;
      while (done < count) {
        long n = in.transferTo(offset + done, count - done, out);
        if (n <= 0) {
          throw new IOException("the spooled file is shorter than " + (offset + count) + " bytes");
        }
        done += n;
      }
    }
  }

  /**
   * Writes a spool: in memory up to {@link #IN_MEMORY} bytes, then in a new file of {@code files};
   * refuses more than {@code limit} bytes with {@link Exchange.BodyTooLargeException}, and a failed
   * file write with {@link StorageException}. On any failure the file is deleted.
   */
  static final class Writer extends OutputStream {
    private final MediaFiles files;
    private final long limit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;

    Writer(MediaFiles files, long limit) {
      this.files = files;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (size + len > limit) {
        abandon();
        throw new Exchange.BodyTooLargeException(limit);
      }
      if (out == null && memory.size() + len > IN_MEMORY) {
        try {
          file = files.newSpoolFile();
          out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
          memory.writeTo(out);
        } catch (IOException e) {
          abandon();
          throw new StorageException(e);
        }
        memory = null;
      }
      if (out != null) {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          abandon();
          throw new StorageException(e);
        }
      } else {
        memory.write(b, off, len);
      }
      size += len;
    }

    /** Copies {@code in} to its end into this spool. */
    Writer from(InputStream in) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        write(buffer, 0, n);
      }
      return this;
    }

    /** The spool written. */
    Spool finish() throws IOException {
      if (out == null) {
        return Spool.of(memory.toByteArray());
      }
      try {
        out.close();
      } catch (IOException e) {
        abandon();
        throw new StorageException(e);
      }
      return Spool.ofFile(file, size);
    }

    /** Gives up: deletes the file, if any. */
    void abandon() {
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          // Deleted next.
        }
      }
      MediaFiles.deleteQuietly(file);
      file = null;
      out = null;
      memory = new ByteArrayOutputStream();
    }
  }
}
