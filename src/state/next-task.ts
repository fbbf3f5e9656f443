/**
 * Resolves in a later task of the page's event loop (a `setTimeout` of 0), so the browser can
 * paint and handle input between two long pieces of work on the main thread — e.g. reading the
 * worker's answer for 1,000,000 homes, then updating the store with it (issue 9: "the tab stays
 * responsive throughout"). Costs one task hop (≈ 0–4 ms); changes no result, only when it lands.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
