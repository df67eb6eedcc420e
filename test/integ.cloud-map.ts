import { CLOUD_MAP } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(CLOUD_MAP).app.synth();
