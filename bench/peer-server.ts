/**
 * The peer: @neo4j/graphql serving the same graph, so the nested read can be compared with a
 * library that generates one Cypher query per GraphQL request.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/config.ts';
import type { Connection } from '../src/db/driver.ts';

const PEER_TYPE_DEFS = /* GraphQL */ `
  type Location @node {
    id: ID!
    name: String
    inspections: [Inspection!]! @relationship(type: "OF", direction: IN)
  }
  type Inspection @node {
    id: ID!
    startDate: Date
    requirements: [Requirement!]! @relationship(type: "REQUIRED", direction: OUT)
  }
  type Requirement @node {
    id: ID!
    text: String
    regulation: [Regulation!]! @relationship(type: "UNDER", direction: OUT)
  }
  type Regulation @node {
    id: ID!
    heading: String
  }
`;

/** What bench/peer-child.ts prints, followed by its URL, once it serves requests. */
export const PEER_READY = 'peer ready at';

export async function startPeerServer(driver: Driver): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}

/**
 * The peer in a child process started as the bench starts the API (`node --import tsx`, the
 * same environment and NEO4J_* from the connection), so neither server shares the bench's
 * process with the HTTP client.
 */
export async function startPeerChild(connection: Connection): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench/peer-child.ts')], {
    env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = new RegExp(`${PEER_READY} (\\S+)`).exec(output);
      if (ready) resolve(ready[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`peer server exited (${code}): ${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
