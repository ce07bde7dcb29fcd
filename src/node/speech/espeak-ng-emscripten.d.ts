// The parts of @echogarden/espeak-ng-emscripten (eSpeak NG compiled by Emscripten, untyped) that
// espeak-engine.ts uses. Events follow eSpeak NG's espeak_EVENT: positions are 1-based character
// indices in the text; `audio_position` is in milliseconds from the start of the text.
declare module '@echogarden/espeak-ng-emscripten' {
  export interface EspeakEvent {
    type: string;
    text_position: number;
    word_length: number;
    audio_position: number;
    id: number | string | undefined;
  }
  export interface EspeakWorker {
    set_voice(name: string): number;
    set_rate(wordsPerMinute: number): number;
    get_samplerate(): number;
    synthesize(text: string, callback: (samples: Int16Array | null, events: EspeakEvent[]) => boolean): void;
  }
  export interface EspeakModule {
    eSpeakNGWorker: new () => EspeakWorker;
  }
  const createModule: (options?: Record<string, unknown>) => Promise<EspeakModule>;
  export default createModule;
}
