// The browser's application checks (src/main/frontend/src/shared/application-rules.js) run in Node over the bodies
// in the JSON file CASES names ({ program, bodies }); prints one list of { field, code } a body, as JSON. Run by
// ValidationParityTest, which sends the same bodies to the server and compares.
import { readFileSync } from 'node:fs';
import { validateApplication } from '../../main/frontend/src/shared/application-rules.js';

const { program, bodies } = JSON.parse(readFileSync(process.env.CASES, 'utf8'));
process.stdout.write(JSON.stringify(bodies.map((body) => validateApplication(body, program))));
