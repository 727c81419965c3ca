package io.fraudpipeline.testing.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The API server's audit log (JSON lines), read from a mark so a test sees only its requests. */
public final class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection");

  /** One request: who (the impersonated user when there is one), what, and the response code. */
  public record Entry(
      String user,
      String verb,
      String resource,
      String subresource,
      String namespace,
      String name,
      int code,
      String requestUri) {

    public boolean isWrite() {
      return WRITE_VERBS.contains(verb);
    }

    @Override
    public String toString() {
      return "%s %s %s%s %s/%s -> %d"
          .formatted(
              user,
              verb,
              resource,
              subresource.isEmpty() ? "" : "/" + subresource,
              namespace,
              name,
              code);
    }
  }

  private final Path file;

  AuditLog(Path file) {
    this.file = file;
  }

  /** A position in the log: {@link #since} returns what was logged after it. */
  public long mark() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The complete entries logged after the mark. */
  public List<Entry> since(long mark) {
    List<Entry> out = new ArrayList<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= mark) {
        return out;
      }
      byte[] bytes = new byte[(int) (length - mark)];
      in.seek(mark);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int complete = text.lastIndexOf('\n');
      for (String line : text.substring(0, complete + 1).split("\n")) {
        if (!line.isBlank()) {
          out.add(parse(JSON.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The writes (create, update, patch, delete) this user made after the mark. */
  public List<Entry> writesBy(String user, long mark) {
    return since(mark).stream().filter(e -> e.user().equals(user) && e.isWrite()).toList();
  }

  private static Entry parse(JsonNode e) {
    JsonNode impersonated = e.path("impersonatedUser").path("username");
    String user =
        impersonated.isMissingNode()
            ? e.path("user").path("username").asText()
            : impersonated.asText();
    JsonNode ref = e.path("objectRef");
    return new Entry(
        user,
        e.path("verb").asText(),
        ref.path("resource").asText(),
        ref.path("subresource").asText(),
        ref.path("namespace").asText(),
        ref.path("name").asText(),
        e.path("responseStatus").path("code").asInt(),
        e.path("requestURI").asText());
  }
}
