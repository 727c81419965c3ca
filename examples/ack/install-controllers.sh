#!/usr/bin/env bash
# Installs the nine ACK controllers a FraudPipeline with backend ACK needs, from ACK's public
# Helm charts, each with its own IAM role through IRSA. The versions are those whose CRDs the
# operator is tested against (test-support/crds/ack).
#
#   CLUSTER_OIDC_ROLE_PREFIX=arn:aws:iam::111122223333:role/ack- AWS_REGION=us-east-1 \
#     examples/ack/install-controllers.sh
#
# Each role ack-<service>-controller must trust the cluster's OIDC provider for the service
# account ack-<service>-controller in namespace ack-system; docs/backends.md lists the policies.
# On EKS with the ACK capability, skip this script: the capability runs the controllers for you.
set -euo pipefail

: "${CLUSTER_OIDC_ROLE_PREFIX:?set it to the ARN prefix of the controllers roles, e.g. arn:aws:iam::111122223333:role/ack-}"
: "${AWS_REGION:?set it to the default region of the controllers}"
NAMESPACE="${ACK_NAMESPACE:-ack-system}"

# service=chart version
CONTROLLERS=(
  dynamodb=1.9.2
  sqs=1.6.1
  sns=1.6.0
  iam=1.8.1
  cloudwatchlogs=1.4.1
  cloudwatch=1.8.1
  lambda=1.14.1
  apigateway=1.8.1
  eventbridge=1.5.1
)

aws ecr-public get-login-password --region us-east-1 |
  helm registry login --username AWS --password-stdin public.ecr.aws

for entry in "${CONTROLLERS[@]}"; do
  service="${entry%%=*}"
  version="${entry#*=}"
  helm upgrade --install "ack-${service}-controller" \
    "oci://public.ecr.aws/aws-controllers-k8s/${service}-chart" \
    --version "${version}" \
    --namespace "${NAMESPACE}" --create-namespace \
    --set aws.region="${AWS_REGION}" \
    --set serviceAccount.name="ack-${service}-controller" \
    --set "serviceAccount.annotations.eks\.amazonaws\.com/role-arn=${CLUSTER_OIDC_ROLE_PREFIX}${service}-controller"
done
