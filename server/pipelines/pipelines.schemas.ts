import { z } from 'zod';

export const STAGE_TYPES = ['open', 'won', 'lost'] as const;

export const stageSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    probability: z.number().int().describe('Default win probability, 0–100; weighted amounts use it.'),
    type: z.enum(STAGE_TYPES),
  })
  .meta({ id: 'PipelineStage' });

export const pipelineSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    isDefault: z.boolean(),
    stages: z.array(stageSchema).describe('In board order.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Pipeline' });

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const probability = z.number().int('must be a whole number').min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');

const stageFields = { name, probability, type: z.enum(STAGE_TYPES) };

export const createStageSchema = z
  .strictObject({
    ...stageFields,
    position: z.number().int().min(0).optional().describe('Where to insert it (0 = first); the end by default.'),
  })
  .partial({ probability: true, type: true })
  .meta({ id: 'PipelineStageCreate' });

export const updateStageSchema = z.strictObject(stageFields).partial().meta({ id: 'PipelineStageUpdate' });

/** Checks the rule every pipeline keeps: at least one won and one lost stage. */
function hasClosedStages(stages: Array<{ type?: string }>): boolean {
  return stages.some((s) => s.type === 'won') && stages.some((s) => s.type === 'lost');
}

export const createPipelineSchema = z
  .strictObject({
    name,
    isDefault: z.boolean().optional(),
    stages: z
      .array(z.strictObject(stageFields).partial({ probability: true }))
      .min(2, 'needs at least a won and a lost stage')
      .max(30, 'at most 30 stages')
      .optional()
      .describe('In board order. Omitted: the default stages (Qualification … Closed won, Closed lost).'),
  })
  .refine((p) => !p.stages || hasClosedStages(p.stages), { message: 'needs at least one won and one lost stage', path: ['stages'] })
  .refine((p) => !p.stages || new Set(p.stages.map((s) => s.name.toLowerCase())).size === p.stages.length, {
    message: 'stage names must be unique within a pipeline',
    path: ['stages'],
  })
  .meta({ id: 'PipelineCreate' });

export const updatePipelineSchema = z
  .strictObject({
    name,
    isDefault: z.literal(true).describe('Make this the default pipeline (new deals land here).'),
    position: z.number().int().min(0),
  })
  .partial()
  .meta({ id: 'PipelineUpdate' });

export const reorderStagesSchema = z
  .strictObject({
    stageIds: z
      .array(z.uuid({ message: 'must be a valid stage id' }))
      .min(1)
      .max(30),
  })
  .meta({ id: 'PipelineStageOrder' });

export const deleteStageQuerySchema = z.strictObject({
  moveDealsTo: z
    .uuid({ message: 'must be a valid stage id' })
    .optional()
    .describe('Stage (of any pipeline) that receives the deals of the deleted stage; required when it has deals.'),
});

export const stageParams = z.object({
  id: z.uuid({ message: 'must be a valid id (UUID)' }),
  stageId: z.uuid({ message: 'must be a valid stage id (UUID)' }),
});

export type Stage = z.output<typeof stageSchema>;
export type Pipeline = z.output<typeof pipelineSchema>;
export type CreatePipeline = z.output<typeof createPipelineSchema>;
export type UpdatePipeline = z.output<typeof updatePipelineSchema>;
export type CreateStage = z.output<typeof createStageSchema>;
export type UpdateStage = z.output<typeof updateStageSchema>;
