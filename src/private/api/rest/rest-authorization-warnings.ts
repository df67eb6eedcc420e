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
