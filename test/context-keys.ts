/**
 * Context keys the tests set that aws-cdk-lib's cx-api exports only in releases newer than our floor
 * (2.252.0, `npx projen test:floor`): there, the key is simply unknown and changes nothing.
 */

/** `cxapi.ANNOTATIONS_IN_VALIDATION_REPORT`, exported from aws-cdk-lib 2.253.0 on. */
export const ANNOTATIONS_IN_VALIDATION_REPORT = '@aws-cdk/core:annotationsInValidationReport';
