import type { z } from 'zod';
import type { CommandDef, EventDef } from './define';
import { appContract, appEvents } from './contracts/app';
import { designsContract, designsEvents } from './contracts/designs';
import { quotesContract, quotesEvents } from './contracts/quotes';
import { projectsContract, projectsEvents } from './contracts/projects';
import { signsContract, signsEvents } from './contracts/signs';
import { syncContract, syncEvents } from './contracts/sync';

/**
 * Every IPC command, declared once (docs/STYLE.md 1). The preload allowlist, the typed renderer
 * client, the bridge and dispatch() are all derived from this object.
 */
export const contract = {
  ...appContract,
  ...projectsContract,
  ...signsContract,
  ...designsContract,
  ...syncContract,
  ...quotesContract,
} satisfies Record<string, CommandDef>;

export const events = {
  ...appEvents,
  ...projectsEvents,
  ...signsEvents,
  ...designsEvents,
  ...syncEvents,
  ...quotesEvents,
} satisfies Record<string, EventDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** The capability the preload exposes as `window.signwright` (and the other transports mimic). */
export interface SignwrightBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
