import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';

/** A CloudFormation template, as synthesized. */
export type Template = { readonly Resources?: { readonly [logicalId: string]: TemplateResource } };
interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly [name: string]: any };
}

/**
 * The resources whose replacement takes the service down or loses what users keep: the ECS services
 * (a new service starts from one task, under a new name), the API and its stage, custom domain and VPC
 * link (new URLs, a new link that takes minutes), the load balancer, its listeners and target groups,
 * the log bucket, the VPC and the Cloud Map namespace and services, and the web ACL association
 * (a replaced one is deleted after its successor exists, and takes the web ACL off the load balancer
 * or the stage).
 *
 * For a REST API, also its resources and methods (a replaced one is a path that moved or a method
 * made anew, which only a change of the path should do), its usage plans and their keys' associations
 * (callers' quotas, and the keys they hold), its custom domain and base path mapping. Not its
 * AWS::ApiGateway::Deployment: a deployment is a snapshot of the methods, which CloudFormation cannot
 * update, so aws-cdk-lib's RestApi names it by a hash of every method, resource and the API itself
 * (`latestDeployment`), and each change of them is a new deployment, which the stage moves to in
 * place, and the old one deleted after. That is the only way a change of a method reaches the stage:
 * it is expected, on every such change, and loses nothing.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-deploy-api.html
 */
export const KEPT_RESOURCE_TYPES = [
  'AWS::ECS::Service',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Stage',
  'AWS::ApiGatewayV2::DomainName',
  'AWS::ApiGatewayV2::ApiMapping',
  'AWS::ApiGatewayV2::VpcLink',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::UsagePlanKey',
  'AWS::ApiGateway::DomainName',
  'AWS::ApiGateway::BasePathMapping',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::S3::Bucket',
  'AWS::EC2::VPC',
  'AWS::ServiceDiscovery::PrivateDnsNamespace',
  'AWS::ServiceDiscovery::Service',
  'AWS::WAFv2::WebACLAssociation',
] as const;

const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const DEPLOYMENT = 'AWS::ApiGateway::Deployment';

/** One resource CloudFormation replaces, and the properties that make it. */
export interface Replacement {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: readonly string[];
}

/** What a stack update from `before` to `after` does, as `cdk diff` computes it. */
export interface UpdateReport {
  /** Every resource replaced, of any type. */
  readonly replaced: readonly Replacement[];
  /** Kept resources replaced, or removed while another of their type is added (a moved logical id). */
  readonly keptReplaced: readonly Replacement[];
  /** Resources removed and added, by logical id. */
  readonly removed: readonly string[];
  readonly added: readonly string[];
  /** Listener rules that take a priority another rule still holds while CloudFormation updates. */
  readonly priorityClashes: readonly string[];
  /** Listener rules whose weights ECS manages (a shifting service's production and test rules) that the update changes or deletes. */
  readonly shiftedRulesTouched: readonly string[];
  /** Whether a REST API's deployment is a new one, which its stage moves to: by design, at every change of its methods (see KEPT_RESOURCE_TYPES). */
  readonly newDeployment: boolean;
}

/**
 * Computes what CloudFormation does when a stack deployed from `before` is updated to `after`, with
 * the change rules of `cdk diff` (@aws-cdk/cloudformation-diff): which resources it replaces, and the
 * two failures that the rules alone do not show. CloudFormation updates and creates resources before
 * it deletes the removed ones, in the cleanup phase, so a rule that moves to, or is created with, a
 * priority that a rule of `before` holds fails the update with PriorityInUse; and an update of a listener
 * rule whose weights ECS shifts writes the template's weights back over ECS's.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-direct.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetRulePriorities.html
 */
