/**
 * The floor under GraphQL over HTTP (bench/graphql-overhead.ts): a bare node:http server that
 * runs the Cypher a POST names (`{ cypher, params }`, params as the query cases give them) on the bare
 * driver and answers the records as JSON objects. Listens on 127.0.0.1 only, for the bench.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { readConfig } from '../src/config.ts';
import { createDriver } from '../src/db/driver.ts';
import { toNeo4jParam } from '../src/db/executor.ts';

const config = readConfig();
if (config.neo4j.kind !== 'external') throw new Error('bare-http-child needs NEO4J_URI');
const driver = createDriver(config.neo4j);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { cypher, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      cypher: string;
      params: Record<string, unknown>;
    };
    driver

      .executeQuery(cypher, toNeo4jParam(params) as Record<string, unknown>, {
        routing: neo4j.routing.READ,
      })
      .then((result) => {
        const data = result.records.map((record) => record.toObject());
        // Driver integers as numbers, as the API answers them.
        const text = JSON.stringify({ data }, (_key, value: unknown) =>
          neo4j.isInt(value) ? value.toNumber() : value,
        );
        res.setHeader('content-type', 'application/json');
        res.end(text);
      })
      .catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`bare ready at http://127.0.0.1:${port}/`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
