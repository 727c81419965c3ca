package io.fraudpipeline.operator.stack;

import io.fraudpipeline.operator.model.FieldChange;
import java.util.List;

/**
 * An object whose change its backend cannot make in place, so the object is replaced: by its
 * controller under the same name, or by a new object once the old one is gone. Recorded by the
 * recipe where it decides the replacement, so {@code diff} says what a change costs.
 *
 * @param kind the object's kind
 * @param name the object replaced
 * @param replacedBy the object that replaces it: the same name when its controller replaces it
 * @param fields the fields that cannot change in place, as the object holds them and as wanted
 * @param cost what the replacement costs, in a sentence
 */
public record Replacement(
    String kind, String name, String replacedBy, List<FieldChange> fields, String cost) {}
