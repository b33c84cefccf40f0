/** Guides as data: schemas, validation, matching (`./schema`) and text parsing (`./loader`). */
export * from './schema';
export * from './loader';
