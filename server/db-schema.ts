// Kysely's view of the tables (kept in step with server/migrations). Generated<> marks columns the
// database fills in; the domain shapes the API returns live in each domain's *.schemas.ts.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, T | string, T | string>;
type GeneratedText = ColumnType<string, never, never>;

export type Role = 'admin' | 'marketing' | 'sales' | 'viewer';
export type CustomFieldValues = Record<string, unknown>;

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MembersTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  status: ColumnType<'active' | 'deactivated', 'active' | 'deactivated' | undefined>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  last_seen_at: NullableTimestamp;
}

export interface InvitationsTable {
  workspace_id: string;
  id: Generated<string>;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface SessionsTable {
  workspace_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  role: Role;
  prefix: string;
  key_hash: string;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AccountsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  domain: string | null;
  industry: string | null;
  employee_count: number | null;
  annual_revenue: number | null;
  country: string | null;
  owner_id: string | null;
  custom_fields: Json<CustomFieldValues>;
  search_text: GeneratedText;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export type LifecycleStage = 'subscriber' | 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'evangelist' | 'other';

export interface ContactsTable {
  workspace_id: string;
  id: Generated<string>;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  title: string | null;
  account_id: string | null;
  owner_id: string | null;
  lifecycle_stage: LifecycleStage | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  custom_fields: Json<CustomFieldValues>;
  search_text: GeneratedText;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export type CustomFieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multi_select';
export type CustomFieldObject = 'contact' | 'account';

export interface CustomFieldDefinitionsTable {
  workspace_id: string;
  id: Generated<string>;
  object_type: CustomFieldObject;
  key: string;
  label: string;
  type: CustomFieldType;
  options: Json<Array<{ value: string; label: string }>>;
  required: ColumnType<boolean, boolean | undefined, boolean>;
  description: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface NotesTable {
  workspace_id: string;
  id: Generated<string>;
  contact_id: string | null;
  account_id: string | null;
  body: string;
  author_id: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export type OutboxStatus = 'outbox_only' | 'queued' | 'sent' | 'failed';

export interface OutboxEmailsTable {
  workspace_id: string;
  id: Generated<string>;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

export interface JobsTable {
  id: Generated<number>;
  workspace_id: string | null;
  name: string;
  payload: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | undefined, 'queued' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  response_status: number;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface ImportsTable {
  workspace_id: string;
  id: Generated<string>;
  object_type: CustomFieldObject;
  status: ImportStatus;
  file_name: string;
  file_path: string;
  file_size: number;
  headers: Json<string[]>;
  mapping: Json<Record<string, string>> | null;
  total_rows: number | null;
  processed_rows: Generated<number>;
  processed_bytes: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  failed_count: Generated<number>;
  error: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface ImportRowErrorsTable {
  workspace_id: string;
  import_id: string;
  row_number: number;
  errors: Json<Array<{ path: string; message: string }>>;
  row: Json<Record<string, string>>;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  members: MembersTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  notes: NotesTable;
  outbox_emails: OutboxEmailsTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  imports: ImportsTable;
  import_row_errors: ImportRowErrorsTable;
}
