import { Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { createServiceAlarms } from './alarms';
import type { ResolvedServiceOptions } from './defaults';
import type { FargateServicePlacement, FargateServiceResources } from './fargate-service';
import { createFargateService } from './fargate-service';
import { configureAutoScaling } from './scaling';
import { requireImageInRegionalEcr } from './validate';
import type { TaskVpcEndpoints } from './vpc-endpoints';

/** What every service behind the API plugs into: the same cluster, listener and endpoints. */
export interface BackendWiring {
  readonly placement: FargateServicePlacement;
  readonly listener: elbv2.ApplicationListener;
  readonly endpoints?: TaskVpcEndpoints;
  readonly recommendedAlarms: boolean;
}

/** How the listener picks a service: as its default action, or by a path prefix rule. */
export interface ListenerRouting {
  readonly pathPrefix: string;
  readonly priority: number;
}

/** A Fargate service wired to the listener, and its alarms. */
export interface Backend extends FargateServiceResources {
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * Creates a Fargate service and wires it in: the listener forwards to it (by default, or for
 * `routing.pathPrefix`), the VPC endpoints admit its tasks, and it scales and alarms as asked.
 */
export function createBackend(
  scope: Construct,
  wiring: BackendWiring,
  options: ResolvedServiceOptions,
  routing?: ListenerRouting,
): Backend {
  const resources = createFargateService(scope, wiring.placement, options);
  const targetGroups = [resources.targetGroup];
  if (routing) {
    wiring.listener.addTargetGroups(scope.node.id, {
      targetGroups,
      priority: routing.priority,
      conditions: [elbv2.ListenerCondition.pathPatterns([routing.pathPrefix, `${routing.pathPrefix}/*`])],
    });
  } else {
    wiring.listener.addTargetGroups('Default', { targetGroups });
  }
  if (wiring.endpoints) {
    requireImageInRegionalEcr(resources.taskDefinition.defaultContainer!.imageName, Stack.of(scope).region);
  }
  wiring.endpoints?.allowTasks(resources.securityGroup, options.secrets !== undefined && Object.keys(options.secrets).length > 0);
  if (options.autoScaling) {
    configureAutoScaling(resources.service, resources.targetGroup, options.autoScaling);
  }
  const alarms = wiring.recommendedAlarms ? createServiceAlarms(scope, resources.service, resources.targetGroup) : [];
  return { ...resources, alarms };
}
