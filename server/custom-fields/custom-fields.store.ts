import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { CustomFieldDefinitionsTable, CustomFieldObject } from '../db-schema.ts';
import type { CustomField } from './custom-fields.schemas.ts';

type Row = Selectable<CustomFieldDefinitionsTable>;

export function toCustomField(row: Row): CustomField {
  return {
    id: row.id,
    objectType: row.object_type,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
    description: row.description,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCustomFields(db: DbOrTrx, workspaceId: string, objectType?: CustomFieldObject): Promise<CustomField[]> {
  let q = db.selectFrom('custom_field_definitions').selectAll().where('workspace_id', '=', workspaceId);
  if (objectType) q = q.where('object_type', '=', objectType);
  const rows = await q.orderBy('object_type').orderBy('position').orderBy('created_at').execute();
  return rows.map(toCustomField);
}

export async function findCustomField(db: DbOrTrx, workspaceId: string, id: string): Promise<CustomField | undefined> {
  const row = await db
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toCustomField(row);
}

/**
 * Definitions change rarely and are read by every list request (to compile filters on custom
 * fields), so reads are cached for a few seconds per workspace. Writes validate against a fresh read
 * inside their transaction instead.
 */
export class CustomFieldCache {
  private readonly entries = new Map<string, { at: number; fields: CustomField[] }>();
  constructor(private readonly ttlMs = 5_000) {}

  async get(db: DbOrTrx, workspaceId: string, objectType: CustomFieldObject): Promise<CustomField[]> {
    const now = Date.now();
    const hit = this.entries.get(workspaceId);
    if (hit && now - hit.at < this.ttlMs) return hit.fields.filter((f) => f.objectType === objectType);
    const fields = await listCustomFields(db, workspaceId);
    this.entries.set(workspaceId, { at: now, fields });
    return fields.filter((f) => f.objectType === objectType);
  }

  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }
}
