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
  /** Set when this contact was merged into another (tracking's merge; the row is soft-deleted). */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Notes on a deal (deals migration); exactly one of contact_id, account_id, deal_id is set. */
  deal_id: ColumnType<string | null, string | null | undefined, string | null>;
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
export type ImportObjectType = 'contact' | 'account' | 'deal';

/** A deal import's answers for CSV values that matched nothing (keys lowercased). */
export interface ImportValueMapping {
  /** CSV stage name → stage id */
  stages: Record<string, string>;
  /** CSV owner (name or email) → user id, or 'unassigned' */
  owners: Record<string, string>;
}

export interface ImportsTable {
  workspace_id: string;
  id: Generated<string>;
  object_type: ImportObjectType;
  status: ImportStatus;
  file_name: string;
  file_path: string;
  file_size: number;
  headers: Json<string[]>;
  mapping: Json<Record<string, string>> | null;
  /** deal imports: the pipeline of rows without a pipeline column */
  pipeline_id: ColumnType<string | null, string | null | undefined, string | null>;
  value_mapping: ColumnType<ImportValueMapping | null, string | null | undefined, string | null>;
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

export type CampaignStatus = 'planned' | 'active' | 'paused' | 'completed';

export interface CampaignsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  name_key: string;
  channel: string | null;
  start_date: ColumnType<string | null, string | null | undefined, string | null>; // date as YYYY-MM-DD
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  description: string | null;
  first_seen_at: NullableTimestamp;
  search_text: GeneratedText;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface ChannelRulesTable {
  workspace_id: string;
  position: number;
  channel: string;
  conditions: Json<Array<{ field: string; operator: string; values: string[] }>>;
  created_at: Generated<Date>;
}

export type FormStatus = 'active' | 'paused';
export type FormSubmissionStatus = 'pending_confirmation' | 'confirmed';

export interface FormFieldConfig {
  property: string;
  label: string;
  type: string;
  required: boolean;
  placeholder?: string | null;
  helpText?: string | null;
}

export interface FormsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  fields: Json<FormFieldConfig[]>;
  consent_text: string | null;
  consent_required: ColumnType<boolean, boolean | undefined, boolean>;
  submit_label: ColumnType<string, string | undefined, string>;
  thank_you_message: ColumnType<string, string | undefined, string>;
  redirect_url: string | null;
  double_opt_in: ColumnType<boolean, boolean | undefined, boolean>;
  notification_emails: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<FormStatus, FormStatus | undefined, FormStatus>;
  search_text: GeneratedText;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface FormSubmissionsTable {
  workspace_id: string;
  id: Generated<string>;
  form_id: string;
  contact_id: string;
  values: Json<Record<string, unknown>>;
  anonymous_id: string | null;
  page_url: string | null;
  referrer: string | null;
  utm: Json<Record<string, string>>;
  ip: string | null;
  user_agent: string | null;
  status: FormSubmissionStatus;
  confirm_token_hash: string | null;
  confirmed_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ConsentsTable {
  workspace_id: string;
  id: Generated<string>;
  contact_id: string;
  kind: string;
  granted: boolean;
  text: string;
  source_type: string;
  source_id: string | null;
  source_url: string | null;
  submission_id: string | null;
  ip: string | null;
  user_agent: string | null;
  double_opt_in: ColumnType<boolean, boolean | undefined, boolean>;
  confirmed_at: NullableTimestamp;
  recorded_at: Generated<Date>;
}

export interface FormViewsDailyTable {
  workspace_id: string;
  form_id: string;
  day: ColumnType<string, string, string>; // date as YYYY-MM-DD
  views: number;
}

// Tracking (server/tracking). Events are partitioned by month on occurred_at.
export type EventType = 'track' | 'identify' | 'page' | 'screen' | 'group' | 'alias';
export type TouchKind = 'visit' | 'form' | 'email_click' | 'ad_click';

export interface SourcesTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  write_key: string;
  event_count: Generated<number>;
  last_event_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface TrackingInboxTable {
  workspace_id: string;
  id: Generated<number>;
  source_id: string | null;
  received_at: Timestamp;
  event_count: number;
  /** A JSON array of TrackedEvents (server/tracking/tracked-event.ts), as text: written by JSON.stringify. */
  payload: string;
  failed_at: NullableTimestamp;
  error: string | null;
}

export interface EventsTable {
  workspace_id: string;
  id: string;
  occurred_at: Timestamp;
  received_at: Timestamp;
  type: EventType;
  event: string | null;
  message_id: string;
  source_id: string | null;
  anonymous_id: string | null;
  user_id: string | null;
  contact_id: string | null;
  visit_id: string | null;
  group_id: string | null;
  previous_id: string | null;
  properties: Json<Record<string, unknown>>;
  traits: Json<Record<string, unknown>>;
  context: Json<Record<string, unknown>>;
}

export interface EventReceiptsTable {
  workspace_id: string;
  message_id: string;
  received_at: Timestamp;
}

export interface IdentitiesTable {
  workspace_id: string;
  kind: 'anonymous_id' | 'user_id';
  value: string;
  contact_id: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface GroupAccountsTable {
  workspace_id: string;
  group_id: string;
  account_id: string;
  created_at: Generated<Date>;
}

export interface VisitsTable {
  workspace_id: string;
  id: string;
  visitor: string;
  contact_id: string | null;
  started_at: Timestamp;
  last_seen_at: Timestamp;
  page_views: number;
  landing_page: string | null;
  referrer: string | null;
}

export interface TouchesTable {
  workspace_id: string;
  id: Generated<string>;
  contact_id: string | null;
  anonymous_id: string | null;
  user_id: string | null;
  occurred_at: Timestamp;
  kind: TouchKind;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign_id: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  landing_page: string | null;
  referrer: string | null;
  click_id_type: string | null;
  event_id: string | null;
  visit_id: string | null;
  created_at: Generated<Date>;
}

// Deals (server/pipelines, server/deals, server/products). Money is numeric, read as JS numbers.
export type StageType = 'open' | 'won' | 'lost';
export type ForecastCategory = 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted';
export type DealType = 'new' | 'renewal' | 'expansion';
export type DealContactRole = 'decision_maker' | 'champion' | 'influencer' | 'user' | 'blocker';
type DateText = ColumnType<string | null, string | null | undefined, string | null>; // date as YYYY-MM-DD (select it ::text)

export interface PipelinesTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  position: ColumnType<number, number | undefined, number>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export interface PipelineStagesTable {
  workspace_id: string;
  id: Generated<string>;
  pipeline_id: string;
  name: string;
  position: ColumnType<number, number | undefined, number>;
  probability: number;
  type: ColumnType<StageType, StageType | undefined, StageType>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export interface ProductsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  sku: string | null;
  description: string | null;
  unit_price: ColumnType<number, number | string, number | string>;
  currency: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  search_text: GeneratedText;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface CloseReasonsTable {
  workspace_id: string;
  id: Generated<string>;
  kind: 'won' | 'lost';
  label: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export interface DealsTable {
  workspace_id: string;
  id: Generated<string>;
  pipeline_id: string;
  stage_id: string;
  status: ColumnType<StageType, StageType | undefined, StageType>;
  name: string;
  amount: ColumnType<number, number | string | undefined, number | string>;
  amount_from_line_items: ColumnType<boolean, boolean | undefined, boolean>;
  currency: ColumnType<string, string | undefined, string>;
  expected_close_date: DateText;
  owner_id: string | null;
  account_id: string | null;
  source_campaign_id: string | null;
  forecast_category: ColumnType<ForecastCategory, ForecastCategory | undefined, ForecastCategory>;
  close_reason_id: string | null;
  close_note: string | null;
  closed_at: NullableTimestamp;
  stage_changed_at: Timestamp;
  deal_type: ColumnType<DealType, DealType | undefined, DealType>;
  parent_deal_id: string | null;
  renewal_date: DateText;
  search_text: GeneratedText;
  created_at: Timestamp; // imports set historical dates
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface DealContactsTable {
  workspace_id: string;
  deal_id: string;
  contact_id: string;
  role: DealContactRole | null;
  created_at: Generated<Date>;
}

export interface DealLineItemsTable {
  workspace_id: string;
  id: Generated<string>;
  deal_id: string;
  product_id: string | null;
  name: string;
  quantity: ColumnType<number, number | string, number | string>;
  unit_price: ColumnType<number, number | string, number | string>;
  discount_percent: ColumnType<number, number | string | undefined, number | string>;
  position: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
}

export interface DealStageHistoryTable {
  workspace_id: string;
  id: Generated<string>;
  deal_id: string;
  pipeline_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_at: Timestamp;
  changed_by: string | null;
  amount: ColumnType<number, number | string | undefined, number | string>;
}

// Activities (server/activities): one row per task, call, meeting or logged email.
export type ActivityType = 'task' | 'call' | 'meeting' | 'email';
export type ActivityPriority = 'low' | 'normal' | 'high';
export type CallOutcome = 'connected' | 'left_voicemail' | 'no_answer' | 'busy' | 'wrong_number' | 'gatekeeper';
export type ActivityDirection = 'inbound' | 'outbound';

export interface ActivitiesTable {
  workspace_id: string;
  id: Generated<string>;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  contact_id: string | null;
  account_id: string | null;
  deal_id: string | null;
  assignee_id: string | null;
  created_by: string | null;
  due_at: NullableTimestamp;
  priority: ActivityPriority | null;
  done_at: NullableTimestamp;
  done: ColumnType<boolean, never, never>;
  outcome: CallOutcome | null;
  duration_seconds: number | null;
  direction: ActivityDirection | null;
  starts_at: NullableTimestamp;
  ends_at: NullableTimestamp;
  location: string | null;
  from_address: string | null;
  to_addresses: string[] | null;
  occurred_at: NullableTimestamp;
  timeline_at: ColumnType<Date, never, never>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface ActivityAttendeesTable {
  workspace_id: string;
  activity_id: string;
  contact_id: string | null;
  user_id: string | null;
}

// Forecast (server/forecast): quotas per rep (owner_id) or team (owner_id null) and period.
export interface QuotasTable {
  workspace_id: string;
  id: Generated<string>;
  owner_id: string | null;
  period: string;
  amount: number;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface StageConversionCacheTable {
  workspace_id: string;
  stages: Json<Array<{ stageId: string; reachedClosed: number; reachedWon: number }>>;
  computed_at: Timestamp;
  compute_ms: ColumnType<number, number | undefined, number>;
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
  campaigns: CampaignsTable;
  channel_rules: ChannelRulesTable;
  forms: FormsTable;
  form_submissions: FormSubmissionsTable;
  consents: ConsentsTable;
  form_views_daily: FormViewsDailyTable;
  sources: SourcesTable;
  tracking_inbox: TrackingInboxTable;
  events: EventsTable;
  event_receipts: EventReceiptsTable;
  identities: IdentitiesTable;
  group_accounts: GroupAccountsTable;
  visits: VisitsTable;
  touches: TouchesTable;
  pipelines: PipelinesTable;
  pipeline_stages: PipelineStagesTable;
  products: ProductsTable;
  close_reasons: CloseReasonsTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_line_items: DealLineItemsTable;
  deal_stage_history: DealStageHistoryTable;
  activities: ActivitiesTable;
  activity_attendees: ActivityAttendeesTable;
  quotas: QuotasTable;
  stage_conversion_cache: StageConversionCacheTable;
}
