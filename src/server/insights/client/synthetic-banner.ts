/**
 * The banner every insights page shows, above its content, when the graph holds generated data.
 * A page whose flag cannot be read still renders (its own requests will show the error). The
 * body's `data-synthetic-data` says the flag was read (what the browser test waits for).
 */
import { readSyntheticFlag, SYNTHETIC_NOTICE } from '../synthetic-notice.ts';
import type { PostGraphql } from '../panels/post-graphql.ts';
import { h } from './dom.ts';

export async function showSyntheticBanner(root: HTMLElement, post: PostGraphql): Promise<void> {
  const synthetic = await readSyntheticFlag(post).catch(() => false);
  document.body.dataset.syntheticData = String(synthetic);
  if (synthetic) root.before(h('p', { class: 'synthetic-banner', role: 'note' }, SYNTHETIC_NOTICE));
}
