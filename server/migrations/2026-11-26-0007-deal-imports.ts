// Deal import (issue 4): an import can hold deals. A deal import remembers the pipeline its rows go
// to (when the file has no pipeline column) and the user's answers for CSV values that matched
// nothing: stage name → stage id, owner → user id (or unassigned). See server/imports/.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE imports DROP CONSTRAINT imports_object_type_check;
    ALTER TABLE imports ADD CONSTRAINT imports_object_type_check CHECK (object_type IN ('contact', 'account', 'deal'));
    ALTER TABLE imports ADD COLUMN pipeline_id uuid;
    ALTER TABLE imports ADD COLUMN value_mapping jsonb;
    ALTER TABLE imports ADD CONSTRAINT imports_pipeline_fk
      FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines(workspace_id, id) ON DELETE CASCADE;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM imports WHERE object_type = 'deal';
    ALTER TABLE imports DROP CONSTRAINT imports_pipeline_fk;
    ALTER TABLE imports DROP COLUMN value_mapping;
    ALTER TABLE imports DROP COLUMN pipeline_id;
    ALTER TABLE imports DROP CONSTRAINT imports_object_type_check;
    ALTER TABLE imports ADD CONSTRAINT imports_object_type_check CHECK (object_type IN ('contact', 'account'));
  `.execute(db);
}
