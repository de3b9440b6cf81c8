/**
 * GET /export/<question>.csv: a cross-report question's whole answer as CSV, its arguments as
 * query parameters. The rows come from the question's GraphQL operation run inside the server
 * (run-operation.ts), one connection page at a time, each written before the next is asked for,
 * so an export of the whole sector never sits in memory. Each page is a request to the rate
 * limiter, as it would be from a client paging /graphql: the first one refused is a 429, a later
 * one waits for the client's bucket to refill.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import express from 'express';
import { ErrorCode } from '../../model/error-codes.ts';
import { MAX_PAGE_SIZE } from '../../resolvers/connection.ts';
import { formatCsvRecord } from './csv.ts';
import {
  buildExportOperation,
  ExportParamError,
  formatContentDisposition,
  nameExportFile,
  parseExportParams,
} from './export-params.ts';
import { findQuestionExport, QUESTION_EXPORTS, type QuestionExport } from './export-registry.ts';
import type { OperationResult, RunOperation } from './run-operation.ts';
import { buildSelection, readPath } from './selection.ts';

export interface ExportRouteOptions {
  run: RunOperation;
  /** Null when the client may be served now, else the seconds it must wait (its rate limit). */
  admit: (req: IncomingMessage) => number | null;
  /** Rows per page asked of the API (MAX_PAGE_SIZE unless a test asks for fewer). */
  pageSize?: number;
}

/** A failure answered before any row was sent: its status and one line. */
class ExportRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const CLIENT_ERRORS = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.BadRequest,
  ErrorCode.QueryTooCostly,
  ErrorCode.QueryTooDeep,
  ErrorCode.QueryTooLarge,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

function statusOfErrors(result: OperationResult): number {
  const code = result.errors[0]?.extensions?.code ?? '';
  if (CLIENT_ERRORS.has(code) || (result.status >= 400 && result.status < 500)) return 400;
  if (code === ErrorCode.DatabaseUnavailable || code === ErrorCode.RequestTimeout) return 503;
  return 500;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}

interface Page {
  nodes: unknown[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** One page of the question's answer, or the refusal its errors call for. */
async function readPage(
  options: ExportRouteOptions,
  req: IncomingMessage,
  question: QuestionExport,
  operation: string,
  variables: Record<string, unknown>,
): Promise<Page> {
  const result = await options.run(req, operation, variables);
  if (result.errors.length > 0 || result.data === null)
    throw new ExportRefusal(
      statusOfErrors(result),
      firstLine(result.errors[0]?.message ?? 'The question gave no answer.'),
    );
  const answer = result.data[question.field];
  if (!question.paged) return { nodes: answer as unknown[], endCursor: null, hasNextPage: false };
  const connection = answer as {
    nodes: unknown[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  return {
    nodes: connection.nodes,
    endCursor: connection.pageInfo.endCursor,
    hasNextPage: connection.pageInfo.hasNextPage,
  };
}

/** Writes, waiting for the socket to drain when its buffer is full. */
async function writeChunk(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

async function waitForAdmission(
  options: ExportRouteOptions,
  req: IncomingMessage,
  res: ServerResponse,
) {
  for (let wait = options.admit(req); wait !== null; wait = options.admit(req)) {
    if (res.destroyed) return;
    await new Promise((resolve) => setTimeout(resolve, wait! * 1000));
  }
}

function sendLine(
  res: ServerResponse,
  status: number,
  line: string,
  headers: Record<string, string> = {},
) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  res.end(`${line}\n`);
}

async function streamExport(
  options: ExportRouteOptions,
  question: QuestionExport,
  req: IncomingMessage,
  res: ServerResponse,
  search: URLSearchParams,
): Promise<void> {
  const { variables, given } = parseExportParams(question, search);
  const operation = buildExportOperation(question, buildSelection(question.columns));
  const first = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const pageVariables = (after: string | null) =>
    question.paged ? { ...variables, first, after } : variables;
  let page = await readPage(options, req, question, operation, pageVariables(null));
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
  res.setHeader('content-disposition', formatContentDisposition(nameExportFile(question, given)));
  res.setHeader('cache-control', 'no-store');
  await writeChunk(res, formatCsvRecord(question.columns));
  for (;;) {
    const rows = page.nodes.map((node) =>
      formatCsvRecord(question.columns.map((column) => readPath(node, column))),
    );
    if (rows.length > 0) await writeChunk(res, rows.join(''));
    if (!page.hasNextPage || res.destroyed) break;
    await waitForAdmission(options, req, res);
    page = await readPage(options, req, question, operation, pageVariables(page.endCursor));
  }
  res.end();
}

const EXPORT_NAMES = QUESTION_EXPORTS.map((q) => `${q.name}.csv`).join(', ');

export function createExportRouter(options: ExportRouteOptions): express.Router {
  const router = express.Router();
  router.get('/export/:file', (req, res) => {
    const file = req.params.file;
    const question = file.endsWith('.csv') ? findQuestionExport(file.slice(0, -4)) : undefined;
    if (!question) {
      sendLine(res, 404, `No export named "${file}": expected one of ${EXPORT_NAMES}.`);
      return;
    }
    const wait = options.admit(req);
    if (wait !== null) {
      sendLine(res, 429, `Too many requests from this address: retry in ${wait} s.`, {
        'retry-after': String(wait),
      });
      return;
    }
    const at = req.url.indexOf('?');
    const search = new URLSearchParams(at === -1 ? '' : req.url.slice(at + 1));
    streamExport(options, question, req, res, search).catch((error: unknown) => {
      if (res.headersSent) {
        // Rows were sent: cut the response short, so the client sees an incomplete file, not a whole one.
        console.error(`[export] ${question.name}.csv stopped after its first page:`, error);
        res.destroy();
      } else if (error instanceof ExportParamError) sendLine(res, 400, error.message);
      else if (error instanceof ExportRefusal)
        sendLine(res, error.status, error.message, error.headers);
      else {
        console.error(`[export] ${question.name}.csv failed:`, error);
        sendLine(res, 500, 'Internal server error.');
      }
    });
  });
  return router;
}
