/**
 * `node --import tsx test/helpers/seed-projects.ts <dataDir> <count>`: writes `count` projects
 * ("Project 00001" oldest … newest) into the app's data folder through the app's own services
 * (createProject: row, first sign, audit event and outbox row each), in one transaction, while the
 * app is stopped. The 10,000-project list test uses it: the list is what it tests, and creating
 * them one command at a time took most of its minute.
 */
import { createMainContext } from '../../src-main/main-context';
import { createProject } from '../../src-main/services/projects';

const [dataDir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dataDir || !Number.isInteger(count) || count < 1) {
  console.error('usage: seed-projects.ts <dataDir> <count>');
  process.exit(2);
}
const main = createMainContext({ dataDir, host: 'memory' });
try {
  main.services.sqlite.transaction(() => {
    for (let i = 1; i <= count; i++)
      createProject(main.services, {
        name: `Project ${String(i).padStart(5, '0')}`,
        customer: { company: `Customer ${i % 97}`, contact: '', email: '', phone: '' },
        siteAddress: `${i} Main St`,
        jurisdiction: '',
        notes: '',
      });
  })();
} finally {
  main.close();
}
console.log(`seeded ${count}`);
