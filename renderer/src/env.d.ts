/** Vite's types for the renderer: CSS and asset imports. */
/// <reference types="vite/client" />
