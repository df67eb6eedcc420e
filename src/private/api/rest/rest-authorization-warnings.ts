import { Annotations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { IConstruct } from 'constructs';
import type { RestAuthorization } from '../../../rest-authorization';
import type { ResolvedServiceOptions } from '../../props/resolved-options';

function checksCallers(authorization?: RestAuthorization): boolean {
  return authorization !== undefined && authorization.authorizationType !== apigw.AuthorizationType.NONE;
}

/**
 * Warns, as the HTTP API does (`warnIfPublicApi`), when the REST API's methods without an authorization
 * of their own are open to anyone, or the default service's are though the API has a default.
 */
export function warnIfPublicRestApi(scope: IConstruct, defaultService: ResolvedServiceOptions, defaultAuthorization?: RestAuthorization): void {
  if (!checksCallers(defaultAuthorization)) {
    const defaultServiceToo = checksCallers(defaultService.restAuthorization) ? '' : ', the default service\'s included';
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:publicApi',
      `The API has no defaultAuthorization: anyone who has its URL can call every method without an authorization of its own${defaultServiceToo}. `
      + 'Set defaultAuthorization, or acknowledge this warning if the service is public by design.');
  } else if (defaultService.restAuthorization && !checksCallers(defaultService.restAuthorization)) {
    warnPublicRestService(scope, 'The default service', 'every path no added service claims');
  }
}

/** Warns when an added service's methods are open to anyone though the API has a default authorization. */
export function warnIfPublicRestService(
  scope: IConstruct,
  id: string,
  service: ResolvedServiceOptions,
  defaultAuthorization?: RestAuthorization,
): void {
  if (checksCallers(defaultAuthorization) && service.restAuthorization && !checksCallers(service.restAuthorization)) {
    warnPublicRestService(scope, `Service '${id}'`, 'its pathPrefix and everything under it');
  }
}

function warnPublicRestService(scope: IConstruct, who: string, paths: string): void {
  Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:publicService',
    `${who} has RestAuthorization.none(): anyone who has the API's URL can call ${paths}, without the API's defaultAuthorization. `
    + 'Give it another authorization, or acknowledge this warning if it is public by design.');
}

/**
 * Warns when usage plans and API keys miss each other: plans whose throttling and quotas meter no
 * method (no service has `apiKeyRequired`), or methods that need a key while the API has no plan
 * (API Gateway checks a key through the stage's usage plans, so every call answers 403, unless you
 * add a plan of your own to `restApi`).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function warnIfPlansMeterNothing(scope: IConstruct, plans: number, metered: boolean): void {
  if (plans > 0 && !metered) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:usagePlansMeterNothing',
      'usagePlans are set, but no service has apiKeyRequired: the plans\' throttling and quotas apply to no request. '
      + 'Set apiKeyRequired on the services to meter, or acknowledge this warning.');
  } else if (plans === 0 && metered) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:apiKeyWithoutUsagePlan',
      'A service has apiKeyRequired, but the API has no usagePlans: API Gateway checks keys through the usage plans of the stage, '
      + 'so its methods answer 403 to every caller. Add usagePlans with keys, or acknowledge this warning if you add a plan to restApi yourself.');
  }
}
