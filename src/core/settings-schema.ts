/** The settings' schema: validates the settings file and every update from the renderer. */
import { z } from 'zod';
import {
  FONT_FAMILIES,
  INTERFACE_LOCALES,
  READ_ALOUD_VOICES,
  SETTING_BOUNDS,
  THEMES,
  type Settings,
} from './settings';
import { MAX_SPEECH_RATE, MIN_SPEECH_RATE } from './speech/voice';

const { textSize, lineWidth, lineHeight } = SETTING_BOUNDS;

export const settingsSchema = z.object({
  theme: z.enum(THEMES),
  textSize: z.number().int().min(textSize.min).max(textSize.max),
  lineWidth: z.number().int().min(lineWidth.min).max(lineWidth.max),
  lineHeight: z.number().min(lineHeight.min).max(lineHeight.max),
  fontFamily: z.enum(FONT_FAMILIES),
  locale: z.enum(INTERFACE_LOCALES),
  readAloudVoice: z.enum(READ_ALOUD_VOICES),
  readAloudRate: z.number().min(MIN_SPEECH_RATE).max(MAX_SPEECH_RATE),
}) satisfies z.ZodType<Settings>;

/** A partial update, as the settings panel sends it. */
export const settingsPatchSchema = settingsSchema.partial().strict();
