/**
 * The sales cycle's pure logic (issue 10): the pipeline, deal lines and their prices, proposal
 * versions and their PDF, the contract lifecycle. No DOM, no database: the deal, proposal and
 * contract screens, the bench and the tests all go through these.
 */
export * from './commercial-policy';
export * from './contracts';
export * from './days';
export * from './deal-lines';
export * from './pipeline';
export * from './pipeline-board';
export * from './proposal-document';
export * from './proposal-messages';
export * from './proposal-plan';
export * from './proposals';
export * from './new-deal';
