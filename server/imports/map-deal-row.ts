// Turns one CSV row of a deal import into a deal to create, or into the list of problems with it.
// Pure: the workspace's pipelines, members, products and close reasons come in already loaded (see
// dealRowContext), with the user's answers for values that matched nothing (the value mapping).
import type { FieldError } from '../platform/errors.ts';
import type { DealType, ImportValueMapping } from '../db-schema.ts';
import type { Pipeline, Stage } from '../pipelines/pipelines.schemas.ts';
import { normaliseDomain } from '../accounts/domains.ts';
import { normaliseHeader } from './suggest-mapping.ts';
import type { RowResult } from './map-row.ts';

export interface DealRowContextInput {
  mapping: Record<string, string>;
  /** where rows without a pipeline column (or with a blank one) go */
  pipelineId: string;
  pipelines: Pipeline[];
  /** lowercased email or name → user id (members of any status) */
  users: Map<string, string>;
  valueMapping: ImportValueMapping;
  products: Array<{ id: string; name: string; sku: string | null; unitPrice: number; currency: string }>;
  closeReasons: Array<{ id: string; kind: 'won' | 'lost'; label: string }>;
  now: Date;
}

export interface DealRowContext extends DealRowContextInput {
  pipelineByName: Map<string, Pipeline>;
  /** pipeline id → normalised stage name → stage */
  stagesByPipeline: Map<string, Map<string, Stage>>;
  stageById: Map<string, Stage>;
  productByKey: Map<string, DealRowContextInput['products'][number]>;
  reasonByKey: Map<string, string>;
}

export interface MappedDeal {
  name: string;
  amount: number | null;
  currency?: string;
  stage: Stage;
  /** won/lost deals are created here at createdAt, then moved to `stage` at closeAt */
  openStage?: Stage;
  /** undefined: no owner given; null: left unassigned by the user's choice */
  ownerId?: string | null;
  accountName?: string;
  accountDomain?: string;
  product?: DealRowContextInput['products'][number];
  createdAt?: string;
  closeAt?: string;
  expectedCloseDate?: string;
  closeReasonId: string | null;
  dealType?: DealType;
}

export function dealRowContext(input: DealRowContextInput): DealRowContext {
  const stagesByPipeline = new Map<string, Map<string, Stage>>();
  const stageById = new Map<string, Stage>();
  for (const p of input.pipelines) {
    const byName = new Map<string, Stage>();
    for (const s of p.stages) {
      if (!byName.has(normaliseHeader(s.name))) byName.set(normaliseHeader(s.name), s);
      stageById.set(s.id, s);
    }
    stagesByPipeline.set(p.id, byName);
  }
  const productByKey = new Map<string, DealRowContextInput['products'][number]>();
  for (const p of input.products) if (p.sku && !productByKey.has(p.sku.toLowerCase())) productByKey.set(p.sku.toLowerCase(), p);
  for (const p of input.products) if (!productByKey.has(p.name.toLowerCase())) productByKey.set(p.name.toLowerCase(), p);
  return {
    ...input,
    pipelineByName: new Map(input.pipelines.map((p) => [p.name.toLowerCase(), p])),
    stagesByPipeline,
    stageById,
    productByKey,
    reasonByKey: new Map(input.closeReasons.map((r) => [`${r.kind}:${r.label.toLowerCase()}`, r.id])),
  };
}

/** The stage a CSV stage value names in a pipeline: by name (case and punctuation ignored), else the user's mapping. */
export function matchStage(ctx: DealRowContext, pipelineId: string, value: string): Stage | undefined {
  return (
    ctx.stagesByPipeline.get(pipelineId)?.get(normaliseHeader(value)) ??
    ctx.stageById.get(ctx.valueMapping.stages[value.trim().toLowerCase()] ?? '')
  );
}

