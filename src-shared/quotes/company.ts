import { z } from 'zod';
import { num, text } from '../validation';

/**
 * The company header every customer quote prints (Settings > Company on quotes), stored by
 * src-main/services/quotes-company.ts under the settings key `company` and synced as entity
 * `company`. A quote is sent only with the fields companyMissing() asks for.
 */

export const PRICE_PRESENTATIONS = ['groups', 'total'] as const;
export const PRICE_PRESENTATION_LABELS: Record<(typeof PRICE_PRESENTATIONS)[number], string> = {
  groups: 'A price per group (materials, labor, equipment, fees)',
  total: 'One price for the whole job',
};

export const companySchema = z.object({
  name: text('Company name', { max: 120 }).default(''),
  address: text('Company address', { max: 300 }).default(''),
  phone: text('Company phone', { max: 40 }).default(''),
  email: text('Company email', { max: 254 }).default(''),
  /** contractor's license number, printed under the company name when given */
  licenseNo: text('License no.', { max: 60 }).default(''),
  terms: text('Terms', { max: 4000, multiline: true }).default(
    'Prices in USD. 50 % deposit on acceptance, balance on completion. Permit approval, unforeseen ' +
      'subsurface conditions (rock, water, utilities) and changes to the design are excluded and ' +
      'priced separately.',
  ),
  /** what the price does not include, one item a line */
  exclusions: text('Exclusions', { max: 4000, multiline: true }).default(
    'Permit and utility locate fees unless listed\nRock, water or obstructions found while drilling\nPrimary electrical service to the sign location',
  ),
  validityDays: num('Validity', 'days', { min: 1, max: 365, int: true }).default(30),
  /** how the customer quote shows the price */
  pricePresentation: z
    .enum(PRICE_PRESENTATIONS, { error: 'Price presentation must be per group or one price' })
    .default('groups'),
  /** PNG or JPEG as a data URL, at most about 300 KB */
  logoDataUrl: z
    .string()
    .max(400_000, { message: 'The logo must be at most 300 KB' })
    .refine((s) => s === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(s), {
      message: 'The logo must be a PNG or JPEG image',
    })
    .default(''),
});
export type Company = z.output<typeof companySchema>;

/** What a quote sent to a customer must carry; the message names each missing field by label. */
const REQUIRED_COMPANY: [keyof Company, string][] = [
  ['name', 'company name'],
  ['address', 'address'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['terms', 'terms'],
];
export function companyMissing(c: Partial<Company>): string[] {
  return REQUIRED_COMPANY.filter(([k]) => !String(c[k] ?? '').trim()).map(([, label]) => label);
}
