/**
 * A recording stand-in for the `electron` module, for loading the built main
 * bundle in vitest (shell.test.ts): it keeps every handler, listener and
 * option the shell registers so a test can call them the way Electron would.
 * It implements only what the shell uses and must never reach the real
 * `electron` package (requiring it tries to download the binary).
 */
import { vi } from 'vitest';
import { PDFDocument } from 'pdf-lib';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly handlers = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.handlers.get(name) ?? []) listener(...args);
  }
}

/** The calls whose order matters (before or after ready), in the order they happened. */
export const callOrder: string[] = [];
/** The pages the fake printToPDF printed, as the app:// handler served them. */
export const printedPages: { url: string; status: number; csp: string | null; html: string }[] = [];

/** What app.getPath('userData') answers; set by the test before loading the bundle. */
export const paths = { userData: '' };
/** What the native save dialog answers, and which button of a native message box the person presses. */
export const savedPath = { value: '/chosen/bundle.zip' };
export const messageBoxAnswer = { value: 0 };

export class FakeWebContents extends Emitter {
  readonly mainFrame = { url: 'app://dalel/index.html' };
  windowOpenHandler: Listener | null = null;
  /** What printToPDF answers: a one-page PDF whose title names the page it printed, read through the real app:// handler. */
  readonly printToPDF = vi.fn(async (_options: unknown) => {
    const url = this.loadedUrl ?? '';
    const page = await (protocolHandlers.get('app') as (request: Request) => Promise<Response>)(new Request(url));
    printedPages.push({ url, status: page.status, csp: page.headers.get('content-security-policy'), html: await page.text() });
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.setTitle(`fake print of ${url}`);
    pdf.setCreator('a browser, as a browser names itself');
    return Buffer.from(await pdf.save());
  });
  loadedUrl: string | undefined;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
}

class BrowserWindow extends Emitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.instances;
  }
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  focused = 0;
  constructor(readonly options: { webPreferences: Record<string, unknown>; [option: string]: unknown }) {
    super();
    BrowserWindow.instances.push(this);
    callOrder.push('new BrowserWindow');
  }
  destroyed = false;
  loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.loadedUrl = url;
    return Promise.resolve();
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {
    this.focused += 1;
  }
}

export function makeSession() {
  const session = {
    /** The listener given to webRequest.onBeforeRequest. */
    beforeRequest: null as Listener | null,
    webRequest: {
      onBeforeRequest: vi.fn((...args: unknown[]) => {
        session.beforeRequest = args.at(-1) as Listener;
      }),
    },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
  };
  return session;
}

const app = Object.assign(new Emitter(), {
  isPackaged: false,
  whenReady: vi.fn(() => {
    callOrder.push('whenReady');
    return Promise.resolve();
  }),
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(() => callOrder.push('enableSandbox')),
  getPath: vi.fn((name: string) => {
    if (name === 'userData') return paths.userData;
    throw new Error(`unexpected getPath(${name})`);
  }),
  getLocale: vi.fn(() => 'en-US'),
  getPreferredSystemLanguages: vi.fn(() => ['en-US']),
  getVersion: vi.fn(() => '9.8.7-test'),
  setAboutPanelOptions: vi.fn(),
  quit: vi.fn(),
  exit: vi.fn(),
  dock: { hide: vi.fn() },
});

/** The handlers given to protocol.handle, by scheme. */
export const protocolHandlers = new Map<string, Listener>();

export const fakeElectron = {
  app,
  BrowserWindow,
  session: { defaultSession: makeSession() },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(() => callOrder.push('registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, handler: Listener) => {
      callOrder.push(`protocol.handle ${scheme}`);
      protocolHandlers.set(scheme, handler);
    }),
  },
  ipcMain: { handle: vi.fn((_channel: string, _handler: Listener) => {}) },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  dialog: {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/chosen/folder'] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: savedPath.value })),
    /** The person's answer: 0 is Cancel, 1 the action. */
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: messageBoxAnswer.value })),
    showErrorBox: vi.fn(),
  },
};
