/** Errors the dialog engine raises; the runtime maps each onto a Lex API exception. */
export class DialogError extends Error {
  override name = 'DialogError';
}

/** The code hook threw, timed out or answered with something Lex would reject (→ 424). */
export class CodeHookError extends DialogError {
  override name = 'CodeHookError';
}
