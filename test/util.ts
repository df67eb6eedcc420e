import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CONTEXT_ENV } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import type { PrivateEcsHttpApiProps } from '../src';
import { PrivateEcsHttpApi } from '../src';

/** The tutorial's sample image. */
export const SAMPLE_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest');

/** A stack in a concrete account and Region, as production stacks are. */
export function newStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** One synthesized scenario: the stack, the construct and its template. */
export interface Scenario {
  readonly stack: Stack;
  readonly api: PrivateEcsHttpApi;
  readonly template: Template;
}

/**
 * Builds a `PrivateEcsHttpApi` with the sample image and `props` in a new stack; `extend`
 * may add to the construct (or the stack) before the template is synthesized.
 */
export function synthesize(
  props: Partial<PrivateEcsHttpApiProps> = {},
  extend?: (api: PrivateEcsHttpApi, stack: Stack) => void,
  stack: Stack = newStack(),
): Scenario {
  const api = new PrivateEcsHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });
  extend?.(api, stack);
  return { stack, api, template: Template.fromStack(stack) };
}

/** Builds the construct in a new stack without synthesizing: for tests that expect it to throw. */
export function build(props: Partial<PrivateEcsHttpApiProps>, stack: Stack = newStack()): PrivateEcsHttpApi {
  return new PrivateEcsHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });
}

/** The logical id of a construct's CloudFormation resource, to match `Ref`s and `GetAtt`s. */
export function logicalId(construct: IConstruct): string {
  const resource = construct instanceof CfnElement ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnElement)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  }
  return Stack.of(construct).getLogicalId(resource);
}

/** `{ Ref: <logical id> }` of a construct. */
export function ref(construct: IConstruct): { Ref: string } {
  return { Ref: logicalId(construct) };
}

/** `{ 'Fn::GetAtt': [<logical id>, attribute] }` of a construct. */
export function getAtt(construct: IConstruct, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(construct), attribute] };
}

/**
 * Runs `run` with only the context its apps are given: without the feature flags that `test:flags`
 * passes every app through the environment, for tests that set the flags themselves.
 */
export function withOwnContext<T>(run: () => T): T {
  const inherited = process.env[CONTEXT_ENV];
  delete process.env[CONTEXT_ENV];
  try {
    return run();
  } finally {
    if (inherited !== undefined) {
      process.env[CONTEXT_ENV] = inherited;
    }
  }
}
