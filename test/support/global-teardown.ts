export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __infraTeardown?: () => Promise<void> }).__infraTeardown?.();
}
