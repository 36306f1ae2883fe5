// pino-roll ships no types; the options used here are those of its README ("Options").
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  import type { SonicBoomOpts } from 'sonic-boom';

  export interface PinoRollOptions extends Partial<SonicBoomOpts> {
    /** path without the number: <file>.<n><extension> */
    file: string | (() => string);
    /** '5m', '200k', '512b' or a number of MB */
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    /** count: files kept in addition to the current one */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom>;
}
