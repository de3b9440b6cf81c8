/**
 * The peer: @neo4j/graphql serving the same graph, so the nested read can be compared with a
 * library that generates one Cypher query per GraphQL request.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import type { Connection } from '../src/db/driver.ts';
import { startServerChild } from './server-child.ts';

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

export async function startPeerServer(
  driver: Driver,
): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}

/** The peer in a child process, started as the bench starts the API (bench/server-child.ts). */
export async function startPeerChild(
  connection: Connection,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = await startServerChild(
    'bench/peer-child.ts',
    connection,
    {},
    new RegExp(`${PEER_READY} (\\S+)`),
  );
  return { url: child.ready, pid: child.pid, stop: child.stop };
}
