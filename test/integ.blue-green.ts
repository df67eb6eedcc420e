import { BLUE_GREEN } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(BLUE_GREEN).app.synth();
