import type { Tone } from '../../generation/tones/tone.ts';

/** A tone as the API shows it: built-in tones cannot be changed or deleted. */
export type ToneView = Tone & { builtIn: boolean };
