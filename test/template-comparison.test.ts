import { gzipSync } from 'zlib';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { compareTemplates, decodeAnalytics, expandPrefixEncoding } from '../scripts/template-comparison';
import { PrivateEcsHttpApi } from '../src';

/** Synthesizes a stack like the consumer apps', with the CDK analytics that they carry. */
function synthesize(cpu: number, memoryLimitMiB: number): any {
  const app = new App({ analyticsReporting: true });
  const stack = new Stack(app, 'ConsumerStack', { env: { region: 'us-east-1' } });
  new PrivateEcsHttpApi(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
    cpu,
    memoryLimitMiB,
  });
  return app.synth().getStackByName('ConsumerStack').template;
}

/** Re-encodes analytics entries; a plain comma-separated list is a valid prefix encoding. */
function encodeAnalytics(entries: string[]): string {
  return `v2:deflate64:${gzipSync(Buffer.from(entries.join(','))).toString('base64')}`;
}

function withAnalyticsEntries(template: any, edit: (entries: string[]) => string[]): any {
  const copy = JSON.parse(JSON.stringify(template));
  const metadata = copy.Resources.CDKMetadata.Properties;
  metadata.Analytics = encodeAnalytics(edit(decodeAnalytics(metadata.Analytics)));
  return copy;
}

const reference = synthesize(512, 1024);

test('prefix encoding expands to every entry', () => {
  expect(expandPrefixEncoding('2.1.0!lib.{Stack,aws_{ec2.{Vpc,CfnVPC},ecs.Cluster}},node.js/v20!jsii-runtime.Runtime')).toEqual([
    '2.1.0!lib.Stack',
    '2.1.0!lib.aws_ec2.Vpc',
    '2.1.0!lib.aws_ec2.CfnVPC',
    '2.1.0!lib.aws_ecs.Cluster',
    'node.js/v20!jsii-runtime.Runtime',
  ]);
});

test('the analytics of a real template name the runtime and aws-cdk-lib constructs', () => {
  const entries = decodeAnalytics(reference.Resources.CDKMetadata.Properties.Analytics);
  expect(entries).toContain(`node.js/${process.version}!jsii-runtime.Runtime`);
  // With @aws-cdk/core:enableAdditionalMetadataCollection an entry also carries the props used: `...FargateService["*"]`.
  expect(entries.some(entry => /^\d+\.\d+\.\d+!aws-cdk-lib\.aws_ecs\.FargateService(?:\W.*)?$/.test(entry))).toBe(true);
});

test('a template agrees with a fresh synthesis of the same app', () => {
  expect(compareTemplates(reference, synthesize(512, 1024))).toEqual([]);
});

test('the language runtime recorded in the analytics is ignored', () => {
  const fromPython = withAnalyticsEntries(reference, entries =>
    entries.map(entry => entry.replace(/^[^!]*!jsii-runtime\.Runtime$/, 'Python/3.11.7!jsii-runtime.Runtime')));
  expect(fromPython.Resources.CDKMetadata.Properties.Analytics).not.toEqual(reference.Resources.CDKMetadata.Properties.Analytics);
  expect(compareTemplates(reference, fromPython)).toEqual([]);
});

test('a prop that differs is reported where it differs', () => {
  const differences = compareTemplates(reference, synthesize(1024, 2048));
  const taskDefinition = Object.keys(reference.Resources).find(id => reference.Resources[id].Type === 'AWS::ECS::TaskDefinition');
  expect(differences).toEqual(expect.arrayContaining([
    { path: `.Resources.${taskDefinition}.Properties.Cpu`, expected: '512', actual: '1024' },
    { path: `.Resources.${taskDefinition}.Properties.Memory`, expected: '1024', actual: '2048' },
  ]));
});

test('another aws-cdk-lib version in the analytics is reported', () => {
  const olderCdk = withAnalyticsEntries(reference, entries => entries.map(entry => entry.replace(/^\d+\.\d+\.\d+!aws-cdk-lib\./, '2.0.0!aws-cdk-lib.')));
  const differences = compareTemplates(reference, olderCdk);
  expect(differences.length).toBeGreaterThan(0);
  expect(differences.every(difference => difference.path.startsWith('.Resources.CDKMetadata.Properties.Analytics['))).toBe(true);
});

test('a missing resource and an extra one are reported', () => {
  const changed = JSON.parse(JSON.stringify(reference));
  const [firstResource] = Object.keys(changed.Resources);
  delete changed.Resources[firstResource];
  changed.Resources.Extra = { Type: 'AWS::SNS::Topic' };
  const differences = compareTemplates(reference, changed);
  expect(differences).toHaveLength(2);
  expect(differences).toEqual(expect.arrayContaining([
    { path: `.Resources.${firstResource}`, expected: reference.Resources[firstResource], actual: undefined },
    { path: '.Resources.Extra', expected: undefined, actual: { Type: 'AWS::SNS::Topic' } },
  ]));
});
