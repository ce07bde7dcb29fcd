export { SpeechSynthesizer, speechWorkerFromSources, type SentenceToSpeak } from './speech-synthesizer';
export { EspeakEngine, type EngineOutput } from './espeak-engine';
export { decodeWav, encodeWav } from './wav';
