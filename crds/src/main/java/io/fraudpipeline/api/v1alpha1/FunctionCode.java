package io.fraudpipeline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The functions artifact: exactly one of an S3 object (bucket + key) or a container image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.imageUri) != (has(self.s3Bucket) || has(self.s3Key))",
    message = "set exactly one of s3 (s3Bucket + s3Key) or imageUri")
@ValidationRule(
    value = "has(self.s3Bucket) == has(self.s3Key)",
    message = "s3Bucket and s3Key are set together")
@ValidationRule(
    value = "!has(self.s3ObjectVersion) || has(self.s3Bucket)",
    message = "s3ObjectVersion needs s3Bucket and s3Key")
@ValidationRule(
    value = "!has(self.sha256) || has(self.s3Bucket)",
    message = "sha256 is the hash of the S3 zip: it needs s3Bucket and s3Key")
public class FunctionCode {

  /** A base64 SHA-256 digest: 32 bytes are 43 characters and one '=' of padding. */
  public static final String SHA256_PATTERN = "^[A-Za-z0-9+/]{43}=$";

  @Size(min = 3, max = 63)
  private String s3Bucket;

  @Size(min = 1, max = 1024)
  private String s3Key;

  @Size(min = 1, max = 1024)
  private String s3ObjectVersion;

  @Pattern(SHA256_PATTERN)
  @JsonPropertyDescription(
      "Base64 SHA-256 of the zip (openssl dgst -sha256 -binary f.zip | base64). A new value"
          + " redeploys the same key; ACK updates the code only when it changes.")
  private String sha256;

  @Size(min = 1, max = 2048)
  private String imageUri;

  public String getS3Bucket() {
    return s3Bucket;
  }

  public void setS3Bucket(String s3Bucket) {
    this.s3Bucket = s3Bucket;
  }

  public String getS3Key() {
    return s3Key;
  }

  public void setS3Key(String s3Key) {
    this.s3Key = s3Key;
  }

  public String getS3ObjectVersion() {
    return s3ObjectVersion;
  }

  public void setS3ObjectVersion(String s3ObjectVersion) {
    this.s3ObjectVersion = s3ObjectVersion;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public String getImageUri() {
    return imageUri;
  }

  public void setImageUri(String imageUri) {
    this.imageUri = imageUri;
  }

  /** True when the functions run from a container image rather than an S3 zip. */
  @JsonIgnore
  public boolean isImage() {
    return imageUri != null;
  }
}
