import { PRODUCTION } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(PRODUCTION).app.synth();
