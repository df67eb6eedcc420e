import { REST_EDGE } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(REST_EDGE).app.synth();