export function computeUpdate(before: Template, after: Template): UpdateReport {
  const diff = fullDiff(before, after);
  const replaced: Replacement[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  const changed = new Set<string>();
  diff.resources.forEachDifference((logicalId, change) => {
    if (change.isAddition) {
      added.push(logicalId);
    } else if (change.isRemoval) {
      removed.push(logicalId);
    } else if (Object.keys(change.propertyUpdates).length > 0) {
      // Only a property change is sent to the resource: Metadata or DependsOn alone is not.
      changed.add(logicalId);
    }
    if (change.changeImpact === ResourceImpact.WILL_REPLACE || change.changeImpact === ResourceImpact.MAY_REPLACE) {
      const properties = Object.entries(change.propertyUpdates)
        .filter(([, update]) => update.changeImpact === ResourceImpact.WILL_REPLACE || update.changeImpact === ResourceImpact.MAY_REPLACE)
        .map(([name]) => name);
      replaced.push({ logicalId, type: change.newResourceType ?? change.oldResourceType ?? '?', properties });
    }
  });
  const kept = new Set<string>(KEPT_RESOURCE_TYPES);
  const typeOf = (template: Template, id: string) => template.Resources?.[id]?.Type ?? '?';
  const moved = removed
    .filter(id => kept.has(typeOf(before, id)) && added.some(other => typeOf(after, other) === typeOf(before, id)))
    .map(id => ({ logicalId: id, type: typeOf(before, id), properties: ['(removed while another of its type is added: a moved logical id?)'] }));
  const replacedIds = new Set(replaced.map(r => r.logicalId));
  return {
    replaced,
    keptReplaced: [...replaced.filter(r => kept.has(r.type)), ...moved],
    removed,
    added,
    priorityClashes: priorityClashes(before, after, replacedIds),
    // A rule deleted with its service is no one's; one deleted or rewritten under a running service resets what ECS shifted.
    shiftedRulesTouched: shiftedRules(before)
      .filter(({ service }) => after.Resources?.[service])
      .map(({ rule }) => rule)
      .filter(id => !after.Resources?.[id] || changed.has(id) || replacedIds.has(id)),
    newDeployment: added.some(id => typeOf(after, id) === DEPLOYMENT) && removed.some(id => typeOf(before, id) === DEPLOYMENT),
  };
}

interface Rule {
  readonly listener: string;
  readonly priority: number;
}

function listenerRules(template: Template): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type === LISTENER_RULE) {
      rules.set(id, { listener: JSON.stringify(resource.Properties?.ListenerArn), priority: resource.Properties?.Priority });
    }
  }
  return rules;
}

/**
 * The rules of `after` that are created, replaced or moved to a priority that another rule of
 * `before` (or the replaced rule itself) holds on the same listener: CloudFormation orders neither
 * the updates of unrelated rules nor the deletion before the creation.
 */
function priorityClashes(before: Template, after: Template, replaced: ReadonlySet<string>): string[] {
  const old = listenerRules(before);
  const clashes: string[] = [];
  for (const [id, rule] of listenerRules(after)) {
    const previous = old.get(id);
    const fresh = previous === undefined || replaced.has(id);
    if (!fresh && previous.priority === rule.priority) {
      continue;
    }
    for (const [otherId, other] of old) {
      const stillHeld = otherId !== id || fresh;
      if (stillHeld && other.listener === rule.listener && other.priority === rule.priority) {
        clashes.push(`${id} takes priority ${rule.priority}, held by ${otherId} until the update is done`);
      }
    }
  }
  return clashes;
}

/** The listener rules that ECS shifts traffic on (a shifting service's production and test listener rules), with their service. */
function shiftedRules(template: Template): Array<{ rule: string; service: string }> {
  const ids: Array<{ rule: string; service: string }> = [];
  for (const [service, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::ECS::Service') {
      continue;
    }
    for (const loadBalancer of resource.Properties?.LoadBalancers ?? []) {
      const advanced = loadBalancer.AdvancedConfiguration;
      for (const rule of [advanced?.ProductionListenerRule, advanced?.TestListenerRule]) {
        if (rule?.Ref) {
          ids.push({ rule: rule.Ref, service });
        }
      }
    }
  }
  return ids;
}
