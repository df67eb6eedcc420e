import type { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { AutoScalingOptions } from './auto-scaling';

/**
 * What runs in one Fargate service behind the API, whichever API is in front: the container, its
 * task size, its capacity and how it is deployed.
 */
export interface ServiceOptions {
  /**
   * The container image the service runs.
   */
  readonly image: ecs.ContainerImage;

  /**
   * The number of vCPU units of the task (256 is 0.25 vCPU).
   *
   * Must form a pair Fargate accepts with `memoryLimitMiB`.
   *
   * @default - 256, or the smallest cpu Fargate pairs with `memoryLimitMiB` when that is set
   */
  readonly cpu?: number;

  /**
   * The memory of the task, in MiB.
   *
   * Must form a pair Fargate accepts with `cpu`.
   *
   * @default - 512, or the smallest memory Fargate pairs with `cpu` when that is set
   */
  readonly memoryLimitMiB?: number;

  /**
   * The number of tasks to keep running; spread across the Availability Zones.
   *
   * With `autoScaling`, leave it unset: the template then carries no task count, so a deploy
   * (a new image, say) keeps the count auto scaling has reached rather than resetting it. The first
   * deploy starts one task, and auto scaling brings the service up to `autoScaling.minCapacity`.
   * Set it with `autoScaling` only if every deploy should start from that count.
   *
   * @default - 2; with `autoScaling`, none (see above)
   */
  readonly desiredCount?: number;

  /**
   * The port the container listens on for HTTP.
   *
   * @default 80
   */
  readonly containerPort?: number;

  /**
   * Environment variables passed to the container.
   *
   * @default - no environment variables
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets from AWS Secrets Manager or SSM Parameter Store, exposed to the container as environment variables.
   *
   * @default - no secrets
   */
  readonly secrets?: { [key: string]: ecs.Secret };

  /**
   * The name of the service's container in its task definition; the load balancer's target group
   * (`PrivateEcsHttpApi`) and the Cloud Map registration (`PrivateEcsCloudMapHttpApi`) point at it.
   * Up to 255 letters, digits, hyphens and underscores, and unlike the name of any sidecar.
   *
   * @default 'web'
   */
  readonly containerName?: string;

  /**
   * The command the container runs, in place of the image's `CMD`.
   *
   * @default - the image's `CMD`
   */
  readonly command?: string[];

  /**
   * The entry point of the container, in place of the image's `ENTRYPOINT`.
   *
   * @default - the image's `ENTRYPOINT`
   */
  readonly entryPoint?: string[];

  /**
   * Docker labels of the container.
   *
   * @default - no labels
   */
  readonly dockerLabels?: { [key: string]: string };

  /**
   * Where the container's logs go, such as `ecs.LogDrivers.firelens({ ... })` to a FireLens
   * sidecar. With another driver than the default, the construct makes no container log group,
   * and `containerLogRetention` does not apply.
   *
   * @default - the awslogs driver, to a log group of the construct's kept for `containerLogRetention`
   */
  readonly logDriver?: ecs.LogDriver;

  /**
   * Mount the container's root filesystem read-only; the application may then write only to volumes.
   *
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;

  /**
   * How long ECS waits after it sends the container SIGTERM before it kills it: the time the
   * application has to finish its requests. Whole seconds, at most 120 on Fargate.
   *
   * @default - ECS's: Duration.seconds(30)
   */
  readonly stopTimeout?: Duration;

  /**
   * The ephemeral storage of each task, in GiB: from 21 to 200 on Fargate.
   *
   * @default - Fargate's: 20 GiB
   */
  readonly ephemeralStorageGiB?: number;

  /**
   * The role the application's AWS calls use. On a role of yours the construct acknowledges no
   * cdk-nag finding (such as the `ssmmessages` wildcard of `enableExecuteCommand`): the role may hold
   * statements of yours too, so what cdk-nag reports there is yours to judge.
   *
   * @default - a new role
   */
  readonly taskRole?: iam.IRole;

  /**
   * The role ECS uses to start the tasks: to pull the image, write the logs and read the `secrets`.
   * On a role of yours the construct acknowledges no cdk-nag finding (such as the
   * `ecr:GetAuthorizationToken` wildcard), as for `taskRole`.
   *
   * @default - a new role
   */
  readonly executionRole?: iam.IRole;

  /**
   * Allow ECS Exec (`aws ecs execute-command`) into the service's containers. The task role is
   * given the `ssmmessages` permissions it needs; with `taskEgress` VPC_ENDPOINTS the construct
   * adds the `ssmmessages` endpoint. It changes the service, not the task definition: tasks already
   * running may not have it until a new deployment replaces them.
   *
   * @default false
   */
  readonly enableExecuteCommand?: boolean;

  /**
   * The path the load balancer requests to decide whether a task is healthy; it must answer 200-399.
   * Only with a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;

  /**
   * How often the load balancer health-checks each task; whole seconds from 5 to 300, longer than
   * `healthCheckTimeout`. Only with a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default Duration.seconds(15)
   */
  readonly healthCheckInterval?: Duration;

  /**
   * How long the load balancer waits for a task to answer a health check before it counts as
   * failed; whole seconds from 2 to 120, shorter than `healthCheckInterval`. Only with a load
   * balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default - the load balancer's default for IP targets, 5 seconds
   */
  readonly healthCheckTimeout?: Duration;

  /**
   * How many health checks in a row a task must pass to count as healthy again (and, when it has
   * just started, to receive requests); from 2 to 10. Only with a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default 2
   */
  readonly healthyThresholdCount?: number;

  /**
   * How many health checks in a row a task must fail to count as unhealthy, after which the load
   * balancer stops sending it requests and ECS replaces it; from 2 to 10. Only with a load
   * balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default 3
   */
  readonly unhealthyThresholdCount?: number;

  /**
   * The HTTP codes that make a health check pass: codes from 200 to 499, as a range such as
   * `'200-299'` or a list such as `'200,204'`. Only with a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default '200-399'
   */
  readonly healthyHttpCodes?: string;

  /**
   * How long the load balancer lets a task that is being stopped finish its requests before it
   * deregisters it; whole seconds from 0 to 3600. Each deployment waits this long for the old
   * tasks. Only with a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`).
   *
   * @default Duration.seconds(30)
   */
  readonly deregistrationDelay?: Duration;

  /**
   * A health check that ECS runs inside the container, such as
   * `{ command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] }`; the image must have the
   * command. ECS replaces a task that fails it, and a deployment whose tasks fail it rolls back.
   * Without a load balancer (`PrivateEcsCloudMapHttpApi`) it is the only health check: ECS reports
   * each task's health to Cloud Map, and API Gateway sends requests only to healthy tasks.
   *
   * @default - no container health check: a running task counts as healthy to ECS
   */
  readonly containerHealthCheck?: ecs.HealthCheck;

  /**
   * The CPU architecture of the tasks. ARM64 (Graviton) costs about 20% less than X86_64 for the
   * same size; the image must be built for it.
   *
   * @default - ecs.CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;

  /**
   * Run the tasks on Fargate Spot: about 70% cheaper, but AWS may stop a task with two minutes'
   * notice when it needs the capacity back. X86_64 and ARM64 tasks alike (ARM64 on platform
   * version 1.4.0 or later, which is Fargate's `LATEST`).
   *
   * The cluster must have the FARGATE_SPOT capacity provider; a cluster this construct creates has it.
   *
   * @default false
   */
  readonly fargateSpot?: boolean;

  /**
   * With `fargateSpot`, how many tasks run on regular (on-demand) Fargate before any runs on
   * Spot: AWS does not reclaim them, so the service keeps them when Spot capacity is taken back.
   * An integer from 0 to 100000. Only with `fargateSpot`.
   *
   * @default 0
   */
  readonly onDemandBaseTaskCount?: number;

  /**
   * With `fargateSpot`, the share of the tasks above `onDemandBaseTaskCount`, in percent, that
   * run on regular (on-demand) Fargate; the rest run on Spot. An integer from 0 to 100. Only with
   * `fargateSpot`.
   *
   * @default 0
   */
  readonly onDemandPercent?: number;

  /**
   * Scale the number of tasks with the load.
   *
   * @default - a fixed number of tasks: `desiredCount`
   */
  readonly autoScaling?: AutoScalingOptions;

  /**
   * How long after a task starts the service ignores failed health checks: the load balancer's
   * (`PrivateEcsHttpApi`) and the container's (`containerHealthCheck`, the only one with
   * `PrivateEcsCloudMapHttpApi`).
   *
   * @default Duration.seconds(60)
   */
  readonly healthCheckGracePeriod?: Duration;

  /**
   * The lowest share of `desiredCount`, in percent, that must stay running and healthy during a
   * deployment. 100 keeps full capacity while new tasks start.
   *
   * @default 100
   */
  readonly minHealthyPercent?: number;

  /**
   * The highest share of `desiredCount`, in percent, that may run during a deployment.
   *
   * @default 200
   */
  readonly maxHealthyPercent?: number;

  /**
   * How ECS deploys a new revision of the service.
   *
   * `ROLLING` replaces tasks a few at a time, within `minHealthyPercent` and `maxHealthyPercent`.
   * `BLUE_GREEN`, `CANARY` and `LINEAR` start a full set of new tasks beside the old ones, in a
   * second target group, and shift the load balancer's traffic to them: all at once, a share
   * first (`canaryConfiguration`), or in steps (`linearConfiguration`). Both sets run for
   * `bakeTime` after the shift, and ECS shifts back if a deployment alarm goes off or a lifecycle
   * hook fails. The construct makes the second target group, the listener rule ECS shifts and the
   * role it shifts with.
   *
   * @default ecs.DeploymentStrategy.ROLLING
   */
  readonly deploymentStrategy?: ecs.DeploymentStrategy;

  /**
   * How long the old and the new tasks both run after the traffic has shifted, before ECS stops
   * the old ones; ECS can still roll back until then. Whole minutes from 0 to 1440. Only with a
   * `deploymentStrategy` other than `ROLLING`.
   *
   * @default - Duration.minutes(10) for BLUE_GREEN, CANARY and LINEAR
   */
  readonly bakeTime?: Duration;

  /**
   * The share of traffic a `CANARY` deployment shifts first, and how long it waits before it
   * shifts the rest. Only with `deploymentStrategy` `CANARY`.
   *
   * @default - ECS's: 5 percent, for 10 minutes
   */
  readonly canaryConfiguration?: ecs.TrafficShiftConfig;

  /**
   * The share of traffic each step of a `LINEAR` deployment shifts, and how long it waits
   * between steps. Only with `deploymentStrategy` `LINEAR`.
   *
   * @default - ECS's: 10 percent a step, 6 minutes apart
   */
  readonly linearConfiguration?: ecs.TrafficShiftConfig;

  /**
   * CloudWatch alarms that roll a deployment back when they go off, with any strategy, `ROLLING`
   * included. With `recommendedAlarms`, the service's unhealthy-target and target-5xx alarms are
   * added to them.
   *
   * @default - with `recommendedAlarms`, those two alarms; otherwise none
   */
  readonly deploymentAlarms?: cloudwatch.IAlarm[];

  /**
   * Functions ECS calls at stages of a deployment, such as an
   * `ecs.DeploymentLifecycleLambdaTarget` that tests the new tasks through the test listener
   * before production traffic shifts to them; a failure rolls the deployment back. Only with a
   * `deploymentStrategy` other than `ROLLING`.
   *
   * @default - no lifecycle hooks
   */
  readonly lifecycleHooks?: ecs.IDeploymentLifecycleHookTarget[];

  /**
   * How long the container's logs are kept in CloudWatch Logs.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly containerLogRetention?: logs.RetentionDays;

  /**
   * How long the API waits for this service before it answers 503 (HTTP API) or 504 (REST API):
   * from 50 milliseconds to 30 seconds, the HTTP API limit; behind a REST API (`PrivateEcsRestApi`)
   * up to 29 seconds, or more once the account's integration timeout quota is raised for a Regional
   * or private API (the construct warns above 29 seconds).
   *
   * @default - API Gateway's default: 30 seconds for HTTP APIs, 29 seconds for REST APIs
   */
  readonly integrationTimeout?: Duration;
}

/**
 * What runs in one Fargate service behind the HTTP API: the container, its task size, its capacity
 * and how it is deployed, and how the HTTP API's routes reach it and authorize its callers.
 */
export interface ContainerServiceOptions extends ServiceOptions {
  /**
   * How the API rewrites requests on their way to this service, such as
   * `.appendHeader('x-api-request-id', apigwv2.MappingValue.contextVariable('requestId'))`.
   *
   * Each service has its own integration, so a mapping applies to its own routes only. A mapping
   * that overwrites the path (`overwritePath`) is refused where it would misroute or could not work:
   * with `PrivateEcsHttpApi`, whose load balancer routes added services by path, the new path must
   * stay under an added service's `pathPrefix`, and outside every added service's for the default
   * service; with `PrivateEcsCloudMapHttpApi` each integration calls its own service's tasks, so any
   * new path stays with the service. On both, a new path made of `$request.path.proxy` is refused,
   * since the routes without `{proxy+}` (`ANY /`, `ANY /<pathPrefix>`) share the integration and have
   * no such parameter, and so is any path rewrite of an added service with `stripPathPrefix`, which
   * sets the path itself. To send an added service the path below its prefix, set `stripPathPrefix`.
   *
   * @default - requests pass through unchanged
   */
  readonly parameterMapping?: apigwv2.ParameterMapping;

  /**
   * The authorizer of this service's routes, such as an `HttpIamAuthorizer` for machine callers;
   * `new HttpNoneAuthorizer()` makes them public (the construct then warns). On the construct's props
   * it is the default service's (`ANY /` and `ANY /{proxy+}`), where `defaultAuthorizer` is the whole
   * API's, the routes you add with `httpApi.addRoutes` included.
   *
   * @default - the API's `defaultAuthorizer`
   */
  readonly authorizer?: apigwv2.IHttpRouteAuthorizer;

  /**
   * The OAuth scopes a caller's token must have one of, on this service's routes, in place of the
   * API's `defaultAuthorizationScopes`. Only with a JWT authorizer (`HttpJwtAuthorizer` or
   * `HttpUserPoolAuthorizer`), this service's own or the API's default. On the construct's props they
   * are the default service's, as `authorizer` is.
   *
   * @default - the API's `defaultAuthorizationScopes` when the service uses the default authorizer; none when it
   * has its own (an `HttpNoneAuthorizer` or `HttpIamAuthorizer` service drops the API's scopes)
   */
  readonly authorizationScopes?: string[];
}
