import { REST_PRIVATE } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(REST_PRIVATE).app.synth();
