/**
 * What the window loads first: the settings and the library's first screen. Started before
 * the interface is mounted, so the requests run while the page's components are built.
 */
import { library } from './library.svelte';
import { settings } from './settings.svelte';

export const startupLoad: Promise<unknown> = Promise.all([settings.load(), library.refresh()]);
