// How channel rules read in the editor: field and operator labels, and a one-line summary of a rule.
import type { Schemas } from '../../../api/client.ts';

export type ChannelRule = Schemas['ChannelRule'];
export type RuleCondition = Schemas['ChannelRuleCondition'];
export type RuleField = RuleCondition['field'];
export type RuleOperator = RuleCondition['operator'];

export const FIELD_LABELS: Record<RuleField, string> = {
  source: 'Source',
  medium: 'Medium',
  campaign: 'Campaign',
  content: 'Content',
  term: 'Term',
  source_category: 'Source category',
  referrer_domain: 'Referrer domain',
  click_id: 'Click id',
  kind: 'Touch kind',
};

export const FIELD_HINTS: Partial<Record<RuleField, string>> = {
  source_category: 'search, social or email',
  click_id: 'gclid, fbclid, li_fat_id, msclkid, …',
  kind: 'visit, form, email_click or ad_click',
  referrer_domain: 'e.g. g2.com or *.partner.io',
};

export const OPERATOR_LABELS: Record<RuleOperator, string> = {
  matches: 'matches',
  does_not_match: 'does not match',
  is_set: 'is set',
  is_not_set: 'is empty',
};

export const needsValues = (op: RuleOperator) => op === 'matches' || op === 'does_not_match';

export function conditionText(c: RuleCondition): string {
  const field = FIELD_LABELS[c.field].toLowerCase();
  return needsValues(c.operator)
    ? `${field} ${OPERATOR_LABELS[c.operator]} ${c.values.join(', ')}`
    : `${field} ${OPERATOR_LABELS[c.operator]}`;
}

export function ruleText(rule: ChannelRule): string {
  return rule.conditions.length ? rule.conditions.map(conditionText).join(' and ') : 'every touch (catch-all)';
}
