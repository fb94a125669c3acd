import { describe } from 'vitest';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { describeSearchEngineContract } from './search-engine-contract.ts';

describe('embedded engine', () => {
  describeSearchEngineContract(() => createEmbeddedEngine());
});
