/**
 * The peer: @neo4j/graphql serving the same graph, so the nested read can be compared with a
 * library that generates one Cypher query per GraphQL request.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';

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

export async function startPeerServer(driver: Driver): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}
