import { OWN_NETWORK } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(OWN_NETWORK).app.synth();
