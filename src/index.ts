export * from './private-ecs-http-api';
export * from './base-props';
export * from './service-options';
export * from './auto-scaling';
export * from './api-service';
export * from './task-egress';
export * from './private-ecs-cloud-map-http-api';
export * from './cloud-map-api-service';
