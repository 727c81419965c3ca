package io.fraudpipeline.operator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A YAML input named on the command line, read whole as UTF-8 text or refused in one line. */
final class InputFile {

  private InputFile() {}

  /**
   * @param name a path, or {@code -} for standard input
   * @throws UnreadableException naming the path and why it cannot be read as text
   */
  static String read(String name) {
    if ("-".equals(name)) {
      return decode("standard input", readStdin());
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new UnreadableException(name + " is a directory, not a YAML file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UnreadableException(name + ": no such file");
    } catch (IOException e) {
      throw new UnreadableException("cannot read " + name + ": " + e.getMessage());
    }
    return decode(name, bytes);
  }

  private static byte[] readStdin() {
    try (InputStream in = System.in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UnreadableException("cannot read standard input: " + e.getMessage());
    }
  }

  private static String decode(String name, byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new UnreadableException(name + " is a binary file, not YAML");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableException(name + " is not UTF-8 text, so not YAML");
    }
  }

  /** The input cannot be read as text; the message names it. */
  static final class UnreadableException extends RuntimeException {
    UnreadableException(String message) {
      super(message);
    }
  }
}
