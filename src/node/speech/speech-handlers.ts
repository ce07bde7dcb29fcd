/** The contract's read-aloud methods, over one `SpeechSynthesizer` (the shipped voice's thread). */
import type { GazetteHandlers } from '../../core/ipc/contract';
import { SpeechSynthesizer, speechWorkerFromSources } from './speech-synthesizer';

type SpeechHandlers = Pick<GazetteHandlers, 'prepareSpeech' | 'synthesizeSentence'>;

/** The handlers and `close`, which stops the voice's thread. */
export interface SpeechServices {
  handlers: SpeechHandlers;
  close(): Promise<void>;
}

/**
 * Read-aloud over `synthesizer`: the app gives one on its built worker (speech-worker.js); without
 * one (command line, tests, the end-to-end bridge) the worker runs from sources under tsx. The
 * thread starts at the first call, not here, so a reader who never listens never loads the voice.
 */
export function createSpeechServices(synthesizer?: SpeechSynthesizer): SpeechServices {
  let voice = synthesizer;
  const get = (): SpeechSynthesizer => (voice ??= new SpeechSynthesizer(speechWorkerFromSources()));
  return {
    handlers: {
      prepareSpeech: async () => {
        await get().warmUp();
        return { ready: true };
      },
      synthesizeSentence: async (sentence) => get().synthesize(sentence),
    },
    close: async () => {
      await voice?.close();
    },
  };
}
