import { z } from 'zod';

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code, e.g. USD');

/** Money: up to 12 digits before the point and 2 after, never negative. */
export const moneySchema = z
  .number({ message: 'must be a number' })
  .min(0, 'must not be negative')
  .max(999_999_999_999.99, 'must be below 1,000,000,000,000')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most 2 decimals');

export const productSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string().nullable(),
    description: z.string().nullable(),
    unitPrice: z.number(),
    currency: z.string(),
    active: z.boolean().describe('Inactive products stay on existing deals but are not offered for new line items.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Product' });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

const productFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  sku: optionalText(64),
  description: optionalText(2000),
  unitPrice: moneySchema,
  currency: currencySchema,
  active: z.boolean(),
};

export const createProductSchema = z
  .strictObject(productFields)
  .partial()
  .required({ name: true, unitPrice: true })
  .meta({ id: 'ProductCreate' });

export const updateProductSchema = z.strictObject(productFields).partial().meta({ id: 'ProductUpdate' });

export type Product = z.output<typeof productSchema>;
export type CreateProduct = z.output<typeof createProductSchema>;
export type UpdateProduct = z.output<typeof updateProductSchema>;
