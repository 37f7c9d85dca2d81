// GraphiQL in a real browser: the page served by /graphql loads its own assets (no CDN), renders
// without a script error or a Content-Security-Policy violation, introspects the schema, and runs
// a query the user types, showing Disha's answer.
//   node graphiql.mjs BASE_URL
import { chromium } from 'playwright-core';

const base = process.argv[2];
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (answer) => {
    if (answer.status() >= 400) problems.push(`${answer.status()} for ${answer.url()}`);
  });
  const external = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) external.push(request.url());
  });

  // GraphiQL introspects the schema as soon as it starts.
  const introspection = page.waitForResponse(
    (answer) => answer.url() === `${base}/graphql` && (answer.request().postData() ?? '').includes('__schema'),
    { timeout: 20000 });
  const response = await page.goto(`${base}/graphql`, { waitUntil: 'networkidle' });
  check(response.status() === 200, `GET /graphql as a browser answers 200 (got ${response.status()})`);
  await page.waitForSelector('.graphiql-container', { timeout: 20000 });
  check(true, 'GraphiQL rendered');
  const introspected = await introspection;
  const schema = await introspected.json();
  check(introspected.status() === 200 && schema.data?.__schema?.queryType?.name === 'Query',
        'GraphiQL introspected the schema');

  const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ universities(first: 2, sort: "name") { items { slug } } }');
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    () => document.querySelector('.graphiql-response')?.innerText.includes('slug'), null, { timeout: 20000 });
  const text = await page.locator('.graphiql-response').innerText();
  check(text.includes('"items"') && !text.includes('"errors"'), 'a typed query runs and its data is shown');

  check(external.length === 0, `no request leaves Disha (${external.join(', ') || 'none'})`);
  check(problems.length === 0, `no script error or policy violation (${problems.join(' | ') || 'none'})`);
} catch (error) {
  check(false, `the browser session: ${error.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(failures.length ? `${failures.length} failed` : 'all passed');
process.exit(failures.length ? 1 : 0);
