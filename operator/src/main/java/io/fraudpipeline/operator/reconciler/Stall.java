package io.fraudpipeline.operator.reconciler;

/**
 * Why a pipeline cannot progress now: the reason and message of its condition, whether to look
 * again on a timer (no event says when a CRD appears, a role changes or another pipeline lets a
 * suffix go), and whether someone must act ({@code Stalled}) or the operator is only waiting for
 * itself ({@code Reconciling}, a watch still syncing).
 */
record Stall(String reason, String message, boolean lookAgain, boolean needsSomeone) {

  /** A stall someone must act on. */
  Stall(String reason, String message, boolean lookAgain) {
    this(reason, message, lookAgain, true);
  }
}
