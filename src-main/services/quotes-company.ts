import { eq } from 'drizzle-orm';
import { companySchema, type Company } from '../../src-shared/quotes';
import { settings } from '../db/schema';
import { recordChange, type ServiceContext } from './context';
import { queueCompany, storedCompany } from './sync/company';

/** The company header printed on quotes (name, address, phone, logo, terms), in `settings`. */
const KEY = 'company';

export function getCompany(ctx: ServiceContext): Company {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  const parsed = companySchema.safeParse(row ? JSON.parse(row.value) : {});
  return parsed.success ? parsed.data : companySchema.parse({});
}

export function saveCompany(ctx: ServiceContext, company: Company): Company {
  const before = getCompany(ctx);
  const { value } = recordChange(ctx, (at) => {
    // fields another (newer) build synced that this one does not know are kept, not dropped
    const text = JSON.stringify({ ...(storedCompany(ctx.sqlite) ?? {}), ...company });
    ctx.db
      .insert(settings)
      .values({ key: KEY, value: text, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: at } })
      .run();
    // the logo is large and already in `after` by its length only: audit what changed, not bytes
    // synced as the organization's `company` record once this laptop knows its org (sign-in)
    queueCompany(ctx.sqlite, at);
    const slim = (c: Company) => ({
      ...c,
      logoDataUrl: c.logoDataUrl ? `${c.logoDataUrl.length} chars` : '',
    });
    return {
      value: company,
      change: {
        entity: 'company-settings',
        entityId: KEY,
        action: 'company.updated',
        before: slim(before),
        after: slim(company),
      },
    };
  });
  return value;
}
