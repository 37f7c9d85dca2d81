// Checks a GraphQL endpoint against graphql-js, the reference implementation.
//   node corpus.mjs URL CORPUS_DIR [SCHEMA_FILE]
// 1. Introspects URL with the October 2021 introspection query and builds a client schema from
//    the answer; when SCHEMA_FILE is given, printSchema of it must equal that file.
// 2. Runs every document of every CORPUS_DIR/*.graphql file (documents are separated by a line
//    `# ---`) through graphql-js and through the server, and compares the verdicts:
//    - graphql-js: "invalid" when the document does not parse or validate, names no operation to
//      run, or its variables do not coerce; "valid" otherwise.
//    - the server, asked for application/graphql-response+json: "valid" when the answer has a
//      `data` member (errors in execution are fine), "invalid" when it has `errors` and no
//      `data` (a request error).
// Comment lines at the top of a document may say
//    # expect: valid|invalid    what the author meant; graphql-js must agree, so the corpus
//                               cannot quietly test something else
//    # variables: {"n": 1}      JSON variables to send
//    # operationName: Name      the operation to run (default: the first one when there are
//                               several, since a server cannot pick one by itself)
// Every disagreement is printed and fails the run.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  printSchema,
  validate,
} from 'graphql';

const [url, corpusDir, schemaFile] = process.argv.slice(2);
if (!url || !corpusDir) {
  console.error('usage: node corpus.mjs URL CORPUS_DIR [SCHEMA_FILE]');
  process.exit(2);
}

async function post(body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: undefined, text };
  }
}

function describe(error) {
  const at = (error.locations ?? []).map(({ line, column }) => `${line}:${column}`).join(', ');
  return at ? `${error.message} (${at})` : String(error.message ?? JSON.stringify(error));
}

// Every member the October 2021 spec defines, not only graphql-js's defaults, so descriptions,
// repeatable directives, @specifiedBy and the schema description are checked too.
async function introspect() {
  const query = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
  });
  const { status, body, text } = await post({ query });
  if (status !== 200 || !body?.data || body.errors) {
    throw new Error(`HTTP ${status}\n${text ?? JSON.stringify(body, null, 2)}`);
  }
  return buildClientSchema(body.data);
}

// Lines around the first difference, `-` for the file and `+` for the server's schema.
function firstDifference(expected, actual) {
  const want = expected.split('\n');
  const got = actual.split('\n');
  let line = 0;
  while (line < want.length && line < got.length && want[line] === got[line]) line++;
  const from = Math.max(0, line - 3);
  return [
    `--- ${schemaFile}`,
    `+++ printSchema(introspection of ${url})`,
    `@@ line ${line + 1} @@`,
    ...want.slice(from, line).map((text) => `  ${text}`),
    ...want.slice(line, line + 8).map((text) => `- ${text}`),
    ...got.slice(line, line + 8).map((text) => `+ ${text}`),
  ].join('\n');
}

// The documents of one file with where they start and what their comments ask for.
function documentsOf(file, text) {
  const documents = [];
  let lines = [];
  let start = 1;
  const flush = () => {
    const source = lines.join('\n');
    // A part with comments only (a file's header) is no document.
    if (lines.some((line) => line.trim() !== '' && !line.trim().startsWith('#'))) {
      const options = {};
      for (const line of lines) {
        const match = /^\s*#\s*(expect|variables|operationName):\s*(.*?)\s*$/.exec(line);
        if (match) options[match[1]] = match[2];
      }
      const title = lines.find((line) => line.trim().startsWith('#'))?.trim() ?? '';
      documents.push({ where: `${file}:${start}`, title, source, ...options });
    }
    lines = [];
  };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '# ---') {
      flush();
      start = index + 2;
    } else {
      lines.push(line);
    }
  });
  flush();
  return documents;
}

function operationNameOf(document) {
  if (document.operationName) return document.operationName;
  try {
    const operations = parse(document.source).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
    return operations.length > 1 ? operations[0].name?.value : undefined;
  } catch {
    return undefined;
  }
}

function referenceVerdict(schema, source, operationName, variables) {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    return { verdict: 'invalid', errors: [describe(error)] };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { verdict: 'invalid', errors: errors.map(describe) };
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return { verdict: 'invalid', errors: [`no operation named ${operationName ?? '(any)'}`] };
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return { verdict: 'invalid', errors: coerced.errors.map(describe) };
  return { verdict: 'valid', errors: [] };
}

async function serverVerdict(source, operationName, variables) {
  const { status, body, text } = await post({ query: source, operationName, variables });
  const errors = (Array.isArray(body?.errors) ? body.errors : []).map(describe);
  if (body && typeof body === 'object' && 'data' in body) return { verdict: 'valid', status, errors };
  if (errors.length > 0) return { verdict: 'invalid', status, errors };
  return { verdict: 'no GraphQL response', status, errors: [text ?? JSON.stringify(body)] };
}

let failed = false;
let schema;
try {
  schema = await introspect();
} catch (error) {
  console.error(`introspection of ${url} failed: ${error.message}`);
  process.exit(1);
}
console.log(`introspection: ${Object.keys(schema.getTypeMap()).length} types`);

if (schemaFile) {
  const expected = (await readFile(schemaFile, 'utf8')).trimEnd();
  const actual = printSchema(schema).trimEnd();
  if (expected === actual) {
    console.log(`schema: matches ${schemaFile}`);
  } else {
    failed = true;
    console.log(`schema: differs from ${schemaFile}\n${firstDifference(expected, actual)}`);
  }
}

const files = (await readdir(corpusDir)).filter((name) => name.endsWith('.graphql')).sort();
let total = 0;
let agree = 0;
for (const name of files) {
  const text = await readFile(path.join(corpusDir, name), 'utf8');
  for (const document of documentsOf(name, text)) {
    total++;
    const problems = [];
    let variables;
    try {
      variables = document.variables ? JSON.parse(document.variables) : undefined;
    } catch (error) {
      problems.push(`corpus: the variables comment is not JSON: ${error.message}`);
    }
    const operationName = operationNameOf(document);
    const reference = referenceVerdict(schema, document.source, operationName, variables);
    const server = await serverVerdict(document.source, operationName, variables);
    const expected = document.expect?.split(/\s/)[0];
    if (expected && expected !== reference.verdict) {
      problems.push(`corpus: expects ${expected} but graphql-js says ${reference.verdict}`);
    }
    if (server.verdict !== reference.verdict) {
      problems.push(`graphql-js says ${reference.verdict}, the server ${server.verdict}`);
    } else {
      agree++;
    }
    if (problems.length > 0) {
      failed = true;
      console.log(
        [
          `\nDISAGREE ${document.where} ${document.title}`,
          ...problems.map((problem) => `  ${problem}`),
          '  document:',
          ...document.source.trim().split('\n').map((line) => `    ${line}`),
          '  graphql-js errors:',
          ...reference.errors.map((error) => `    ${error}`),
          `  server errors (HTTP ${server.status}):`,
          ...server.errors.map((error) => `    ${error}`),
        ].join('\n'),
      );
    }
  }
}
console.log(`\n${total} documents, ${agree} agree`);
process.exit(failed || total === 0 ? 1 : 0);
