// Runs graphql-http's GraphQL-over-HTTP server audits against a GraphQL endpoint.
//   node audit.mjs URL
// Prints every audit; a failed MUST audit fails the run, failed SHOULD and MAY audits are listed
// with their reasons and pass (the spec only recommends them).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

const audits = serverAudits({ url, fetchFn: fetch });
const failures = [];
// One at a time, so the output reads in the suite's order and the server's rate limit sees a
// steady trickle rather than a burst.
for (const audit of audits) {
  let result;
  try {
    result = await audit.fn();
  } catch (error) {
    // A thrown audit could not run at all (the server is gone, say): a failure at its level.
    result = { status: 'error', reason: `audit could not run: ${error.message}` };
  }
  console.log(`${result.status.padEnd(6)} ${audit.id} ${audit.name}`);
  if (result.status !== 'ok') failures.push({ audit, result, level: audit.name.split(' ')[0] });
}

for (const { audit, result, level } of failures) {
  const status = result.response ? ` (HTTP ${result.response.status})` : '';
  console.log(`\n${level} failed: ${audit.id} ${audit.name}${status}\n  ${result.reason}`);
}
const failed = (level) => failures.filter((failure) => failure.level === level).length;
console.log(
  `\n${audits.length} audits, ${audits.length - failures.length} passed; failed: ` +
    `${failed('MUST')} MUST, ${failed('SHOULD')} SHOULD, ${failed('MAY')} MAY`,
);
process.exit(failed('MUST') > 0 ? 1 : 0);
