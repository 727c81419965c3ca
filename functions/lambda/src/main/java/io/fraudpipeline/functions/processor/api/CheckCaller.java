package io.fraudpipeline.functions.processor.api;

import io.fraudpipeline.functions.contract.EnvVars;
import io.fraudpipeline.functions.contract.Synthetic;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one caller allowed to send {@link Synthetic#ID_PREFIX} ids: the pipeline's check function,
 * known by its IAM role. With IAM authorization API Gateway verifies the request's signature and
 * hands the function the caller's ARN; a Lambda function signs with its role's session, whose ARN
 * is the STS assumed-role form, {@code arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE_NAME/SESSION}.
 * The role's own ARN is {@code arn:PARTITION:iam::ACCOUNT:role/PATH/ROLE_NAME}, and the
 * assumed-role ARN leaves the path out, so the two match on partition, account and role name. Any
 * other caller, or none (API keys and open APIs give no verified identity), is not the check.
 */
public final class CheckCaller {

  private static final Pattern ROLE =
      Pattern.compile(
          "arn:([a-z0-9-]+):iam::(\\d{12}):role/(?:[\\x21-\\x7e]*/)?([\\w+=,.@-]{1,64})");
  private static final Pattern ASSUMED_ROLE =
      Pattern.compile("arn:([a-z0-9-]+):sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/[^/]+");

  private final Optional<String> roleArn;
  private final String partition;
  private final String account;
  private final String roleName;

  private CheckCaller(Optional<String> roleArn, String partition, String account, String name) {
    this.roleArn = roleArn;
    this.partition = partition;
    this.account = account;
    this.roleName = name;
  }

  /** No check is deployed: synthetic ids are refused from every caller. */
  public static CheckCaller none() {
    return new CheckCaller(Optional.empty(), null, null, null);
  }

  /**
   * The check's role.
   *
   * @throws IllegalArgumentException naming {@code CHECK_ROLE_ARN} when it is not an IAM role ARN
   */
  public static CheckCaller role(String iamRoleArn) {
    Matcher role = ROLE.matcher(iamRoleArn);
    if (!role.matches()) {
      throw new IllegalArgumentException(
          EnvVars.CHECK_ROLE_ARN
              + " must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got '"
              + iamRoleArn
              + "'");
    }
    return new CheckCaller(Optional.of(iamRoleArn), role.group(1), role.group(2), role.group(3));
  }

  /** {@link #role} when the ARN is set, else {@link #none}. */
  public static CheckCaller fromSetting(String iamRoleArn) {
    return iamRoleArn == null ? none() : role(iamRoleArn);
  }

  /** Whether a caller API Gateway verified is a session of the check's role. */
  public boolean isCheck(String callerArn) {
    if (roleArn.isEmpty() || callerArn == null) {
      return false;
    }
    Matcher caller = ASSUMED_ROLE.matcher(callerArn);
    return caller.matches()
        && caller.group(1).equals(partition)
        && caller.group(2).equals(account)
        && caller.group(3).equals(roleName);
  }

  /** The role's ARN, for messages; empty when there is no check. */
  public Optional<String> roleArn() {
    return roleArn;
  }
}
