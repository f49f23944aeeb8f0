// Vite's import.meta.glob, declared here because the project does not load vite/client's types.
interface ImportMeta {
  glob(
    pattern: string | string[],
    options: { query?: '?raw'; import?: 'default'; eager: true },
  ): Record<string, unknown>;
}
