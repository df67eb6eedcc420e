import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { AddServiceOptions } from './api-service';
import type { PrivateEcsHttpApiBaseProps } from './base-props';
import { createApiFront } from './private/api/api-front';
import { HttpFront } from './private/api/http-front';
import type { AddedServiceConstruct, AddedServiceRequest, ServiceBackend, WiredService } from './private/backends/service-backend';
import { resolveHttpFrontProps } from './private/props/defaults';
import { validateGivenHttpProps, validateResolvedHttpProps } from './private/props/validate-base';
import { PrivateEcsApiBase } from './private-ecs-api-base';

/**
 * What `PrivateEcsHttpApi` and `PrivateEcsCloudMapHttpApi` share: the network and cluster the
 * services run in, the HTTP API in front of them, the VPC link between, and the one path every
 * service takes, the default one and each added one. Each subclass chooses its backend (a load
 * balancer, or Cloud Map), which wires each service in and makes its integration.
 */
export abstract class PrivateEcsHttpApiBase extends PrivateEcsApiBase {
  /** The HTTP API: the only way in from outside the VPC. */
  public readonly httpApi: apigwv2.HttpApi;

  /** The API's `$default` stage, which deploys every change automatically. */
  public readonly stage: apigwv2.HttpStage;

  /**
   * The URL clients call: the `$default` stage's `execute-api` URL, such as
   * `https://abc123.execute-api.us-east-1.amazonaws.com/`, or `https://<domainName>/` when
   * `disableExecuteApiEndpoint` is set.
   */
  public readonly apiEndpoint: string;

  /** The log group of the API's access logs, if they are on. */
  public readonly apiAccessLogGroup?: logs.ILogGroup;

  /** The API's custom domain, if `domainName` is set. */
  public readonly customDomain?: apigwv2.DomainName;

  /**
   * The URL of the custom domain, `https://<domainName>/`, if `domainName` is set: beside
   * `apiEndpoint`, which stays the `execute-api` URL unless `disableExecuteApiEndpoint` is set.
   */
  public readonly customDomainUrl?: string;

  private readonly front: HttpFront;
  private defaultIntegration?: apigwv2.HttpRouteIntegration;

  /**
   * Checks and resolves the HTTP API's props, and the base the props every construct shares (it then
   * creates the network and the cluster); then creates the API. The subclass then serves its default
   * service through its backend.
   *
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network and API around it
   */
  protected constructor(scope: Construct, id: string, props: PrivateEcsHttpApiBaseProps) {
    validateGivenHttpProps(props);
    const httpFront = resolveHttpFrontProps(props);
    validateResolvedHttpProps(httpFront, props.integrationTimeout);
    super(scope, id, props);
    this._resolved = { ...this._resolved, ...httpFront };

    // API, its stage and its domain
    const front = createApiFront(this, id, this._resolved);
    this.httpApi = front.httpApi;
    this.stage = front.stage;
    this.apiEndpoint = front.apiEndpoint;
    this.apiAccessLogGroup = front.apiAccessLogGroup;
    this.customDomain = front.customDomain;
    this.customDomainUrl = front.customDomainUrl;
    this.front = new HttpFront(front, this._resolved);
  }

  /**
   * The default service's private integration over the VPC link, for routes you add yourself. Each
   * added service has its own: `IPrivateApiService.integration`.
   */
  public get integration(): apigwv2.HttpRouteIntegration {
    if (!this.defaultIntegration) {
      throw new Error(`${this.node.path} has no backend yet: its constructor has not finished`);
    }
    return this.defaultIntegration;
  }

  /**
   * Serves the default service through the subclass's backend, behind the HTTP API.
   * @internal
   */
  protected _serveHttp<W extends WiredService>(backend: ServiceBackend<W>): W {
    const { wired, routed } = this._serve(backend, this.front);
    this.defaultIntegration = routed;
    return wired;
  }

  /**
   * Adds a service behind the HTTP API, with the subclass's backend.
   * @internal
   */
  protected _addHttpService<S extends AddedServiceConstruct>(
    id: string,
    options: AddServiceOptions,
    create: (request: AddedServiceRequest<apigwv2.HttpRouteIntegration>) => S,
  ): S {
    return this._addService(id, options, this.front, create);
  }
}
