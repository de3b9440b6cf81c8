/**
 * The CPU-bound part of ingest for one report: source bytes → text (PDF, HTML) → parse →
 * classify. Runs in a parse worker, or on the main thread with `--workers 0`. Never throws:
 * every problem is an `ok: false` outcome with a one-line message.
 */
import type { ReportDocument, SourceFormat } from '../../model/document.ts';
import type { ReportMeta } from '../../ingest/meta.ts';
import { buildReportDocument } from '../../ingest/pipeline.ts';
import { readSourceBytes } from '../../ingest/sources/read-source.ts';

interface TaskCommon {
  /** Name recorded on the Report node: the file's base name, `file.jsonl#L12` for a record. */
  fileName: string;
  format: SourceFormat;
  meta: ReportMeta | null;
}

/** Text already read (and hashed) on the main thread, or bytes that need converting first. */
export type ParseTask =
  | (TaskCommon & { kind: 'text'; text: string })
  | (TaskCommon & { kind: 'bytes'; bytes: Uint8Array });

export type ParseOutcome = { ok: true; document: ReportDocument } | { ok: false; message: string };

export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

/** Parsers start their refusals with the file name; the result line already names the file. */
function withoutFileName(message: string, fileName: string): string {
  return message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message;
}

async function readTaskText(
  task: ParseTask,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  switch (task.kind) {
    case 'text':
      return { ok: true, text: task.text };
    case 'bytes': {
      const source = await readSourceBytes(task.bytes, task.format);
      return source.ok ? { ok: true, text: source.text } : { ok: false, message: source.reason };
    }
  }
}

export async function runParseTask(task: ParseTask): Promise<ParseOutcome> {
  try {
    const source = await readTaskText(task);
    if (!source.ok) return source;
    const parsed = buildReportDocument({
      text: source.text,
      fileName: task.fileName,
      format: task.format,
      meta: task.meta ?? undefined,
    });
    return parsed.ok
      ? parsed
      : { ok: false, message: withoutFileName(parsed.message, task.fileName) };
  } catch (error) {
    // Parsers collect problems rather than throw; this keeps a batch going if one ever does.
    return { ok: false, message: `parser error: ${describeError(error)}` };
  }
}
