import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { ILoadBalancedApiService, ServicePathOptions } from './api-service';
import type { RestAuthorization } from './rest-authorization';
import type { ServiceOptions } from './service-options';

/**
 * What runs in one Fargate service behind a REST API (`PrivateEcsRestApi`): the container, its task
 * size, its capacity and how it is deployed, and how the REST API's methods authorize its callers.
 */
export interface RestServiceOptions extends ServiceOptions {
  /**
   * How the service's methods authorize callers, in place of the API's `defaultAuthorization`:
   * `RestAuthorization.iam()`, `.cognito(authorizer, scopes)`, `.lambdaAuthorizer(authorizer)` or `.none()`.
   *
   * @default - the API's `defaultAuthorization`
   */
  readonly authorization?: RestAuthorization;

  /**
   * Whether the service's methods need an API key in the `x-api-key` header: with a key of one of the
   * API's `usagePlans`, its throttling and quota apply. API keys identify callers for usage plans;
   * they authorize nobody ("Don't use API keys for authentication or authorization"): keep
   * `authorization` for that.
   *
   * @default false
   */
  readonly apiKeyRequired?: boolean;
}

/** Options for another service behind the same REST API: `PrivateEcsRestApi.addService`. */
export interface AddRestServiceOptions extends RestServiceOptions, ServicePathOptions {}

/** A Fargate service behind the load balancer and REST API of a `PrivateEcsRestApi`, for one path prefix. */
export interface IRestApiService extends ILoadBalancedApiService {
  /** The REST API resource of its path prefix; `<pathPrefix>/{proxy+}` is its child. */
  readonly resource: apigw.IResource;
}
