package io.fraudpipeline.functions.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The functions' image file system, assembled into a folder without Docker by carrying out {@code
 * functions/Dockerfile} itself: its stages, {@code COPY}, {@code RUN} (the zip made one jar, the
 * AOT cache trained), {@code ENV}, {@code ENTRYPOINT} and {@code CMD}. The Dockerfile is the only
 * description of the image, so the two cannot drift: a change to it is what runs here.
 *
 * <p>The base image ({@code public.ecr.aws/lambda/java:25}) stands as the java25 runtime does
 * elsewhere in this tier: its JVM ({@code /var/lang}) is the JDK 25 given, its runtime interface
 * client ({@code /var/runtime/lib}) the client's jars. Every other absolute path of the Dockerfile
 * is taken inside the stage's folder.
 */
public final class FunctionsImage {

  /**
   * The image's paths this assembly maps: the base image's JVM to the JDK given, the others into
   * the stage's folder (a path starts a word or follows '=', ':' or a quote).
   */
  private static final Pattern IMAGE_PATH =
      Pattern.compile("(?<![\\w./-])(/var/lang/|/opt/|/tmp/|/var/runtime/|/var/task)");

  private static final Pattern ENV = Pattern.compile("ENV\\s+(\\w+)=\"?(.*?)\"?\\s*");

  private final Path root;
  private final Map<String, String> environment;
  private final List<String> entrypoint;
  private final List<String> command;
  private final JavaRuntime runtime;

  private FunctionsImage(
      Path root,
      Map<String, String> environment,
      List<String> entrypoint,
      List<String> command,
      JavaRuntime runtime) {
    this.root = root;
    this.environment = environment;
    this.entrypoint = entrypoint;
    this.command = command;
    this.runtime = runtime;
  }

  /**
   * Builds the image of {@code dockerfile} into {@code work}, with {@code context} as the build
   * context (the repository root, where the Dockerfile says to build from).
   */
  public static FunctionsImage build(
      Path dockerfile, Path context, JavaRuntime runtime, Path work) {
    Map<String, Path> stages = new LinkedHashMap<>();
    Path stage = null;
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> entrypoint = List.of();
    List<String> command = List.of();
    for (String instruction : instructions(dockerfile)) {
      String keyword = instruction.split("\\s+", 2)[0];
      String rest = instruction.substring(keyword.length()).trim();
      switch (keyword) {
        case "FROM" -> {
          String[] words = rest.split("\\s+");
          stage = work.resolve(words.length == 3 ? words[2] : "image");
          stages.put(stage.getFileName().toString(), stage);
          baseImage(stage, runtime);
          environment = new LinkedHashMap<>();
        }
        case "COPY" -> copy(rest, context, stage, stages);
        case "ENV" -> {
          Matcher env = ENV.matcher(instruction);
          if (!env.matches()) {
            throw new IllegalStateException("an ENV this assembly cannot read: " + instruction);
          }
          environment.put(env.group(1), env.group(2));
        }
        case "RUN" -> run(rest, stage, runtime, environment);
        case "ENTRYPOINT" -> entrypoint = jsonArray(rest);
        case "CMD" -> command = jsonArray(rest);
        default ->
            throw new IllegalStateException(
                "an instruction this assembly cannot carry out: " + instruction);
      }
    }
    if (stage == null || entrypoint.isEmpty()) {
      throw new IllegalStateException(dockerfile + " has no stage or no ENTRYPOINT");
    }
    return new FunctionsImage(stage, Map.copyOf(environment), entrypoint, command, runtime);
  }

  /** The image's folder. */
  public Path root() {
    return root;
  }

  /** A file of the image by its path in the image. */
  public Path file(String imagePath) {
    return root.resolve(imagePath.substring(1));
  }

  /** The image's {@code ENV}, as a container of it starts with them. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The image's {@code CMD}: the handler a container runs when the Function names none. */
  public List<String> command() {
    return command;
  }

  /**
   * What a container of the image runs for {@code handler} (a Function's {@code
   * imageConfig.command} replaces {@code CMD}), its paths taken in this folder.
   */
  public List<String> start(String handler) {
    List<String> start = new ArrayList<>();
    for (String word : entrypoint) {
      start.add(local(word, root, runtime));
    }
    start.add(handler);
    return start;
  }

  /** The image's {@code ENV} with its paths taken in this folder, for a container's process. */
  public Map<String, String> localEnvironment() {
    Map<String, String> local = new LinkedHashMap<>();
    environment.forEach((name, value) -> local.put(name, local(value, root, runtime)));
    return local;
  }

  private static void baseImage(Path stage, JavaRuntime runtime) {
    Path lib = stage.resolve("var/runtime/lib");
    try {
      Files.createDirectories(lib);
      Files.createDirectories(stage.resolve("tmp"));
      Files.createDirectories(stage.resolve("var/task"));
      try (Stream<Path> jars = Files.list(runtime.runtimeLib())) {
        for (Path jar : jars.toList()) {
          Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(String rest, Path context, Path stage, Map<String, Path> stages) {
    String[] words = rest.split("\\s+");
    Path from = context;
    int source = 0;
    if (words[0].startsWith("--from=")) {
      from = stages.get(words[0].substring("--from=".length()));
      source = 1;
    }
    Path in =
        words[source].startsWith("/")
            ? from.resolve(words[source].substring(1))
            : from.resolve(words[source]);
    Path out = stage.resolve(words[source + 1].substring(1));
    try {
      Files.createDirectories(out.getParent());
      Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("COPY " + rest, e);
    }
  }

  private static void run(
      String shell, Path stage, JavaRuntime runtime, Map<String, String> environment) {
    ProcessBuilder builder =
        new ProcessBuilder("/bin/sh", "-c", local(shell, stage, runtime))
            .directory(stage.toFile())
            .redirectErrorStream(true);
    // a RUN sees the image's ENV so far, not this machine's (a JAVA_TOOL_OPTIONS here, say)
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.forEach(
        (name, value) -> builder.environment().put(name, local(value, stage, runtime)));
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("RUN " + shell + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A word or shell line of the Dockerfile with the image's paths taken in the stage's folder. */
  static String local(String text, Path stage, JavaRuntime runtime) {
    // one pass, so that a folder put in is never rewritten again
    Matcher matcher = IMAGE_PATH.matcher(text);
    StringBuilder local = new StringBuilder();
    while (matcher.find()) {
      String path = matcher.group(1);
      String replacement = path.equals("/var/lang/") ? runtime.jdkHome() + "/" : stage + path;
      matcher.appendReplacement(local, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(local);
    return local.toString();
  }

  private static List<String> jsonArray(String json) {
    try {
      return Arrays.asList(new ObjectMapper().readValue(json, String[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  static List<String> instructions(Path dockerfile) {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    try {
      for (String line : Files.readAllLines(dockerfile)) {
        String trimmed = line.trim();
        if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
          continue;
        }
        if (trimmed.endsWith("\\")) {
          current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        } else {
          current.append(trimmed);
          instructions.add(current.toString().trim());
          current.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return instructions;
  }
}
