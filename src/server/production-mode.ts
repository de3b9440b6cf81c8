/**
 * Imported first by app/main.ts. graphql-js and Express read NODE_ENV once, when they load, and treat
 * it unset as development: graphql-js then checks every type test for a second copy of itself,
 * a cost paid on every request. The server runs in production mode unless NODE_ENV says otherwise.
 */
process.env.NODE_ENV ??= 'production';
