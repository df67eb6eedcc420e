import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../src';
import type { PrivateEcsHttpApiBase } from '../src';
import { CLOUD_MAP, type TestConfiguration, TUTORIAL_DEFAULT } from './integ/configurations';

/**
 * Scenarios that only cdk-nag checks (test/nag.test.ts with cdk-nag 2, test/nag3.test.ts with cdk-nag 3),
 * beside the integ configurations, whose snapshots stay as they are: the dashboard, sidecars, ECS Exec and
 * a FireLens log router, each with the tutorial's acknowledgements.
 */

const sampleImage = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest');
const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost/ > /dev/null || exit 1'] };

/**
 * The dashboard on both backends, each with an added service (and, with the load balancer, the
 * recommended alarms it shows), for the cdk-nag runs: not integ configurations, whose snapshots
 * stay as they are, but with the tutorial's acknowledgements.
 */
const DASHBOARD_SCENARIOS: readonly TestConfiguration[] = [
  {
    ...TUTORIAL_DEFAULT,
    name: 'dashboard-load-balancer',
    description: 'the dashboard, with a load balancer, an added service and the recommended alarms',
    build: scope => {
      const api = new PrivateEcsHttpApi(scope, 'Api', { image: sampleImage(), dashboard: true, recommendedAlarms: true });
      api.addService('Orders', { image: sampleImage(), pathPrefix: '/orders' });
      return api;
    },
  },
  {
    ...TUTORIAL_DEFAULT,
    name: 'dashboard-cloud-map',
    description: 'the dashboard, with Cloud Map and an added service',
    build: scope => {
      const api = new PrivateEcsCloudMapHttpApi(scope, 'Api', { image: sampleImage(), containerHealthCheck: HEALTH_CHECK, dashboard: true });
      api.addService('Orders', { image: sampleImage(), pathPrefix: '/orders', containerHealthCheck: HEALTH_CHECK });
      return api;
    },
  },
];

/** The README's sidecar: an ADOT collector that logs to the service's container log group. */
export function addCollector(api: { taskDefinition: ecs.FargateTaskDefinition; containerLogGroup?: logs.ILogGroup }, image = COLLECTOR_IMAGE) {
  return api.taskDefinition.addContainer('Collector', {
    containerName: 'otel-collector',
    image: ecs.ContainerImage.fromRegistry(image),
    essential: false,
    command: ['--config=/etc/ecs/ecs-default-config.yaml'],
    logging: ecs.LogDrivers.awsLogs({ logGroup: api.containerLogGroup!, streamPrefix: 'otel-collector' }),
  });
}

export const COLLECTOR_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.1';

/** Sidecars, ECS Exec and FireLens: the policies a sidecar or ECS Exec makes must be acknowledged where they are inherent. */
const CONTAINER_SCENARIOS: readonly TestConfiguration[] = [
  ...[TUTORIAL_DEFAULT, CLOUD_MAP].map(configuration => ({
    ...configuration,
    name: `${configuration.name}-with-sidecar`,
    description: `${configuration.description}, with the README's sidecar`,
    build: (scope: Parameters<TestConfiguration['build']>[0]) => {
      const api = configuration.build(scope) as PrivateEcsHttpApiBase;
      addCollector(api);
      return api as ReturnType<TestConfiguration['build']>;
    },
  })),
  {
    ...TUTORIAL_DEFAULT,
    name: 'execute-command',
    description: 'ECS Exec: the task role\'s ssmmessages actions, which have no resource-level permissions',
    build: scope => new PrivateEcsHttpApi(scope, 'Api', { image: sampleImage(), enableExecuteCommand: true }),
  },
  {
    ...TUTORIAL_DEFAULT,
    name: 'firelens',
    description: 'the README\'s FireLens log router, whose execution role policy only the log router makes',
    build: scope => {
      const api = new PrivateEcsHttpApi(scope, 'Api', {
        image: sampleImage(),
        logDriver: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch_logs', region: 'us-east-1', log_group_name: '/web' } }),
      });
      api.taskDefinition.addFirelensLogRouter('LogRouter', {
        image: ecs.obtainDefaultFluentBitECRImage(api.taskDefinition),
        firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT },
        logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'firelens' }),
      });
      return api;
    },
  },
];

/** Every scenario cdk-nag checks beside the integ configurations. */
export const NAG_SCENARIOS: readonly TestConfiguration[] = [...DASHBOARD_SCENARIOS, ...CONTAINER_SCENARIOS];
