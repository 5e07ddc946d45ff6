import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors } from '../platform/openapi.ts';
import {
  channelRulesInputSchema,
  channelRulesSchema,
  channelSchema,
  testTouchResultSchema,
  testTouchSchema,
} from './channel-rules.schemas.ts';
import { forgetChannelRules, readChannelRuleSet, resetChannelRules, saveChannelRules } from './channel-rules.store.ts';
import { enqueueReclassify } from './reclassify-touches.ts';
import { explainTouch } from './classify-channel.ts';
import { listChannels } from './list-channels.ts';

const tags = ['Channels'];

export function channelRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/channels', {
    schema: {
      tags,
      summary: 'List channel names',
      description: 'The built-in channels, then any other channel named by this workspace’s rules or campaigns.',
      response: { 200: z.object({ data: z.array(channelSchema) }), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => ({ data: await listChannels(db, req.principal!.workspaceId) }),
  });

  app.get('/api/v1/channel-rules', {
    schema: {
      tags,
      summary: 'Get the channel rules',
      description: 'Ordered; the first rule whose conditions all hold gives a touch its channel (`Other` when none does).',
      response: { 200: channelRulesSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const set = await readChannelRuleSet(db, req.principal!.workspaceId);
      return { data: set.rules, isDefault: set.isDefault };
    },
  });

  app.put('/api/v1/channel-rules', {
    schema: {
      tags,
      summary: 'Replace the channel rules',
      description:
        'Saves the whole ordered list. New touches are classified with it at once; touches already recorded are ' +
        'reclassified by a background job.',
      body: channelRulesInputSchema,
      response: { 200: channelRulesSchema, ...errors() },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await db.transaction().execute(async (trx) => {
        await saveChannelRules(trx, ws, req.body.rules);
        await enqueueReclassify(trx, ws);
      });
      forgetChannelRules(ws);
      return { data: req.body.rules, isDefault: false };
    },
  });

  app.post('/api/v1/channel-rules/reset', {
    schema: { tags, summary: 'Go back to the default channel rules', response: { 200: channelRulesSchema, ...errors() } },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await db.transaction().execute(async (trx) => {
        await resetChannelRules(trx, ws);
        await enqueueReclassify(trx, ws);
      });
      forgetChannelRules(ws);
      const set = await readChannelRuleSet(db, ws);
      return { data: set.rules, isDefault: set.isDefault };
    },
  });

  app.post('/api/v1/channel-rules/test', {
    schema: {
      tags,
      summary: 'Classify a sample visit',
      description:
        'Runs a landing URL (with its UTM tags and click ids) and a referrer through the saved rules, or through `rules` ' +
        'if given, and says which channel it gets and which rule matched. Nothing is stored.',
      body: testTouchSchema,
      response: { 200: testTouchResultSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const rules = req.body.rules ?? (await readChannelRuleSet(db, req.principal!.workspaceId)).rules;
      const explained = explainTouch(rules, {
        kind: req.body.kind,
        landingUrl: req.body.landingUrl,
        referrer: req.body.referrer,
        utm: {},
        clickIds: {},
      });
      return {
        result: explained.result,
        matchedRule: explained.matchedRule === null ? null : { position: explained.matchedRule, rule: rules[explained.matchedRule]! },
        fields: explained.fields,
      };
    },
  });
}
