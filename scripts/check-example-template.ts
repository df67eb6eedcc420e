// Checks the example app's template for the tutorial's architecture and prints what it found.
// Run by `npx projen synth:example` right after `cdk synth`.
import { readFileSync } from 'fs';
import { relative } from 'path';
import { Match, Template } from 'aws-cdk-lib/assertions';

const path = process.argv[2] ?? 'cdk.out/PrivateEcsHttpApiTutorial.template.json';
const template = Template.fromJSON(JSON.parse(readFileSync(path, 'utf8')));

for (const type of ['VpcLink', 'Api', 'Integration', 'Stage']) {
  template.resourceCountIs(`AWS::ApiGatewayV2::${type}`, 1);
}
template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'HTTP_PROXY', ConnectionType: 'VPC_LINK' });
template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true });
template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /' });
template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal' });

const cidrIngress = [
  ...Object.values(template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { CidrIp: Match.anyValue() } })),
  ...Object.values(template.findResources('AWS::EC2::SecurityGroup'))
    .flatMap(group => group.Properties.SecurityGroupIngress ?? [])
    .filter((rule: { CidrIp?: string; CidrIpv6?: string }) => rule.CidrIp !== undefined || rule.CidrIpv6 !== undefined),
];
if (cidrIngress.length > 0) {
  throw new Error(`${path}: ingress rules from a CIDR range: ${JSON.stringify(cidrIngress)}`);
}

const resources = Object.keys(template.toJSON().Resources).length;
console.log(`Template: ${relative(process.cwd(), path)} (${resources} resources)`);
console.log('  1 VPC link, 1 HTTP API, 1 HTTP_PROXY integration over the VPC link, routes ANY / and ANY /{proxy+},');
console.log('  1 $default stage with auto-deploy, 1 internal Application Load Balancer, 0 ingress rules from a CIDR');
