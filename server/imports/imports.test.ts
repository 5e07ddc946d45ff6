import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server, 'Import Co');
});
afterAll(async () => server?.close());

async function upload(csv: string, objectType: 'contact' | 'account', fileName = 'export.csv') {
  const res = await fetch(`${server.url}/api/v1/imports?objectType=${objectType}&fileName=${fileName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function runToEnd(id: string, mapping: Record<string, string>) {
  const started = await ws.api.post(`/api/v1/imports/${id}/start`, { mapping });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  for (let i = 0; i < 200; i++) {
    const r = await ws.api.get(`/api/v1/imports/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(r.body.status)) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('import did not finish');
}

describe('CSV import', () => {
  it('imports a HubSpot export: preview, suggested mapping, upsert, account links, custom fields, owner, error report', async () => {
    await ws.api.post('/api/v1/custom-fields', { objectType: 'contact', label: 'Persona', type: 'select', options: [{ value: 'data_leader', label: 'Data leader' }, { value: 'engineer', label: 'Engineer' }] });
    await ws.addUser('sales', 'rita@importco.test', 'Rita Rep');
    await ws.api.post('/api/v1/accounts', { name: 'Globex', domain: 'globex.test' });
    const csv =
      '\uFEFFRecord ID,First Name,Last Name,Email,Job Title,Lifecycle Stage,Contact owner,Company Name,Persona\n' +
      '1,Ann,Lee,ANN@globex.test,"CTO, Data",Marketing Qualified Lead,Rita Rep,,Data leader\n' +
      '2,Bob,Stone,bob@initech.test,Engineer,lead,rita@importco.test,Initech,engineer\n' +
      '3,Cy,Bad,not-an-email,,lead,,,\n' +
      '4,Dee,Unknown,dee@example.org,,not a stage,Nobody Here,,Astronaut\n' +
      '5,Ann,Lee-Updated,ann@globex.test,,,,,\n';
    const up = await upload(csv, 'contact', 'hubspot.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ status: 'uploaded', fileName: 'hubspot.csv', headers: ['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Lifecycle Stage', 'Contact owner', 'Company Name', 'Persona'] });
    expect(up.body.preview[0]).toMatchObject({ 'First Name': 'Ann', 'Job Title': 'CTO, Data' });
    expect(up.body.suggestedMapping).toMatchObject({ Email: 'email', 'Company Name': 'accountName', Persona: 'customFields.persona', 'Record ID': '' });

    const done = await runToEnd(up.body.id, up.body.suggestedMapping);
    expect(done).toMatchObject({ status: 'completed', processedRows: 5, totalRows: 5, created: 2, updated: 1, failed: 2, progress: 1 });

    const ann = (await ws.api.get('/api/v1/contacts?filter[email]=ann@globex.test')).body.data[0];
    expect(ann).toMatchObject({ firstName: 'Ann', lastName: 'Lee-Updated', title: 'CTO, Data', lifecycleStage: 'mql', customFields: { persona: 'data_leader' } });
    expect(ann.account.name).toBe('Globex');
    const bob = (await ws.api.get('/api/v1/contacts?filter[email]=bob@initech.test')).body.data[0];
    expect(bob.account.name).toBe('Initech');
    const users = (await ws.api.get('/api/v1/users')).body.data;
    expect(bob.ownerId).toBe(users.find((u: { email: string }) => u.email === 'rita@importco.test').id);

    const report = await fetch(`${server.url}/api/v1/imports/${up.body.id}/errors`, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    expect(report.headers.get('content-type')).toContain('text/csv');
    const lines = (await report.text()).trim().split('\n');
    expect(lines[0]).toBe('row,problems,Record ID,First Name,Last Name,Email,Job Title,Lifecycle Stage,Contact owner,Company Name,Persona');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^4,"email: ""not-an-email"" is not a valid email address"/);
    expect(lines[2]).toContain('lifecycleStage: ""not a stage"" is not a lifecycle stage');
    expect(lines[2]).toContain('owner: ""Nobody Here"" is not a user of this workspace');
    expect(lines[2]).toContain('customFields.persona');
  });

  it('keeps stored values for blank cells and upserts by email', async () => {
    await ws.api.post('/api/v1/contacts', { email: 'keep@example.com', firstName: 'Kim', phone: '+1 555 0100' });
    const up = await upload('email,first name,phone\nkeep@example.com,,+1 555 0199\n', 'contact');
    const done = await runToEnd(up.body.id, up.body.suggestedMapping);
    expect(done).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const kim = (await ws.api.get('/api/v1/contacts?filter[email]=keep@example.com')).body.data[0];
    expect(kim).toMatchObject({ firstName: 'Kim', phone: '+1 555 0199' });
  });

  it('imports accounts from a Salesforce export, normalising websites and linking contacts', async () => {
    await ws.api.post('/api/v1/contacts', { email: 'pat@umbrella.test', firstName: 'Pat' });
    const csv = 'Account Name,Website,Industry,Employees,Annual Revenue,Billing Country\nUmbrella,https://www.Umbrella.test/about,Healthcare,"1,200",$5000000,UK\nNo Domain Ltd,,Retail,12,,FR\nBroken,not a domain!,Retail,abc,,\n';
    const up = await upload(csv, 'account', 'salesforce-accounts.csv');
    const done = await runToEnd(up.body.id, up.body.suggestedMapping);
    expect(done).toMatchObject({ created: 2, updated: 0, failed: 1 });
    const umbrella = (await ws.api.get('/api/v1/accounts?filter[domain]=umbrella.test')).body.data[0];
    expect(umbrella).toMatchObject({ name: 'Umbrella', industry: 'Healthcare', employeeCount: 1200, annualRevenue: 5000000, country: 'UK', contactCount: 1 });
    expect((await ws.api.get('/api/v1/contacts?filter[email]=pat@umbrella.test')).body.data[0].account.name).toBe('Umbrella');
  });

  it('imports thousands of rows in batches, merging duplicate emails', async () => {
    const rows = ['email,first_name,last_name,tags'];
    for (let i = 0; i < 12_000; i++) rows.push(`user${i}@bulk.test,First${i},Last${i},bulk;import`);
    for (let i = 0; i < 600; i++) rows.push(`user${i * 7}@bulk.test,Again${i},,`);
    const up = await upload(`${rows.join('\n')}\n`, 'contact', 'bulk.csv');
    const done = await runToEnd(up.body.id, up.body.suggestedMapping);
    expect(done).toMatchObject({ status: 'completed', processedRows: 12_600, created: 12_000, updated: 600, failed: 0 });
    const total = (await ws.api.get('/api/v1/contacts?filter[tags]=bulk&includeTotal=true&limit=1')).body.totalCount;
    expect(total).toBe(12_000);
    const again = (await ws.api.get('/api/v1/contacts?filter[email]=user7@bulk.test')).body.data[0];
    expect(again).toMatchObject({ firstName: 'Again1', lastName: 'Last7' });
  });

  it('resumes after a crash without applying a batch twice', async () => {
    const rows = ['email,first_name'];
    for (let i = 0; i < 8000; i++) rows.push(`r${i}@resume.test,R${i}`);
    const up = await upload(`${rows.join('\n')}\n`, 'contact', 'resume.csv');
    // simulate a worker that committed the first batch (5,000 rows) and died
    await server.database.db.updateTable('imports').set({ mapping: JSON.stringify(up.body.suggestedMapping), status: 'running', processed_rows: 5000, created_count: 5000 }).where('id', '=', up.body.id).execute();
    const { runImport } = await import('./run-import.ts');
    const result = await runImport(server.database.db, ws.workspaceId, up.body.id);
    expect(result).toMatchObject({ processedRows: 8000, created: 8000 });
    const count = (await ws.api.get('/api/v1/contacts?q=resume.test&includeTotal=true&limit=1')).body.totalCount;
    expect(count).toBe(3000);
  });

  it('rejects bad mappings and bad files with field errors', async () => {
    const up = await upload('email,name\na@b.test,A\n', 'contact');
    const bad = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { email: 'favouriteColour', name: 'firstName', nope: 'lastName' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['mapping.email', 'mapping.nope']);
    const noKey = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { email: '', name: '' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].path).toBe('mapping');
    expect((await upload('', 'contact')).status).toBe(400);
    const dup = await upload('email,email\na@b.test,c@d.test\n', 'contact');
    expect(dup.status).toBe(400);
    expect(dup.body.detail).toContain('"email" twice');
  });

  it('cancels an import that has not finished', async () => {
    const up = await upload('email\nc1@cancel.test\n', 'contact');
    const cancelled = await ws.api.post(`/api/v1/imports/${up.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { email: 'email' } })).status).toBe(409);
    expect((await ws.api.post(`/api/v1/imports/${up.body.id}/cancel`)).status).toBe(409);
  });
  it('answers a retried upload with the same Idempotency-Key with the first import, not a second one', async () => {
    const send = (key: string, fileName = 'retry.csv') =>
      fetch(`${server.url}/api/v1/imports?objectType=contact&fileName=${fileName}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'text/csv', 'idempotency-key': key },
        body: 'Email\nretry@imports.test\n',
      });
    const first = await send('upload-1');
    const firstBody = (await first.json()) as any;
    const retry = await send('upload-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as any).id).toBe(firstBody.id);
    const list = await ws.api.get('/api/v1/imports');
    expect(list.body.data.filter((i: any) => i.fileName === 'retry.csv')).toHaveLength(1);
    const misuse = await send('upload-1', 'other.csv');
    expect(misuse.status).toBe(422);
  });
});
