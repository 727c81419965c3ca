package io.fraudpipeline.operator.crossplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fraudpipeline.operator.crossplane.kinds.ManagedResource;
import java.lang.reflect.InvocationTargetException;

/**
 * A Crossplane kind the operator emits. Group, version, kind and plural come from the annotations
 * of its class in {@code kinds}; {@code regional} and {@code tagged} say whether its {@code
 * forProvider} takes {@code region} and {@code tags} (IAM is global; many API Gateway kinds take no
 * tags).
 */
public record ManagedKind(
    String group,
    String version,
    String kind,
    String plural,
    Class<? extends ManagedResource> type,
    boolean regional,
    boolean tagged) {

  static ManagedKind of(Class<? extends ManagedResource> type, boolean regional, boolean tagged) {
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

  ManagedResource newResource() {
    try {
      ManagedResource r = type.getDeclaredConstructor().newInstance();
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