export interface ParsedDate {
  /** ISO timestamp (UTC midnight for a date without a time) */
  at: string;
  day: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Dates as CRMs export them: 2024-03-15, 2024-03-15 10:30 / ISO with a zone (no zone = UTC), epoch
 * milliseconds (HubSpot API), 3/15/2024 (US: month first, unless the first number is above 12) with
 * an optional time and AM/PM (Salesforce), 15.03.2024 (day first).
 */
export function parseDate(value: string): ParsedDate | undefined {
  const v = value.trim();
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0;
  let m: RegExpMatchArray | null;
  if (/^\d{12,13}$/.test(v)) {
    const date = new Date(Number(v));
    return { at: date.toISOString(), day: date.toISOString().slice(0, 10) };
  }
  if ((m = v.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i))) {
    if (m[7]) {
      const date = new Date(
        `${m[1]}-${m[2]}-${m[3]}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${m[7].toUpperCase() === 'Z' ? 'Z' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]}`,
      );
      if (Number.isNaN(date.getTime())) return undefined;
      return { at: date.toISOString(), day: date.toISOString().slice(0, 10) };
    }
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4]) [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  } else if ((m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    [y, mo, d] = a > 12 ? [Number(m[3]), b, a] : [Number(m[3]), a, b];
    if (m[4]) {
      [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
      if (m[7]) {
        if (h < 1 || h > 12) return undefined;
        h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
      }
    }
  } else if ((m = v.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) {
    [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  } else {
    return undefined;
  }
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return { at: date.toISOString(), day: `${y}-${pad(mo)}-${pad(d)}` };
}

const DATE_FORMATS = 'use YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY, optionally with a time';

function dealType(value: string): DealType | undefined {
  const v = normaliseHeader(value);
  if (v.includes('renew')) return 'renewal';
  if (v === 'new' || v.startsWith('newbusiness') || v.startsWith('newcustomer') || v === 'newdeal') return 'new';
  if (v.startsWith('existing') || v.includes('expansion') || v.includes('upsell') || v.includes('upgrade') || v.includes('crosssell'))
    return 'expansion';
  return undefined;
}

function money(value: string, path: string, errors: FieldError[]): number | undefined {
  const v = value
    .trim()
    .replace(/[,\s$€£¥]/g, '')
    .replace(/^([A-Za-z]{3})(?=[\d.])/, '');
  const n = Number(v);
  if (!v || !Number.isFinite(n) || n < 0) errors.push({ path, message: `"${value}" is not an amount (a number, not negative)` });
  else if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) errors.push({ path, message: `"${value}" has more than 2 decimals` });
  else if (n > 999_999_999_999.99) errors.push({ path, message: `"${value}" is too large` });
  else return n;
  return undefined;
}

export function mapDealRow(row: Record<string, string>, ctx: DealRowContext): RowResult<MappedDeal> {
  const errors: FieldError[] = [];
  const cell: Partial<Record<string, string>> = {};
  for (const [header, target] of Object.entries(ctx.mapping)) if (target && row[header] !== undefined) cell[target] = row[header].trim();
  const mapped = new Set(Object.values(ctx.mapping).filter(Boolean));
  const out: Partial<MappedDeal> & { closeReasonId: string | null } = { closeReasonId: null };

  if (!cell.name) errors.push({ path: 'name', message: 'is empty: every deal needs a name' });
  else if (cell.name.length > 200) errors.push({ path: 'name', message: 'must be at most 200 characters' });
  else out.name = cell.name;

  if (cell.amount) {
    const n = money(cell.amount, 'amount', errors);
    if (n !== undefined) out.amount = n;
  }
  if (cell.currency) {
    if (!/^[A-Za-z]{3}$/.test(cell.currency))
      errors.push({ path: 'currency', message: `"${cell.currency}" is not a 3-letter currency code (e.g. USD)` });
    else out.currency = cell.currency.toUpperCase();
  }

  // pipeline, then the stage within it
  let pipeline = ctx.pipelines.find((p) => p.id === ctx.pipelineId);
  if (cell.pipeline) {
    pipeline = ctx.pipelineByName.get(cell.pipeline.toLowerCase());
    if (!pipeline) errors.push({ path: 'pipeline', message: `"${cell.pipeline}" is not a pipeline of this workspace` });
  }
  if (pipeline) {
    if (mapped.has('stage')) {
      if (!cell.stage) errors.push({ path: 'stage', message: 'is empty' });
      else {
        const stage = matchStage(ctx, pipeline.id, cell.stage);
        if (!stage) {
          errors.push({
            path: 'stage',
            message: `"${cell.stage}" is not a stage of the pipeline "${pipeline.name}" and was not mapped to one`,
          });
        } else out.stage = stage;
      }
    } else {
      out.stage = pipeline.stages.find((s) => s.type === 'open');
      if (!out.stage) errors.push({ path: 'stage', message: `the pipeline "${pipeline.name}" has no open stage` });
    }
  }
  if (out.stage && out.stage.type !== 'open') {
    const stagePipeline = ctx.pipelines.find((p) => p.id === out.stage!.pipelineId);
    out.openStage = stagePipeline?.stages.find((s) => s.type === 'open');
    if (!out.openStage)
      errors.push({
        path: 'stage',
        message: `the pipeline "${stagePipeline?.name}" has no open stage to create the deal in before it closed`,
      });
  }

  if (cell.owner) {
    const key = cell.owner.toLowerCase();
    const id = ctx.users.get(key) ?? ctx.valueMapping.owners[key];
    if (!id)
      errors.push({
        path: 'owner',
        message: `"${cell.owner}" is not a user of this workspace (match by email or name) and was not mapped to one`,
      });
    else out.ownerId = id === 'unassigned' ? null : id;
  }

  if (cell.accountDomain) {
    const d = normaliseDomain(cell.accountDomain);
    if (!d) errors.push({ path: 'accountDomain', message: `"${cell.accountDomain}" is not a valid domain` });
    else out.accountDomain = d;
  }
  if (cell.accountName) out.accountName = cell.accountName.slice(0, 200);

  if (cell.product) {
    const product = ctx.productByKey.get(cell.product.toLowerCase());
    if (!product) errors.push({ path: 'product', message: `"${cell.product}" is not a product of this workspace (match by name or SKU)` });
    else if (out.amount === undefined && product.currency !== (out.currency ?? 'USD')) {
      errors.push({
        path: 'amount',
        message: `is empty and the product "${product.name}" is priced in ${product.currency}, not ${out.currency ?? 'USD'}`,
      });
    } else {
      out.product = product;
      if (out.amount === undefined) out.amount = product.unitPrice;
    }
  }

  let created: ParsedDate | undefined;
  let closed: ParsedDate | undefined;
  const tomorrow = new Date(ctx.now.getTime() + 86_400_000).toISOString();
  if (cell.createdAt) {
    created = parseDate(cell.createdAt);
    if (!created) errors.push({ path: 'createdAt', message: `"${cell.createdAt}" is not a date (${DATE_FORMATS})` });
    else if (created.at > tomorrow) errors.push({ path: 'createdAt', message: `"${cell.createdAt}" is in the future` });
    else out.createdAt = created.at;
  }
  if (cell.closeDate) {
    closed = parseDate(cell.closeDate);
    if (!closed) errors.push({ path: 'closeDate', message: `"${cell.closeDate}" is not a date (${DATE_FORMATS})` });
    else out.expectedCloseDate = closed.day;
  }
  const kind = out.stage?.type;
  if (kind === 'won' || kind === 'lost') {
    if (!cell.closeDate) errors.push({ path: 'closeDate', message: `is empty: a ${kind} deal needs the date it closed` });
    if (!cell.createdAt)
      errors.push({ path: 'createdAt', message: `is empty: a ${kind} deal needs the date it was created (its sales cycle starts there)` });
    if (closed && created) {
      if (closed.day < created.day) errors.push({ path: 'closeDate', message: `${closed.day} is before the created date ${created.day}` });
      else if (closed.at > tomorrow) errors.push({ path: 'closeDate', message: `${closed.day} is in the future, but the deal is ${kind}` });
      // closed the day it was created, at midnight before its creation time: close at creation
      else out.closeAt = closed.at < created.at ? created.at : closed.at;
    }
    if (cell.closeReason) {
      const id = ctx.reasonByKey.get(`${kind}:${cell.closeReason.toLowerCase()}`);
      if (!id) errors.push({ path: 'closeReason', message: `"${cell.closeReason}" is not one of this workspace's ${kind} reasons` });
      else out.closeReasonId = id;
    }
  } else if (cell.closeReason && kind === 'open') {
    errors.push({ path: 'closeReason', message: `"${cell.closeReason}" is given but the deal's stage "${out.stage!.name}" is open` });
  }

  if (cell.dealType) {
    const t = dealType(cell.dealType);
    if (!t) errors.push({ path: 'dealType', message: `"${cell.dealType}" is not a deal type (new, renewal or expansion)` });
    else out.dealType = t;
  }

  if (errors.length) return { ok: false, errors };
  return { ok: true, record: { ...out, amount: out.amount ?? null } as MappedDeal };
}
