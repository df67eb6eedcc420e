import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';

/**
 * The `url-rewrite` transform that strips `pathPrefix` from the URLs a listener rule forwards:
 * `/orders/items?x=1` becomes `/items?x=1`, `/orders` and `/orders/` become `/`.
 *
 * The load balancer replaces the part of the URL the regex matches and keeps the rest, query string
 * included ("Rewrites the request URL. The transform uses a regular expression to match a pattern in
 * the request URL and then replaces it with a replacement string"; "If there is no pattern match, the
 * original request is sent to the target"). One URL rewrite per rule; the regex has no lookarounds,
 * backreferences, atomic groups or possessive quantifiers, which ELB's regexes lack, and the
 * replacement no capture group (`$1`), so nothing is left to how an unmatched group is substituted.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-transforms.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html
 * Regex and replacement are up to 1,024 characters each: the regex is the prefix and a few more.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RewriteConfig.html
 *
 * The regex alone would also match `/ordersX`; the rule never sees it: its conditions, `/orders` and
 * `/orders/*`, decide which requests it forwards, and "rewriting a request does not change the
 * routing decision made when evaluating the rule conditions" (the same page).
 */
export function stripPathPrefixTransform(pathPrefix: string): elbv2.CfnListenerRule.TransformProperty {
  // A prefix has only letters, digits, '-', '_', '.' and '/' (validatePathPrefix): '.' is the one to escape.
  const regex = `^${pathPrefix.replace(/\./g, '\\.')}/?`;
  return { type: 'url-rewrite', urlRewriteConfig: { rewrites: [{ regex, replace: '/' }] } };
}

/**
 * Sets the transform on the rules' CloudFormation resources: aws-cdk-lib's `ApplicationListenerRule`
 * has no transforms (2.252 to 2.276), `CfnListenerRule` has. ECS's blue/green deployments keep it:
 * they change a shifted rule's forward action with ModifyRule, which leaves "any properties that you
 * do not specify" unchanged, and removes transforms only when asked to (`ResetTransforms`).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyRule.html
 * Adding or removing it updates the rule in place ("Update requires: No interruption").
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-elasticloadbalancingv2-listenerrule-transform.html
 */
export function stripPathPrefixOn(rules: readonly elbv2.ApplicationListenerRule[], pathPrefix: string): void {
  for (const rule of rules) {
    (rule.node.defaultChild as elbv2.CfnListenerRule).transforms = [stripPathPrefixTransform(pathPrefix)];
  }
}
