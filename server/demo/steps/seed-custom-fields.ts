// The custom field definitions (see demo-fields.ts). Their expression indexes are built at the end,
// once the data is in: one index build is much cheaper than maintaining it row by row.
import { insertRows } from '../insert-rows.ts';
import { DEMO_FIELDS } from '../demo-fields.ts';
import type { SeedStep } from '../seed-context.ts';

export const customFieldsStep: SeedStep = {
  name: 'custom fields',
  async run(ctx) {
    await insertRows(ctx.db, 'custom_field_definitions', ctx.workspaceId, [
      { name: 'object_type', type: 'text', values: DEMO_FIELDS.map((f) => f.objectType) },
      { name: 'key', type: 'text', values: DEMO_FIELDS.map((f) => f.key) },
      { name: 'label', type: 'text', values: DEMO_FIELDS.map((f) => f.label) },
      { name: 'type', type: 'text', values: DEMO_FIELDS.map((f) => f.type) },
      {
        name: 'options',
        type: 'jsonb',
        values: DEMO_FIELDS.map((f) => JSON.stringify((f.options ?? []).map((o) => ({ value: o, label: o })))),
      },
      { name: 'description', type: 'text', values: DEMO_FIELDS.map((f) => f.description) },
      // positions count per object: the order the settings page shows
      {
        name: 'position',
        type: 'int',
        values: DEMO_FIELDS.map((f, i) => DEMO_FIELDS.slice(0, i).filter((g) => g.objectType === f.objectType).length),
      },
    ]);
    ctx.log(
      `  ${DEMO_FIELDS.filter((f) => f.objectType === 'contact').length} contact fields, ${DEMO_FIELDS.filter((f) => f.objectType === 'account').length} account fields`,
    );
  },
};
