/** The name every tap of the plugin is registered under; also the name of its cache (generated-key.ts). */
export const PLUGIN_NAME = 'ServerActionsPlugin';
