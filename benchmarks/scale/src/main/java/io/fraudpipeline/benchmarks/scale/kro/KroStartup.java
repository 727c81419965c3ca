package io.fraudpipeline.benchmarks.scale.kro;

/**
 * What starting the peer cost.
 *
 * @param buildSeconds how long the build of kro's controller took when the cache was filled
 * @param startMillis the whole of {@link KroPeer#start}: build check, CRDs, RGD, controller
 * @param activeMillis from launching the controller to the RGD Active and its instance CRD served
 */
public record KroStartup(long buildSeconds, long startMillis, long activeMillis) {

  KroStartup(KroBuild build, long startMillis, long activeMillis) {
    this(build.buildSeconds(), startMillis, activeMillis);
  }
}
