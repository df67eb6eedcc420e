import * as ecs from 'aws-cdk-lib/aws-ecs';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../src';
import { type TestConfiguration, TUTORIAL_DEFAULT } from './integ/configurations';

const sampleImage = () => ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest');
const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost/ > /dev/null || exit 1'] };

/**
 * The dashboard on both backends, each with an added service (and, with the load balancer, the
 * recommended alarms it shows), for the cdk-nag runs: not integ configurations, whose snapshots
 * stay as they are, but with the tutorial's acknowledgements.
 */
export const DASHBOARD_CONFIGURATIONS: readonly TestConfiguration[] = [
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
