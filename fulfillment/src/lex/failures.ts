/** The sentences a person sees when a turn could not be completed. Each says what to do next. */
export const COULD_NOT_SAVE = "I couldn't save that — please try again.";
export const COULD_NOT_LOOK_UP = "I couldn't look that up just now — please try again. Nothing was changed.";
export const UNKNOWN_USER =
  "I can't tell who you are, so I didn't save anything. Please sign in again and retry.";
export const UNREADABLE = "Sorry, I couldn't read that request, so nothing was saved. Please try again.";
