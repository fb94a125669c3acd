import { describe } from 'vitest';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { describeRelevance } from './relevance-suite.ts';

describe('relevance on the demo aanbod (embedded engine)', () => {
  describeRelevance(() => createEmbeddedEngine());
});
