import { TUTORIAL_DEFAULT } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';

defineIntegTest(TUTORIAL_DEFAULT).app.synth();
