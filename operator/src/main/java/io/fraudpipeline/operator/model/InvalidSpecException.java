package io.fraudpipeline.operator.model;

/** A FraudPipeline the operator cannot act on; names the offending field. */
public class InvalidSpecException extends RuntimeException {

  private final String field;

  public InvalidSpecException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
