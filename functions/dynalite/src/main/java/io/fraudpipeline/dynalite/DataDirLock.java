package io.fraudpipeline.dynalite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while one engine uses it, so that a second one fails
 * at once with a sentence naming the directory instead of fighting over the store. The operating
 * system releases it when the holding process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {

  /** A name LevelDB does not use, so the store ignores the file. */
  static final String FILE_NAME = "fraud-pipeline-local.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws IllegalStateException naming the directory when it cannot be created or is in use
   */
  static DataDirLock acquire(Path dataDir) {
    Path dir = dataDir.toAbsolutePath();
    FileChannel channel;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot use the data directory " + dir + ": " + e, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new IllegalStateException(
          "the data directory " + dir + " is in use by another local pipeline");
    }
    return new DataDirLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing held any more
    }
  }
}
