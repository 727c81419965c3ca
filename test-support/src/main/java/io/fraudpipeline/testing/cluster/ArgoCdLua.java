package io.fraudpipeline.testing.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Argo CD's Lua engine (gopher-lua, Lua 5.1) driven by the small Go harness of {@code
 * test-support/argocd-lua}, built once into the cache by its build.sh.
 */
public final class ArgoCdLua {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path binary;

  private ArgoCdLua() {}

  /** Runs a health script with {@code obj} set to the object; returns the table it returns. */
  public static JsonNode health(String script, JsonNode object)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("health", ".lua");
    try {
      Files.writeString(file, script);
      Process p =
          new ProcessBuilder(binary().toString(), file.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(object));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("argocd-lua failed (exit " + p.exitValue() + ")");
      }
      return JSON.readTree(out);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static synchronized Path binary() throws IOException, InterruptedException {
    if (binary == null) {
      binary = CachedTool.build("test-support/argocd-lua/build.sh");
    }
    return binary;
  }
}
