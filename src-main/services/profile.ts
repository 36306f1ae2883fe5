import { eq } from 'drizzle-orm';
import type { Profile } from '../../src-shared/projects';
import { profile } from '../db/schema';
import type { AppDb } from '../db/client';

export function getProfile(db: AppDb): Profile | null {
  const row = db.select().from(profile).where(eq(profile.id, 'local')).get();
  return row ? { name: row.name, initials: row.initials } : null;
}

export function setProfile(db: AppDb, p: Profile, now: string): Profile {
  db.insert(profile)
    .values({ id: 'local', name: p.name, initials: p.initials, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: profile.id,
      set: { name: p.name, initials: p.initials, updatedAt: now },
    })
    .run();
  return p;
}
