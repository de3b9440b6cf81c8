/** A cue term compiled to its regular expression, with what a match of it stands for. */
export interface CompiledCue<T> {
  cue: string;
  regex: RegExp;
  payload: T;
}
