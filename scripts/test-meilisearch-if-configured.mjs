// `npm test` runs the search contract against Meilisearch only when one is configured, so that
// without it nothing is reported as skipped: the suite simply is not part of the run.
import { spawnSync } from 'node:child_process';

if (!process.env.MEILI_URL) {
  console.log(
    'MEILI_URL is niet gezet: het zoekcontract is alleen tegen de ingebouwde zoekmachine gedraaid.',
  );
  process.exit(0);
}
const result = spawnSync('npm', ['run', 'test:meilisearch'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
