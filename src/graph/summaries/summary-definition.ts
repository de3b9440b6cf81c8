/**
 * What the refresh needs of a question's summary. Each question with a summary exports one from
 * its folder's index.ts, and refresh-summaries.ts lists them: adding a summary is adding it there.
 */
import type { QueryRunner } from '../../db/executor.ts';

export interface SummaryDefinition {
  /**
   * The SummaryStamp kind. Versioned when the layout changes (with new labels), so a graph
   * stamped by an earlier layout is neither read nor deleted by the new one.
   */
  kind: string;
  /**
   * Deletes and rebuilds the summary inside the refresh's transaction; false when the graph breaks
   * an assumption its sums rest on, so it must stay unstamped (the exact query answers).
   */
  rebuild(tx: QueryRunner): Promise<boolean>;
  /**
   * True when the summary keeps provider groups: grouping moves only the links counter, so a
   * refresh of stale kinds also rebuilds this one when that counter moved past its stamp.
   */
  readsProviderGroups?: boolean;
  /**
   * True when the summary only speeds up answers another summary also gives (repeatedBreaches'
   * runs): a failed rebuild (such as one past Neo4j's transaction memory on a larger graph) is
   * reported as `failed` and the refresh goes on; the kind stays stale and its reads fall back.
   */
  optional?: boolean;
}
