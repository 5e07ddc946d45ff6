// The `tandem` command. Every subcommand has --help.
import path from 'node:path';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { migrateToLatest } from './platform/migrate.ts';
import { AppError } from './platform/errors.ts';

function positiveInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${flag} must be a whole number, got "${value}".`);
    return n;
  };
}

const program = new Command();
program
  .name('tandem')
  .description('Tandem: marketing and sales on one data model.\nEmbedded database in ./.tandem by default; set DATABASE_URL to use PostgreSQL.')
  .showHelpAfterError();

async function withDatabase<T>(command: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command, poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('Run the web app, API and job worker (PORT, default 3000)')
  // loaded on use: the whole app (every domain's routes) is not needed for --help or the other commands
  .action(async () => (await import('./serve.ts')).serve());

program
  .command('worker')
  .description('Run background jobs only (use with DATABASE_URL, next to servers started with TANDEM_WORKER=false)')
  .action(async () => {
    const { runWorkerProcess } = await import('./worker-process.ts');
    await runWorkerProcess();
  });

program
  .command('migrate')
  .description('Apply database migrations and exit (serve does this at start too)')
  .action(async () => {
    await withDatabase('migrate', async () => {
      console.log('Database is up to date.');
    });
  });

program
  .command('init')
  .description('Create a workspace and its admin user')
  .requiredOption('--workspace <name>', 'workspace name')
  .requiredOption('--email <email>', 'admin email')
  .requiredOption('--password <password>', 'admin password (at least 8 characters)')
  .option('--name <name>', 'admin display name (default: from the email)')
  .option('--json', 'print {"workspaceId","userId","apiKey"} (an admin API key) for automation')
  .action(async (opts: { workspace: string; email: string; password: string; name?: string; json?: boolean }) => {
    const { initWorkspace } = await import('./workspaces/init-workspace.ts');
    const result = await withDatabase('init', (database) => initWorkspace(database.db, opts));
    if (opts.json) console.log(JSON.stringify(result));
    else {
      console.log(`Created workspace "${opts.workspace}" (${result.workspaceId}) with admin ${opts.email}.`);
      console.log(`Admin API key (shown once): ${result.apiKey}`);
    }
  });

program
  .command('import')
  .description('Import contacts or accounts (upsert by email / domain) or deals (each row a new deal) from a CSV file')
  .addArgument(new Argument('<object>', 'what the file holds').choices(['contacts', 'accounts', 'deals']))
  .argument('<file>', 'CSV file (first line = column names; HubSpot and Salesforce exports are recognised)')
  .requiredOption('--workspace <id>', 'workspace id (see `tandem init --json` or Settings)')
  .option('--map <header=field...>', 'override the suggested mapping, e.g. --map "E-mail=email" --map "Notes="')
  .option('--errors <file>', 'write rows that failed, with their problems, to this CSV')
  .option('--pipeline <name>', 'deals: the pipeline of rows without a pipeline column (default: the default pipeline)')
  .option('--map-stage <csv=stage...>', 'deals: a stage name of the file that is not a stage here, e.g. --map-stage "Demo booked=Discovery"')
  .option('--map-owner <csv=user...>', 'deals: an owner of the file that is not a user here → a member\'s email or name, "create" (inactive user) or "unassigned"')
  .option('--create-owners', 'deals: create every unknown owner as an inactive user')
  .action(
    async (
      object: 'contacts' | 'accounts' | 'deals',
      file: string,
      opts: { workspace: string; map?: string[]; errors?: string; pipeline?: string; mapStage?: string[]; mapOwner?: string[]; createOwners?: boolean },
    ) => {
      const { importFromCli } = await import('./imports/import-cli.ts');
      await withDatabase('import', (database) =>
        importFromCli(database.db, {
          objectType: object === 'contacts' ? 'contact' : object === 'accounts' ? 'account' : 'deal',
          file: path.resolve(file),
          workspaceId: opts.workspace,
          overrides: opts.map ?? [],
          errorsFile: opts.errors,
          dataDir: loadConfig().dataDir,
          pipeline: opts.pipeline,
          mapStages: opts.mapStage,
          mapOwners: opts.mapOwner,
          createOwners: opts.createOwners,
        }),
      );
    },
  );

program
  .command('demo')
  .description('Create a demo workspace: 18 months of a B2B company (companies, people, notes, website traffic, campaigns, deals, activities, quotas)')
  .addOption(new Option('--contacts <n>', 'number of contacts').default(5000).argParser(positiveInteger('--contacts')))
  .option('--workspace <name>', 'workspace name', 'Northwind Analytics (demo)')
  .option('--email <email>', 'admin email to sign in with', 'demo@tandem.local')
  .option('--password <password>', 'admin password', 'tandem-demo')
  .addOption(new Option('--seed <n>', 'random seed, for the same data every time').default(42).argParser(positiveInteger('--seed')))
  .option('--json', 'print {"workspaceId","userId","apiKey"}')
  .action(async (opts: { contacts: number; workspace: string; email: string; password: string; seed: number; json?: boolean }) => {
    const { seedDemo } = await import('./demo/seed-demo.ts');
    const result = await withDatabase('demo', (database) => seedDemo(database.db, { ...opts, log: opts.json ? () => {} : (m) => console.error(m) }));
    if (opts.json) console.log(JSON.stringify(result));
    else console.log(`Demo workspace ready. Sign in at http://localhost:${loadConfig().port} as ${opts.email} / ${opts.password}`);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof AppError) {
    console.error(`tandem: ${err.message}`);
    // the detail already names a single field; list them when there are several
    if (err.errors.length > 1) for (const e of err.errors) console.error(`  ${e.path}: ${e.message}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}
