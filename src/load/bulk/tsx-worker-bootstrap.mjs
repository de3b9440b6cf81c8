// Worker threads do not get tsx's loader from the parent's --import (neither under `tsx` nor
// under vitest), so each worker registers it before importing its TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
