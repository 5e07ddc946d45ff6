// Channel rules: an ordered list, first match wins. Each rule names a channel and the conditions
// (all must hold) a touch has to meet. Patterns are case-insensitive with `*` for "any text" rather
// than regular expressions: marketers can read them, and they cannot be made to backtrack forever.
import { z } from 'zod';

export const RULE_FIELDS = [
  'source',
  'medium',
  'campaign',
  'content',
  'term',
  'source_category',
  'referrer_domain',
  'click_id',
  'kind',
] as const;
export const RULE_OPERATORS = ['matches', 'does_not_match', 'is_set', 'is_not_set'] as const;
export const SOURCE_CATEGORIES = ['search', 'social', 'email'] as const;

export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleOperator = (typeof RULE_OPERATORS)[number];
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

export const channelNameSchema = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

export const ruleConditionSchema = z
  .strictObject({
    field: z.enum(RULE_FIELDS),
    operator: z.enum(RULE_OPERATORS),
    values: z
      .array(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'))
      .max(50, 'at most 50 values')
      .describe('Patterns for `matches`/`does_not_match` (any one may match; `*` matches any text). Empty for `is_set`/`is_not_set`.'),
  })
  .superRefine((c, ctx) => {
    const needsValues = c.operator === 'matches' || c.operator === 'does_not_match';
    if (needsValues && c.values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `give at least one pattern for ${c.operator}` });
    }
    if (!needsValues && c.values.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `must be empty for ${c.operator}` });
    }
  })
  .meta({ id: 'ChannelRuleCondition' });

export const channelRuleSchema = z
  .strictObject({
    channel: channelNameSchema,
    conditions: z
      .array(ruleConditionSchema)
      .max(10, 'at most 10 conditions per rule')
      .describe('All must hold. A rule without conditions matches every touch (a catch-all).'),
  })
  .meta({ id: 'ChannelRule' });

export const channelRulesInputSchema = z
  .strictObject({
    rules: z.array(channelRuleSchema).min(1, 'keep at least one rule (reset to go back to the defaults)').max(200, 'at most 200 rules'),
  })
  .meta({ id: 'ChannelRulesUpdate' });

export const channelRulesSchema = z
  .object({
    data: z.array(channelRuleSchema),
    isDefault: z.boolean().describe('True while the workspace uses the built-in rules.'),
  })
  .meta({ id: 'ChannelRules' });

export const touchKinds = ['visit', 'form', 'email_click', 'ad_click'] as const;

export const testTouchSchema = z
  .strictObject({
    landingUrl: z.string().trim().max(4000, 'must be at most 4,000 characters').nullable().default(null),
    referrer: z.string().trim().max(4000, 'must be at most 4,000 characters').nullable().default(null),
    kind: z.enum(touchKinds).default('visit'),
    rules: z
      .array(channelRuleSchema)
      .max(200, 'at most 200 rules')
      .optional()
      .describe('Rules to try instead of the saved ones (to test edits before saving).'),
  })
  .refine((t) => t.landingUrl || t.referrer, {
    message: 'give a landing URL, a referrer or both',
    path: ['landingUrl'],
  })
  .meta({ id: 'ChannelRuleTest' });

export const classifiedSchema = z.object({
  channel: z.string(),
  source: z.string().nullable(),
  medium: z.string().nullable(),
  campaign: z.string().nullable(),
  content: z.string().nullable(),
  term: z.string().nullable(),
  clickIdType: z.string().nullable(),
});

export const testTouchResultSchema = z
  .object({
    result: classifiedSchema,
    matchedRule: z
      .object({ position: z.number().int(), rule: channelRuleSchema })
      .nullable()
      .describe('The first rule that matched (0-based position), or null when none did and the fallback channel applied.'),
    fields: z.record(z.string(), z.string().nullable()).describe('The values the rules saw, by rule field.'),
  })
  .meta({ id: 'ChannelRuleTestResult' });

export const channelSchema = z
  .object({
    name: z.string(),
    builtIn: z.boolean().describe('One of Tandem’s default channels.'),
    description: z.string().nullable(),
  })
  .meta({ id: 'Channel' });

export type RuleCondition = z.output<typeof ruleConditionSchema>;
export type ChannelRule = z.output<typeof channelRuleSchema>;
