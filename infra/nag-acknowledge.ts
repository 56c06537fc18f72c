import { type CfnResource, Stack, Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Acknowledges one cdk-nag finding on one construct (and its children), with the reason it is
 * acceptable. Kept as a thin wrapper so every acknowledgement in the app is greppable in one form.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag prints a reference to `resource`'s attribute inside a finding id, seen from `consumer`:
 * `<LogicalId.Arn>` in the same stack, the export name when the value crosses stacks. `exportValue` is
 * idempotent: it returns the same export CDK creates for the automatic cross-stack reference.
 */
export function nagArnRef(consumer: Stack, resource: IConstruct, arn: string): string {
  const producer = Stack.of(resource);
  if (producer === consumer) {
    return `<${producer.getLogicalId(resource.node.defaultChild as CfnResource)}.Arn>`;
  }
  const imported = producer.resolve(producer.exportValue(arn)) as { "Fn::ImportValue": string };
  return imported["Fn::ImportValue"];
}

/**
 * CDK's grants on KMS-encrypted resources (table, queues) allow `kms:GenerateDataKey*` and
 * `kms:ReEncrypt*` on the one key's ARN: the wildcard covers that action family, not other keys.
 */
export function acknowledgeKeyGrantWildcards(role: IConstruct): void {
  for (const action of ["kms:GenerateDataKey*", "kms:ReEncrypt*"]) {
    acknowledge(
      role,
      `AwsSolutions-IAM5[Action::${action}]`,
      `${action} comes from CDK's grant on the customer-managed key of the table/queues; the statement's ` +
        "resource is that single key ARN, the wildcard only spans the action's variants (e.g. WithoutPlaintext).",
    );
  }
}
