import { Token } from 'aws-cdk-lib';

/**
 * An Application Load Balancer's rule priorities: 1 to 50,000, unique on each listener, the lowest
 * evaluated first. The default service's catch-all rule (blue/green, canary, linear) takes the last.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listenerrule.html#cfn-elasticloadbalancingv2-listenerrule-priority
 */
export const LISTENER_RULE_PRIORITIES = { min: 1, max: 50_000, catchAll: 50_000 } as const;

/**
 * The default priorities of added services' rules: 1 to 999 are left to the user's own rules, and
 * earlier versions of the construct numbered the rules 10, 20, 30 in the order of `addService`, below
 * 1,000, so an upgrade never moves a rule onto a priority an older rule still holds.
 */
const DEFAULT_RANGE = { min: 1_000, max: 49_999 } as const;

/**
 * The listener rule priority of an added service that does not set one: a hash of its construct id,
 * which names its resources too, so it stays the same whatever services are added, removed or
 * reordered around it. CloudFormation updates and creates resources before it deletes removed ones,
 * so a priority taken from the order of the `addService` calls would move onto the priority of a
 * rule that is still there, and the load balancer refuses that (PriorityInUse).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-direct.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetRulePriorities.html
 */
export function defaultListenerRulePriority(serviceId: string): number {
  // FNV-1a, 32 bits: small, stable across Node versions and platforms, and spreads short ids well.
  // It is defined on bits, hence the bitwise operators.
  let hash = 0x811c9dc5;
  for (const char of serviceId) {
    /* eslint-disable no-bitwise */
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    /* eslint-enable no-bitwise */
  }
  return DEFAULT_RANGE.min + (hash % (DEFAULT_RANGE.max - DEFAULT_RANGE.min + 1));
}

/** An added service's rule priority, and the id of the service whose rule has it. */
export interface TakenPriority {
  readonly serviceId: string;
  readonly priority: number;
}

/**
 * The priority of service `serviceId`'s rule: `given`, or its default; refused when out of range or
 * already another service's.
 */
export function resolveListenerRulePriority(serviceId: string, given: number | undefined, taken: readonly TakenPriority[]): number {
  if (given !== undefined && Token.isUnresolved(given)) {
    // Known at deploy time only: the load balancer checks it then.
    return given;
  }
  const { min, max } = LISTENER_RULE_PRIORITIES;
  if (given !== undefined && (!Number.isInteger(given) || given < min || given >= max)) {
    throw new Error(
      `listenerRulePriority of service '${serviceId}' must be an integer from ${min} to ${max - 1} (${max} is the default service's), got ${given}`,
    );
  }
  const priority = given ?? defaultListenerRulePriority(serviceId);
  const clash = taken.find(other => other.priority === priority);
  if (clash) {
    throw new Error(
      `listenerRulePriority ${priority} of service '${serviceId}' is already that of service '${clash.serviceId}'${given === undefined ? ' (both derived from their ids)' : ''}: `
      + `set listenerRulePriority on '${serviceId}', the service you are adding, to a free priority from ${min} to ${max - 1} `
      + '(a new priority for a deployed service that shifts traffic rewrites the rule ECS shifts)',
    );
  }
  return priority;
}
