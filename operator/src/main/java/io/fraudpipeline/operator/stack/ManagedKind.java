package io.fraudpipeline.operator.stack;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;

/**
 * A kind a backend emits. Group, version, kind and plural come from the annotations of its class;
 * {@code regional} and {@code tagged} say whether its objects carry the region and tags (IAM is
 * global to Crossplane; many API Gateway kinds take no tags).
 */
public record ManagedKind(
    String group,
    String version,
    String kind,
    String plural,
    Class<? extends ManagedObject> type,
    boolean regional,
    boolean tagged) {

  public static ManagedKind of(
      Class<? extends ManagedObject> type, boolean regional, boolean tagged) {
    return new ManagedKind(
        HasMetadata.getGroup(type),
        HasMetadata.getVersion(type),
        HasMetadata.getKind(type),
        HasMetadata.getPlural(type),
        type,
        regional,
        tagged);
  }

  public String apiVersion() {
    return group + "/" + version;
  }

  /**
   * Whether an object of this apiVersion and kind is of this kind; compares the parts, as the
   * operator asks it of every object it observes and {@link #apiVersion()} builds a string.
   */
  public boolean is(String apiVersion, String kind) {
    int slash = group.length();
    return this.kind.equals(kind)
        && apiVersion != null
        && apiVersion.length() == slash + 1 + version.length()
        && apiVersion.startsWith(group)
        && apiVersion.charAt(slash) == '/'
        && apiVersion.endsWith(version);
  }

  /** Name of the CustomResourceDefinition that serves this kind. */
  public String crdName() {
    return plural + "." + group;
  }

  /** An empty object of this kind, apiVersion and kind set. */
  public ManagedObject newObject() {
    try {
      ManagedObject r = type.getDeclaredConstructor().newInstance();
      r.setApiVersion(apiVersion());
      r.setKind(kind);
      return r;
    } catch (InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | NoSuchMethodException e) {
      throw new IllegalStateException("cannot instantiate " + type, e);
    }
  }
}
