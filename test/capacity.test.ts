import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { PrivateEcsCloudMapHttpApi } from '../src';
import type { Scenario } from './util';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };

describe('Fargate Spot with an on-demand base and share', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ fargateSpot: true, onDemandBaseTaskCount: 2, onDemandPercent: 25 }, api => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', fargateSpot: true, onDemandBaseTaskCount: 1 });
      api.addService('Reports', { image: SAMPLE_IMAGE, pathPrefix: '/reports', fargateSpot: true, onDemandPercent: 100 });
    });
  });

  test('runs the base on FARGATE, then one task in four on FARGATE and three on FARGATE_SPOT', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: Match.absent(),
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Base: 2, Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
      ],
    });
  });

  test('a base alone puts every task above it on FARGATE_SPOT', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Base: 1, Weight: 0 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
      ],
    });
  });

  test('100 percent puts every task on FARGATE, and keeps FARGATE_SPOT in the strategy at weight 0', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Weight: 1, Base: Match.absent() },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 0 },
      ],
    });
  });

  test('only one provider has a base, as ECS requires', () => {
    const services = Object.values(scenario.template.findResources('AWS::ECS::Service'));
    for (const service of services) {
      const strategy = service.Properties.CapacityProviderStrategy as { Base?: number }[];
      expect(strategy.filter(item => item.Base !== undefined).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('Fargate Spot alone', () => {
  test('is written as it always was: FARGATE_SPOT with weight 1', () => {
    synthesize({ fargateSpot: true, onDemandBaseTaskCount: 0, onDemandPercent: 0 }).template.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
    });
  });
});

describe('the capacity mix with Cloud Map', () => {
  test('is the same strategy', () => {
    const stack = newStack();
    new PrivateEcsCloudMapHttpApi(stack, 'Api', {
      image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, fargateSpot: true, onDemandBaseTaskCount: 1, onDemandPercent: 50,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Base: 1, Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
      ],
    });
  });
});

describe('Fargate Spot on a cluster the construct cannot see', () => {
  function onImportedCluster(onDemandBaseTaskCount?: number) {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-12345678',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-1', 'subnet-2'],
    });
    const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc });
    return synthesize({ cluster, fargateSpot: true, onDemandBaseTaskCount }, undefined, stack);
  }

  test('warns that the imported cluster must have FARGATE_SPOT', () => {
    const { stack } = onImportedCluster();
    Annotations.fromStack(stack).hasWarning('/TestStack/Api',
      Match.stringLikeRegexp('fargateSpot is set on an imported cluster.*unless the cluster has FARGATE_SPOT.*\\[ack: cdk-private-ecs-http-api:spotOnImportedCluster\\]'));
  });

  test('names both providers with an on-demand base', () => {
    const { stack } = onImportedCluster(1);
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('unless the cluster has FARGATE and FARGATE_SPOT'));
  });

  test('does not warn on an ecs.Cluster of the app, which the construct gives both providers', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
    const { template } = synthesize({ cluster, fargateSpot: true }, undefined, stack);
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('spotOnImportedCluster'));
  });

  test('does not warn on the construct\'s own cluster', () => {
    const { stack } = synthesize({ fargateSpot: true });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('spotOnImportedCluster'));
  });
});

describe('a bad capacity mix', () => {
  test('fails when onDemandBaseTaskCount is given without fargateSpot', () => {
    expect(() => build({ onDemandBaseTaskCount: 2 })).toThrow(/onDemandBaseTaskCount applies only with fargateSpot, got 2/);
  });

  test('fails when onDemandPercent is given without fargateSpot', () => {
    expect(() => build({ fargateSpot: false, onDemandPercent: 50 })).toThrow(/onDemandPercent applies only with fargateSpot, got 50/);
  });

  test('fails when onDemandBaseTaskCount is above ECS\'s 100000', () => {
    expect(() => build({ fargateSpot: true, onDemandBaseTaskCount: 100_001 })).toThrow(/onDemandBaseTaskCount must be an integer between 0 and 100000, got 100001/);
  });

  test('fails when onDemandBaseTaskCount is negative', () => {
    expect(() => build({ fargateSpot: true, onDemandBaseTaskCount: -1 })).toThrow(/onDemandBaseTaskCount must be an integer between 0 and 100000/);
  });

  test('fails when onDemandPercent is above 100', () => {
    expect(() => build({ fargateSpot: true, onDemandPercent: 101 })).toThrow(/onDemandPercent must be an integer between 0 and 100, got 101/);
  });

  test('fails when onDemandPercent is not whole', () => {
    expect(() => build({ fargateSpot: true, onDemandPercent: 12.5 })).toThrow(/onDemandPercent must be an integer/);
  });

  test('fails for an added service too', () => {
    const api = build({});
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', onDemandPercent: 10 })).toThrow(/onDemandPercent applies only with fargateSpot/);
  });
});
