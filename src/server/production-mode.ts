/**
 * Imported first by main.ts. graphql-js and Express read NODE_ENV once, when they load, and treat
 * it unset as development: graphql-js then checks every type test for a second copy of itself,
 * about 1 ms a request in the bench. The server runs in production mode unless NODE_ENV says otherwise.
 */
process.env.NODE_ENV ??= 'production';
