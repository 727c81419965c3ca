package io.fraudpipeline.functions.model;

/** One problem with a request, named by the field it concerns. */
public record FieldError(String field, String message) {}
