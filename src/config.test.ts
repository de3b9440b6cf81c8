import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DRIVER_TIMEOUTS, readConfig } from './config.ts';

describe('readConfig: the database settings', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inspection-graph-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads an external password from NEO4J_PASSWORD_FILE (its first line)', () => {
    const file = path.join(dir, 'password');
    writeFileSync(file, 'from-the-file\n');
    const config = readConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD_FILE: file });
    expect(config.neo4j).toMatchObject({ kind: 'external', password: 'from-the-file' });
  });

  it('prefers NEO4J_PASSWORD to the file, and refuses a password file it cannot read', () => {
    const both = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'a', NEO4J_PASSWORD_FILE: 'none' };
    expect(readConfig(both).neo4j).toMatchObject({ password: 'a' });
    const missing = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD_FILE: path.join(dir, 'none') };
    expect(() => readConfig(missing)).toThrow(/NEO4J_PASSWORD_FILE cannot be read \(ENOENT\)/);
  });

  it('lists the WebSocket origins the local Neo4j allows, none by default', () => {
    expect(readConfig({}).neo4j).toMatchObject({ kind: 'local', websocketOrigins: [] });
    const allowed = readConfig({
      NEO4J_WEBSOCKET_ORIGINS: 'https://browser.neo4j.io, http://localhost:7474',
    });
    expect(allowed.neo4j).toMatchObject({
      websocketOrigins: ['https://browser.neo4j.io', 'http://localhost:7474'],
    });
    expect(() => readConfig({ NEO4J_WEBSOCKET_ORIGINS: 'browser.neo4j.io' })).toThrow(ConfigError);
    expect(() => readConfig({ NEO4J_WEBSOCKET_ORIGINS: 'https://a.example/path' })).toThrow(
      /NEO4J_WEBSOCKET_ORIGINS must be origins/,
    );
  });

  it('has short driver timeouts and a bounded wait, each configurable', () => {
    expect(readConfig({}).driverTimeouts).toEqual(DEFAULT_DRIVER_TIMEOUTS);
    expect(readConfig({}).neo4jWaitSeconds).toBe(120);
    const set = readConfig({
      NEO4J_CONNECT_TIMEOUT_MS: '1000',
      NEO4J_ACQUIRE_TIMEOUT_MS: '2000',
      NEO4J_MAX_RETRY_MS: '0',
      NEO4J_WAIT_SECONDS: '5',
    });
    expect(set.driverTimeouts).toEqual({ connectMs: 1000, acquireMs: 2000, maxRetryMs: 0 });
    expect(set.neo4jWaitSeconds).toBe(5);
    expect(() => readConfig({ NEO4J_WAIT_SECONDS: '-1' })).toThrow(/NEO4J_WAIT_SECONDS/);
  });
});
