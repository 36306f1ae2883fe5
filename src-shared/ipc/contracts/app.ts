import { z } from 'zod';
import { defineCommand } from '../define';

export const appInfoSchema = z.object({
  version: z.string(),
  engineVersion: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser', 'memory']),
});

export const appContract = {
  'app:info': defineCommand(z.object({}).default({}), appInfoSchema),
};

export const appEvents = {};
