/**
 * The explorer's example operations: every `operations/examples/*.graphql`, in file-name order,
 * each with the variables in its sibling `<name>.variables.json` when there is one. Read on each
 * page load so a new or edited example shows without restarting the server.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import type { ExampleTab } from './explorer-config.ts';

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'operations', 'examples');

export class ExampleFileError extends Error {
  override name = 'ExampleFileError';
}

/** Plain code-point order, so `01-x` sorts before `health` the same way on every machine. */
function compareFileNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readOptionalFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function checkVariables(file: string, text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ExampleFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ExampleFileError(`${file} must hold a JSON object of variables`);
  }
  return text.trim();
}

export async function readExampleTabs(dir: string = EXAMPLES_DIR): Promise<ExampleTab[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const queryFiles = names.filter((name) => name.endsWith('.graphql')).sort(compareFileNames);
  return Promise.all(
    queryFiles.map(async (fileName) => {
      const name = fileName.slice(0, -'.graphql'.length);
      const query = await readFile(path.join(dir, fileName), 'utf8');
      const variablesFile = path.join(dir, `${name}.variables.json`);
      const variables = await readOptionalFile(variablesFile);
      return {
        name,
        query,
        variables: variables === null ? null : checkVariables(variablesFile, variables),
      };
    }),
  );
}
