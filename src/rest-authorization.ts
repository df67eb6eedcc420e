import { Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';

/**
 * How a REST API's methods authorize their callers: nobody checked, IAM (SigV4), a Cognito user pool
 * with optional OAuth scopes, or a Lambda authorizer. One value stands for what the REST API's
 * method takes as three settings (its authorization type, authorizer and scopes), so that a service's
 * own choice replaces the API's default whole, whichever the two are: aws-cdk-lib's
 * `defaultMethodOptions` merges them setting by setting, and refuses IAM on a method of an API whose
 * default is an authorizer.
 */
export class RestAuthorization {
  /** Anyone who has the API's URL may call: the construct warns about it unless acknowledged. */
  public static none(): RestAuthorization {
    return new RestAuthorization(apigw.AuthorizationType.NONE);
  }

  /**
   * IAM: callers sign their requests with SigV4, and need `execute-api:Invoke` on the method
   * (`grantInvoke` style policies of yours).
   */
  public static iam(): RestAuthorization {
    return new RestAuthorization(apigw.AuthorizationType.IAM);
  }

  /**
   * A Cognito user pool: callers send a token of the pool; with `scopes`, an access token with one
   * of them, without, an ID token.
   *
   * @param authorizer the user pool authorizer
   * @param scopes the OAuth scopes an access token must have one of
   */
  public static cognito(authorizer: apigw.CognitoUserPoolsAuthorizer, scopes?: string[]): RestAuthorization {
    if (scopes !== undefined && !Token.isUnresolved(scopes)) {
      const bad = scopes.find(scope => !Token.isUnresolved(scope) && !/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(scope));
      if (scopes.length === 0 || bad !== undefined) {
        throw new Error(
          `RestAuthorization.cognito scopes must be one or more OAuth scopes (printable characters, no spaces or quotes), got [${scopes.join(', ')}]`);
      }
    }
    return new RestAuthorization(apigw.AuthorizationType.COGNITO, authorizer, scopes);
  }

  /**
   * A Lambda authorizer (`apigw.TokenAuthorizer` or `apigw.RequestAuthorizer`).
   *
   * @param authorizer the Lambda authorizer
   */
  public static lambdaAuthorizer(authorizer: apigw.IAuthorizer): RestAuthorization {
    if (authorizer.authorizationType === apigw.AuthorizationType.COGNITO) {
      throw new Error('RestAuthorization.lambdaAuthorizer takes a TokenAuthorizer or RequestAuthorizer, got a Cognito user pool authorizer: use RestAuthorization.cognito');
    }
    return new RestAuthorization(apigw.AuthorizationType.CUSTOM, authorizer);
  }

  private constructor(
    /** The methods' authorization type. */
    public readonly authorizationType: apigw.AuthorizationType,
    /** The authorizer, for COGNITO and CUSTOM. */
    public readonly authorizer?: apigw.IAuthorizer,
    /** The OAuth scopes, for COGNITO only. */
    public readonly authorizationScopes?: string[],
  ) {}
}
