import { createContext } from 'react';

/**
 * Called by a bubble whose content grows after it was first shown (a chart replacing its text
 * placeholder once its code has loaded), so the list can stay pinned to the newest message.
 * chatscope follows new messages, but not a message that gets taller.
 */
export const ContentGrewContext = createContext<() => void>(() => {});
