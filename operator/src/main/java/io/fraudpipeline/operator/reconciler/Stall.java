package io.fraudpipeline.operator.reconciler;

/**
 * Why a pipeline cannot progress until someone acts: the reason and message of its Stalled
 * condition, and whether to look again on a timer (no event says when a CRD appears, a role changes
 * or another pipeline lets a suffix go).
 */
record Stall(String reason, String message, boolean lookAgain) {}
