package io.fraudpipeline.functions.aws;

import java.util.function.Function;

/** Reads the function's environment with errors that name the missing or malformed variable. */
public final class Env {

  private final Function<String, String> variables;

  public Env(Function<String, String> variables) {
    this.variables = variables;
  }

  public static Env system() {
    return new Env(System::getenv);
  }

  public String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  /** The value as set, empty included; null when unset. */
  public String asSet(String name) {
    return variables.apply(name);
  }

  /** The value, or null when unset or blank. */
  public String optional(String name) {
    String value = variables.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
