/** Vite's `?raw` imports, which the tests use to read a fixture as text without Node's fs (shared/ stays pure). */
declare module '*?raw' {
  const text: string;
  export default text;
}
