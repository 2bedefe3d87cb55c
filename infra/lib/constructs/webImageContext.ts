/**
 * The web image builds from the repository root (the app shares the chat API contract with fulfillment/
 * and installs from the root lockfile). These .dockerignore-style patterns stage only what the
 * chat-web/Dockerfile copies, so synth stays fast and the image hash changes only when the web app does.
 */
export const WEB_IMAGE_EXCLUDES = [
  '*',
  '!package.json',
  '!package-lock.json',
  '!.npmrc',
  '!tsconfig.base.json',
  '!bot',
  'bot/*',
  '!bot/package.json',
  '!bot/src',
  'bot/src/*',
  '!bot/src/definition',
  '!fulfillment',
  'fulfillment/*',
  '!fulfillment/package.json',
  '!fulfillment/src',
  'fulfillment/src/*',
  '!fulfillment/src/chatApi',
  '!fulfillment/src/proxy',
  '!infra',
  'infra/*',
  '!infra/package.json',
  '!scripts',
  'scripts/*',
  '!scripts/package.json',
  '!chat-web',
  'chat-web/node_modules',
  'chat-web/dist',
  'chat-web/e2e',
  '**/*.test.ts',
] as const;
