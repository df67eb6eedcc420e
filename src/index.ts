export * from './private-ecs-http-api';
export * from './service-options';
