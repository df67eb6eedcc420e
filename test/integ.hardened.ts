import { HARDENED } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(HARDENED).app.synth();
