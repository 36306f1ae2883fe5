import type { ComponentType, ReactNode } from 'react';
import type { Route } from './router';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { PriceBookScreen } from '../features/pricebook/PriceBookScreen';
import { SyncRailLabel } from '../features/sync/SyncRailLabel';
import { SyncScreen } from '../features/sync/SyncScreen';

/** Left-rail sections beyond Projects; areas register their screens here. */
export const railItems: { route: Route; label: ReactNode }[] = [
  { route: { name: 'pricebook' }, label: 'Price book' },
  { route: { name: 'sync' }, label: <SyncRailLabel /> },
  { route: { name: 'settings' }, label: 'Settings' },
];

export const screens: Partial<Record<Route['name'], ComponentType>> = {
  settings: SettingsScreen,
  pricebook: PriceBookScreen,
  sync: SyncScreen,
};
