import { z } from 'zod';

export const customFieldTypes = ['text', 'number', 'date', 'boolean', 'select', 'multi_select'] as const;
export const customFieldObjects = ['contact', 'account'] as const;

const option = z.strictObject({
  value: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1).max(100),
});

export const customFieldSchema = z
  .object({
    id: z.uuid(),
    objectType: z.enum(customFieldObjects),
    key: z.string(),
    label: z.string(),
    type: z.enum(customFieldTypes),
    options: z.array(z.object({ value: z.string(), label: z.string() })),
    required: z.boolean(),
    description: z.string().nullable(),
    position: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CustomField' });

export const createCustomFieldSchema = z
  .strictObject({
    objectType: z.enum(customFieldObjects),
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must start with a letter and use only a-z, 0-9 and _ (at most 40 characters)')
      .optional()
      .describe('Stable API name; derived from the label when omitted.'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    options: z.array(option).max(500).optional(),
    required: z.boolean().optional(),
    description: z.string().trim().max(500).nullable().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .superRefine((v, ctx) => {
    const needsOptions = v.type === 'select' || v.type === 'multi_select';
    if (needsOptions && !v.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs at least one option' });
    if (!needsOptions && v.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${v.type} field has no options` });
    const values = v.options?.map((o) => o.value) ?? [];
    if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must be unique' });
  });

export const updateCustomFieldSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(100).optional(),
    options: z.array(option).max(500).optional(),
    required: z.boolean().optional(),
    description: z.string().trim().max(500).nullable().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .describe('The key, type and object of a field cannot change: values already stored depend on them.');

export type CustomField = z.output<typeof customFieldSchema>;
export type CreateCustomField = z.output<typeof createCustomFieldSchema>;
export type UpdateCustomField = z.output<typeof updateCustomFieldSchema>;
