import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { Construct } from 'constructs';
import type { RestApiFront } from './rest-api-front';
import { warnIfPublicRestService } from './rest-authorization-warnings';
import { RestAuthorization } from '../../../rest-authorization';
import type { AddRestServiceOptions } from '../../../rest-service-options';
import type { LoadBalancerBackend } from '../../backends/load-balancer/load-balancer-backend';
import type { WiredService } from '../../backends/service-backend';
import { HTTP_ONLY_PROPS, refuseForeignProps } from '../../props/foreign-props';
import { resolveAddedServiceOptions } from '../../props/resolve-added-service';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import type { ResolvedRestProps } from '../../props/rest-props';
import { resolveRestRouting, validateRestIntegrationTimeout, warnIfRestTimeoutAboveQuota } from '../../props/rest-props';
import type { AddedServiceContext, FrontRouteRequest, ServiceFront } from '../service-front';

/** The greedy path variable of a proxy resource, and how its integration passes it on. */
const PROXY = { part: '{proxy+}', uri: '{proxy}', method: 'method.request.path.proxy', integration: 'integration.request.path.proxy' } as const;

/**
 * The REST API in front of `PrivateEcsRestApi`: each service's paths are resources (`/` and
 * `/{proxy+}`, or its prefix and `<prefix>/{proxy+}`) whose `ANY` methods are HTTP_PROXY private
 * integrations over the VPC link V2 to the load balancer, with the service's authorization or the API's.
 *
 * The parents of a prefix of two or more segments (`/api` of `/api/v1`) get `ANY` methods of the
 * default service, as `/` does, and their own `{proxy+}`: a REST API matches a request to the deepest
 * resource along its path, and we could not confirm in AWS's guides that it falls back to `/{proxy+}`
 * from a resource without methods. With them, `/api` and `/api/other` reach the default service either way.
 */
export class RestFront implements ServiceFront<apigw.IResource, AddRestServiceOptions> {
  public readonly title = 'REST API';
  public readonly apiId: string;
  public readonly stage: apigw.Stage;
  private readonly restApi: apigw.RestApi;
  /** The authorization types of every method, which a PRIVATE API's resource policy admits by. */
  public readonly authorizationTypes = new Set<apigw.AuthorizationType>();
  /** Whether any method needs an API key, which the usage plans meter. */
  public get metered(): boolean {
    return this.keyed;
  }
  private keyed = false;
  /** The paths whose resources already answer with the default service. */
  private readonly defaultPaths = new Set<string>();
  private defaultService?: { readonly options: ResolvedServiceOptions; readonly vpcLink: apigwv2.IVpcLink };

  constructor(front: RestApiFront, private readonly backend: LoadBalancerBackend, private readonly rest: ResolvedRestProps) {
    this.restApi = front.restApi;
    this.apiId = front.restApi.restApiId;
    this.stage = front.stage;
  }

  public resolveService(id: string, options: AddRestServiceOptions, context: AddedServiceContext): ResolvedServiceOptions {
    refuseForeignProps(options, HTTP_ONLY_PROPS, `a REST API service ('${id}')`);
    const resolved = { ...resolveAddedServiceOptions(id, options, context), ...resolveRestRouting(options) };
    validateRestIntegrationTimeout(`integrationTimeout of service '${id}'`, resolved.integrationTimeout);
    return resolved;
  }

  public route<W extends WiredService>(request: FrontRouteRequest<W>): apigw.IResource {
    const { vpcLink, options, route } = request;
    if (!route) {
      this.defaultService = { options, vpcLink };
      this.answerWithDefault(this.restApi.root);
      return this.restApi.root;
    }
    const parts = route.pathPrefix.split('/').filter(part => part.length > 0);
    let parent: apigw.IResource = this.restApi.root;
    for (const part of parts.slice(0, -1)) {
      parent = parent.getResource(part) ?? parent.addResource(part);
      this.answerWithDefault(parent);
    }
    const resource = parent.addResource(parts[parts.length - 1]);
    this.proxy(resource, options, vpcLink);
    return resource;
  }

  public checkService(scope: Construct, id: string, resolved: ResolvedServiceOptions): void {
    warnIfRestTimeoutAboveQuota(scope, `integrationTimeout of service '${id}'`, resolved.integrationTimeout);
    warnIfPublicRestService(scope, id, resolved, this.rest.defaultAuthorization);
  }

  private answerWithDefault(resource: apigw.IResource): void {
    if (this.defaultPaths.has(resource.path)) {
      return;
    }
    this.defaultPaths.add(resource.path);
    this.proxy(resource, this.defaultService!.options, this.defaultService!.vpcLink);
  }

  /** `ANY` on `resource` and on its `{proxy+}` child, to the listener, for the service of `options`. */
  private proxy(resource: apigw.IResource, options: ResolvedServiceOptions, vpcLink: apigwv2.IVpcLink): void {
    const below = resource.path === '/' ? '' : resource.path;
    this.addMethod(resource, below || '/', options, vpcLink, false);
    this.addMethod(resource.addResource(PROXY.part), `${below}/${PROXY.uri}`, options, vpcLink, true);
  }

  /**
   * An `ANY` method whose HTTP_PROXY integration calls the listener over the VPC link V2: connection
   * type VPC_LINK, the link's id, and the load balancer's ARN as the integration target, which
   * aws-cdk-lib's `Integration` cannot set (it takes a VPC link V1 only), so they are set on the
   * CloudFormation method. The uri's scheme, host and port choose the listener and the name TLS checks.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-method-integration.html#cfn-apigateway-method-integration-integrationtarget
   */
  private addMethod(resource: apigw.IResource, path: string, options: ResolvedServiceOptions, vpcLink: apigwv2.IVpcLink, proxy: boolean): void {
    const target = this.backend.restTarget();
    const authorization = options.restAuthorization ?? this.rest.defaultAuthorization ?? RestAuthorization.none();
    const method = resource.addMethod('ANY', new apigw.Integration({
      type: apigw.IntegrationType.HTTP_PROXY,
      integrationHttpMethod: 'ANY',
      uri: `${target.origin}${path}`,
      options: {
        timeout: options.integrationTimeout,
        requestParameters: proxy ? { [PROXY.integration]: PROXY.method } : undefined,
      },
    }), {
      authorizationType: authorization.authorizationType,
      authorizer: authorization.authorizer,
      authorizationScopes: authorization.authorizationScopes,
      apiKeyRequired: options.apiKeyRequired,
      requestParameters: proxy ? { [PROXY.method]: true } : undefined,
    });
    const connection = { ConnectionType: 'VPC_LINK', ConnectionId: vpcLink.vpcLinkId, IntegrationTarget: target.loadBalancerArn };
    const cfnMethod = method.node.defaultChild as apigw.CfnMethod;
    for (const [key, value] of Object.entries(connection)) {
      cfnMethod.addPropertyOverride(`Integration.${key}`, value);
    }
    // The deployment's id follows what each method renders, not overrides, and a replaced VPC link keeps
    // its `Ref`: without the link's create-only properties (its subnets and security groups) here, a new
    // link would update the methods and leave the stage on a deployment that calls the deleted one.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-vpclink.html
    const link = vpcLink.node.defaultChild as apigwv2.CfnVpcLink | undefined;
    this.restApi.latestDeployment?.addToLogicalId({
      method: resource.path, connection, linkSubnets: link?.subnetIds, linkSecurityGroups: link?.securityGroupIds,
    });
    this.authorizationTypes.add(authorization.authorizationType);
    this.keyed ||= options.apiKeyRequired === true;
  }
}
