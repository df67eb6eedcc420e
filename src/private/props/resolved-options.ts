import type { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { AutoScalingOptions } from '../../auto-scaling';
import type { RestAuthorization } from '../../rest-authorization';
import type { TaskEgress } from '../../task-egress';

/**
 * One service's options as the construct builds it: what the user gave, with every default applied
 * (`defaults.ts`). A field that stays optional has no default: it is left out when not given.
 * A new option is added here too, required if it has a default.
 */
export interface ResolvedServiceOptions {
  readonly image: ecs.ContainerImage;
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  /** Undefined for an autoscaled service whose user did not set it. */
  readonly desiredCount?: number;
  readonly containerPort: number;
  readonly environment?: { [key: string]: string };
  readonly secrets?: { [key: string]: ecs.Secret };
  readonly containerName: string;
  readonly command?: string[];
  readonly entryPoint?: string[];
  readonly dockerLabels?: { [key: string]: string };
  /** Undefined for the default: the awslogs driver, to the construct's log group. */
  readonly logDriver?: ecs.LogDriver;
  readonly readonlyRootFilesystem: boolean;
  readonly stopTimeout?: Duration;
  readonly ephemeralStorageGiB?: number;
  readonly taskRole?: iam.IRole;
  readonly executionRole?: iam.IRole;
  readonly enableExecuteCommand: boolean;
  readonly healthCheckPath: string;
  readonly healthCheckInterval: Duration;
  /** Undefined for the load balancer's default. */
  readonly healthCheckTimeout?: Duration;
  readonly healthyThresholdCount: number;
  readonly unhealthyThresholdCount: number;
  readonly healthyHttpCodes: string;
  readonly deregistrationDelay: Duration;
  readonly containerHealthCheck?: ecs.HealthCheck;
  readonly cpuArchitecture: ecs.CpuArchitecture;
  readonly fargateSpot: boolean;
  readonly onDemandBaseTaskCount: number;
  readonly onDemandPercent: number;
  /** With the CPU target filled in when no target was given. */
  readonly autoScaling?: AutoScalingOptions;
  readonly healthCheckGracePeriod: Duration;
  readonly minHealthyPercent: number;
  readonly maxHealthyPercent: number;
  readonly deploymentStrategy: ecs.DeploymentStrategy;
  /** Undefined for ROLLING, which has no bake time. */
  readonly bakeTime?: Duration;
  readonly canaryConfiguration?: ecs.TrafficShiftConfig;
  readonly linearConfiguration?: ecs.TrafficShiftConfig;
  readonly deploymentAlarms?: cloudwatch.IAlarm[];
  readonly lifecycleHooks?: ecs.IDeploymentLifecycleHookTarget[];
  readonly containerLogRetention: logs.RetentionDays;
  readonly integrationTimeout?: Duration;
  readonly parameterMapping?: apigwv2.ParameterMapping;
  /** Undefined: the API's default authorizer. */
  readonly authorizer?: apigwv2.IHttpRouteAuthorizer;
  /** Undefined: the API's default scopes (with its default authorizer); empty: none. */
  readonly authorizationScopes?: string[];
  /** REST API only. Undefined: the API's default authorization. */
  readonly restAuthorization?: RestAuthorization;
  /** REST API only: whether its methods need an API key. */
  readonly apiKeyRequired?: boolean;
}

/**
 * The props every construct shares as the construct builds them, with every default applied: the
 * default service's options, and the network and API around every service. Each step of the
 * constructor reads this one object.
 */
export interface ResolvedBaseProps extends ResolvedServiceOptions {
  readonly vpc?: ec2.IVpc;
  readonly cluster?: ecs.ICluster;
  readonly containerInsights: boolean;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly taskEgress: TaskEgress;
  readonly natGatewayProvider?: ec2.NatProvider;
  /** 0 without NAT egress. */
  readonly natGateways: number;
  readonly vpcFlowLogs: boolean;
  readonly logBucket?: s3.IBucket;
  readonly apiName?: string;
  readonly defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer;
  readonly defaultAuthorizationScopes?: string[];
  readonly corsPreflight?: apigwv2.CorsPreflightOptions;
  readonly apiAccessLogs: boolean;
  readonly apiAccessLogGroup?: logs.ILogGroup;
  readonly apiAccessLogRetention: logs.RetentionDays;
  readonly throttlingRateLimit: number;
  readonly throttlingBurstLimit: number;
  readonly domainName?: string;
  readonly domainCertificate?: acm.ICertificate;
  readonly domainMutualTls?: apigwv2.MTLSConfig;
  readonly domainHostedZone?: route53.IHostedZone;
  readonly disableExecuteApiEndpoint: boolean;
  readonly logEncryptionKey?: kms.IKey;
  readonly recommendedAlarms: boolean;
  readonly dashboard: boolean;
  readonly dashboardName?: string;
  /** Undefined: left out of the template, which is IPv4. */
  readonly ipAddressType?: apigwv2.IpAddressType;
}
